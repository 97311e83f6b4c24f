package fr.dynamiques.sante.access;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;

import fr.dynamiques.sante.account.AccessToken;
import fr.dynamiques.sante.account.Caller;

/**
 * A bearer token: an account's (stored hashed; neither revoked nor expired, its account active), else a token of the
 * configuration. Anything else fails authentication (401, RFC 6750's invalid_token).
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ConfiguredTokens configured;

    TokenIdentityProvider(ConfiguredTokens configured) {
        this.configured = configured;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        return context.runBlocking(() -> identify(secret));
    }

    private SecurityIdentity identify(String secret) {
        Optional<Caller> account = QuarkusTransaction.requiringNew()
                .call(() -> AccessToken.findUsable(secret).map(token -> Caller.of(token.account)));
        if (account.isPresent()) {
            return Identities.of(account.get()).build();
        }
        if (configured.isAdmin(secret)) {
            return Identities.of(Caller.CONFIGURED_ADMIN).build();
        }
        if (configured.isMetrics(secret)) {
            return Identities.metricsScraper();
        }
        throw new AuthenticationFailedException("The bearer token is unknown, revoked or expired.");
    }
}
