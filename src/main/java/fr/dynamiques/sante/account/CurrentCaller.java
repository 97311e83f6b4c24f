package fr.dynamiques.sante.account;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

import fr.dynamiques.sante.problem.ProblemException;

/**
 * The caller of the current request, from the identity the authentication mechanism established (once per request:
 * a bearer token, or the session cookie of the pages). Anonymous readers have none.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Caller> get() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(identity.getAttribute(Caller.ATTRIBUTE));
    }

    /** The caller, who must have signed in as an account or with the admin token (401 or 403 otherwise). */
    public Caller require() {
        if (identity.isAnonymous()) {
            throw new ProblemException(401, "This request needs the header Authorization: Bearer <token>.", List.of());
        }
        return get().orElseThrow(() -> new ProblemException(403, "This credential does not act on the registry.", List.of()));
    }

    /** Whether the request may read personal data (the admin only). */
    public boolean readsPersonalData() {
        return get().map(Caller::isAdmin).orElse(false);
    }
}
