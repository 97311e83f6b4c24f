package fr.dynamiques.sante.access;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.WebSession;

/**
 * The pages' session cookie: the account of a live session, with the session's form token (CSRF) and id. An expired
 * or unknown cookie is an anonymous visitor, not an error: the pages then offer to sign in.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> WebSession.of(request.cookie)
                .<SecurityIdentity> map(session -> Identities.of(Caller.of(session.account))
                        .addAttribute(Identities.FORM_TOKEN, session.csrf)
                        .addAttribute(Identities.SESSION_ID, session.id).build())
                .orElseGet(Identities::anonymous)));
    }
}
