package fr.dynamiques.sante.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.account.AccessToken;
import fr.dynamiques.sante.account.Account;
import fr.dynamiques.sante.account.AccountRequest;
import fr.dynamiques.sante.account.Throttle;
import fr.dynamiques.sante.account.WebSession;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.text.Stripped;

/**
 * Signing in and out of the pages. The sign-in form carries a token matching a cookie (double submit: no session
 * yet to hold one), checked with every other form's by {@link FormTokens}; a wrong email and a wrong password get the
 * same answer, after the same work; repeated failures are throttled. The session cookie is HttpOnly, Secure and
 * SameSite=Lax.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    static final String FORM_COOKIE = FormTokens.SIGN_IN_COOKIE;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String formToken, String error);

        static native TemplateInstance request(RequestView view);
    }

    /**
     * The account request form for a scheme: as typed (the mistakes next to their fields), or empty, or sent (and
     * said so).
     */
    public record RequestView(Scheme scheme, String name, String email, String message, String formToken,
            List<FieldError> errors, boolean sent) {

        static RequestView empty(Scheme scheme, String formToken, boolean sent) {
            return new RequestView(scheme, "", "", "", formToken, List.of(), sent);
        }
    }

    /** A valid email address, roughly: what a person can type and receive mail at. */
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}";

    private final Visitor visitor;
    private final Throttle throttle;

    SignInPage(Visitor visitor, Throttle throttle) {
        this.visitor = visitor;
        this.throttle = throttle;
    }

    @GET
    @Path("/connexion")
    @Transactional
    public Response form(@CookieParam(FORM_COOKIE) String formCookie) {
        // Keep a well-formed token (32 random bytes are 43 base64 characters), else issue one.
        String token = formCookie == null || !formCookie.matches("[A-Za-z0-9_-]{43}") ? AccessToken.random() : formCookie;
        return visitor.answer(200, Templates.signIn("", token, null)).cookie(formCookie(token)).build();
    }

    @POST
    @Path("/connexion")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password) {
        Messages msg = visitor.messages();
        String typed = email == null ? "" : email.strip();
        String key = typed.toLowerCase(Locale.ROOT);
        if (!throttle.attempt(key, visitor.getClientAddress())) {
            return answer(429, typed, msg.signin_throttled());
        }
        Account account = typed.length() > 254 || password == null || password.length() > 200 ? null
                : Account.signingIn(typed, password).orElse(null);
        if (account == null) {
            return answer(401, typed, msg.signin_wrong());
        }
        throttle.succeeded(key, visitor.getClientAddress());
        String cookie = WebSession.open(account);
        return Response.seeOther(URI.create("/espace"))
                .cookie(new NewCookie.Builder(Visitor.SESSION).value(cookie).path("/").httpOnly(true).secure(true)
                        .sameSite(NewCookie.SameSite.LAX).maxAge((int) WebSession.LIFETIME.toSeconds()).build())
                .build();
    }

    /** The form asking for an account on a scheme (linked from its page): nothing is granted until someone decides. */
    @GET
    @Path("/connexion/demande")
    @Transactional
    public Response requestForm(@QueryParam("dispositif") String schemeId, @CookieParam(FORM_COOKIE) String formCookie) {
        Scheme scheme = Scheme.findExisting(schemeId);
        String token = formCookie == null || !formCookie.matches("[A-Za-z0-9_-]{43}") ? AccessToken.random() : formCookie;
        return visitor.answer(200, Templates.request(RequestView.empty(scheme, token, false))).cookie(formCookie(token))
                .build();
    }

    @POST
    @Path("/connexion/demande")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@FormParam("dispositif") String schemeId, @FormParam("name") String name,
            @FormParam("email") String email,
            @FormParam("message") String message) {
        Scheme scheme = Scheme.findExisting(schemeId);
        String typedName = name == null ? "" : name.strip();
        String typedEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String typedMessage = message == null ? "" : message.strip();
        List<FieldError> errors = new ArrayList<>();
        if (typedName.isEmpty() || typedName.length() > 200) {
            errors.add(new FieldError("name", visitor.messages().request_name_invalid()));
        }
        if (typedEmail.length() > 320 || !typedEmail.matches(EMAIL)) {
            errors.add(new FieldError("email", visitor.messages().request_email_invalid()));
        }
        if (typedMessage.length() > 2000) {
            errors.add(new FieldError("message", visitor.messages().request_message_invalid()));
        }
        if (errors.isEmpty() && AccountRequest.pendingFrom(typedEmail) >= AccountRequest.PENDING_PER_EMAIL) {
            errors.add(new FieldError("email", visitor.messages().request_pending()));
        }
        boolean throttled = errors.isEmpty() && !throttle.accountRequest(visitor.getClientAddress());
        if (throttled) {
            errors.add(new FieldError("email", visitor.messages().request_throttled()));
        }
        String token = AccessToken.random();
        if (!errors.isEmpty()) {
            return visitor
                    .answer(throttled ? 429 : 400, Templates.request(
                            new RequestView(scheme, typedName, typedEmail, typedMessage, token, errors, false)))
                    .cookie(formCookie(token)).build();
        }
        AccountRequest.open(scheme, typedName, typedEmail, Stripped.orNull(typedMessage));
        return visitor.answer(200, Templates.request(RequestView.empty(scheme, token, true))).cookie(formCookie(token))
                .build();
    }

    @POST
    @Path("/deconnexion")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        // The form's token matched the session's (FormTokens): the session ends on the server, then the cookie goes.
        visitor.sessionId().ifPresent(WebSession::end);
        return Response.seeOther(URI.create("/")).cookie(clearedSession()).build();
    }

    /** The session cookie, emptied: the browser forgets it. */
    static NewCookie clearedSession() {
        return new NewCookie.Builder(Visitor.SESSION).value("").path("/").httpOnly(true).secure(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    private Response answer(int status, String email, String error) {
        String token = AccessToken.random();
        return visitor.answer(status, Templates.signIn(email, token, error)).cookie(formCookie(token)).build();
    }

    private static NewCookie formCookie(String token) {
        return new NewCookie.Builder(FORM_COOKIE).value(token).path("/connexion").httpOnly(true).secure(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
