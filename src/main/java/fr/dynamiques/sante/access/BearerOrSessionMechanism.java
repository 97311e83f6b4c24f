package fr.dynamiques.sante.access;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The directory's one way of telling who calls: {@code Authorization: Bearer <token>} (an account's token or a token
 * of the configuration) anywhere, else the session cookie of the pages. The cookie is not read under {@code /api/}: a
 * browser sends it by itself, so an API that took it would be open to requests forged by other sites, while a bearer
 * token is sent only by a client that holds it. Authentication is lazy: it happens when an endpoint needs the caller.
 */
@ApplicationScoped
public class BearerOrSessionMechanism implements HttpAuthenticationMechanism {

    /** The pages' session cookie. */
    public static final String SESSION_COOKIE = "session";

    private static final ChallengeData CHALLENGE = new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\"directory\"");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager providers) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.strip().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
                return Uni.createFrom().failure(new AuthenticationFailedException(
                        "Only bearer tokens are accepted: Authorization: Bearer <token>."));
            }
            TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(parts[1], "bearer"));
            return providers.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
        }
        Cookie session = context.request().getCookie(SESSION_COOKIE);
        if (session != null && !context.normalizedPath().startsWith("/api/")) {
            return providers.authenticate(
                    HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(session.getValue()), context));
        }
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(CHALLENGE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, SessionRequest.class);
    }
}
