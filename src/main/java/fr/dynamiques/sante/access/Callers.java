package fr.dynamiques.sante.access;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.dynamiques.sante.account.AccessToken;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * Tells who sends a request from its bearer token: an account's token (stored hashed), else the configuration's admin
 * token. No header: an anonymous reader. A token that is neither is refused (403), as is any malformed header (401).
 */
@ApplicationScoped
public class Callers {

    private final AdminToken admin;

    Callers(AdminToken admin) {
        this.admin = admin;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> identify(String authorization) {
        Optional<String> presented = AdminToken.bearer(authorization);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> account = AccessToken.findUsable(presented.get()).map(t -> Caller.of(t.account));
        if (account.isPresent()) {
            return account;
        }
        // Not an account's token: the configuration's admin token, or a refusal (401 when none is configured, else 403).
        admin.isAdmin(authorization);
        return Optional.of(Caller.CONFIGURED_ADMIN);
    }

    /** The caller, who must be signed in (401 otherwise). */
    public Caller require(String authorization) {
        return identify(authorization).orElseThrow(() -> new ProblemException(401,
                "This request needs the header Authorization: Bearer <token>.", List.of()));
    }

    /** Whether the request may read personal data (the admin only). */
    public boolean readsPersonalData(String authorization) {
        return identify(authorization).map(Caller::isAdmin).orElse(false);
    }
}
