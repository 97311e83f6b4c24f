package fr.dynamiques.sante.account;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.dynamiques.sante.problem.ProblemException;

/**
 * Closing accounts, for the API and the pages alike. The account itself or an admin may deactivate it (reversible, by
 * an admin) or delete it; either way its tokens and sessions stop working at once. Every step is recorded.
 */
@ApplicationScoped
public class Accounts {

    /** The account, which must be the caller's own unless the caller is an admin (403 otherwise, 404 when absent). */
    public Account ownOrAdmin(long accountId, Caller caller) {
        if (!caller.isAdmin() && !Long.valueOf(accountId).equals(caller.accountId())) {
            throw new ProblemException(403, "Only an admin or the account itself may do this.", List.of());
        }
        return Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> ProblemException.notFound("No account " + accountId + "."));
    }

    @Transactional
    public void deactivate(Account account, Caller actor) {
        if (account.isActive()) {
            account.deactivatedAt = Instant.now();
            AccessToken.revokeAll(account);
            WebSession.endAll(account);
            AccountEvent.record(account.id, AccountEvent.Action.DEACTIVATE, actor);
        }
    }

    @Transactional
    public void reactivate(Account account, Caller actor) {
        if (!account.isActive()) {
            account.deactivatedAt = null;
            AccountEvent.record(account.id, AccountEvent.Action.REACTIVATE, actor);
        }
    }

    /** Deletes the account; its tokens and sessions go with it (foreign keys), its trail stays. */
    @Transactional
    public void delete(Account account, Caller actor) {
        AccountEvent.record(account.id, AccountEvent.Action.DELETE, actor);
        AccessToken.delete("account", account);
        WebSession.endAll(account);
        account.delete();
    }

    static void created(Account account, Caller actor) {
        AccountEvent.record(account.id, AccountEvent.Action.CREATE, actor);
    }
}
