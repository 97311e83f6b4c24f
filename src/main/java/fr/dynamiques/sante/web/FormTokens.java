package fr.dynamiques.sante.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import fr.dynamiques.sante.access.Identities;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * The pages' defence against forged requests (CSRF), for every form they post: the form's {@value #FIELD} field must
 * equal the signed-in session's token, or, on the sign-in form (no session yet), the token of the form's own cookie
 * (double submit). Compared in constant time; a mismatch is a 403 and nothing is done. (Quarkus's CSRF extension is not
 * published for the Quarkus version the directory uses.)
 */
public class FormTokens {

    static final String FIELD = "csrf";
    static final String SIGN_IN_COOKIE = "signin_form";
    static final String SIGN_IN_PATH = "/connexion";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;

    FormTokens(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @WithFormRead
    @ServerRequestFilter
    public Uni<Void> check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        // The path as routed, so that "/api/%2e%2e/espace/..." is checked as the page it reaches.
        String path = Visitor.normalized(request.path());
        if (SAFE.contains(context.getMethod()) || !ErrorPage.servesPath(path)) {
            return Uni.createFrom().voidItem();
        }
        // Every other request to a page changes something: it carries the token, whatever its type (none read, none sent).
        MediaType type = context.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)); // a file sent from a page (an import)
        Object field = !form ? null
                : ((ResteasyReactiveRequestContext) context.getServerRequestContext()).getFormParameter(FIELD, true, false);
        String sent = field instanceof String s ? s : null;
        // Signing in and asking for an account: no session yet, the form's cookie carries the token.
        if (path.equals(SIGN_IN_PATH) || path.startsWith(SIGN_IN_PATH + "/")) {
            Cookie cookie = request.getCookie(SIGN_IN_COOKIE);
            return same(cookie == null ? null : cookie.getValue(), sent) ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(expired());
        }
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().failure(new ProblemException(403, "Sign in first.", List.of()));
            }
            String expected = identity.getAttribute(Identities.FORM_TOKEN);
            return same(expected, sent) ? Uni.createFrom().voidItem() : Uni.createFrom().failure(expired());
        });
    }

    private static boolean same(String expected, String sent) {
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException expired() {
        return new ProblemException(403, "This form has expired: reload the page and try again.", List.of());
    }
}
