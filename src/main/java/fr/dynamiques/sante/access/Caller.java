package fr.dynamiques.sante.access;

import java.util.Set;

import fr.dynamiques.sante.account.Account;
import fr.dynamiques.sante.account.Role;

/** Who sends a request: an account (role and scope), or the configuration's admin token (no account). */
public record Caller(Long accountId, Role role, Set<String> regions, Set<Long> schemeIds) {

    /** The admin token of the configuration: the bootstrap credential, with every right. */
    static final Caller CONFIGURED_ADMIN = new Caller(null, Role.ADMIN, Set.of(), Set.of());

    public static Caller of(Account account) {
        return new Caller(account.id, account.role, Set.copyOf(account.regions), Set.copyOf(account.schemeIds));
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
