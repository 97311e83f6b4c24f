package fr.dynamiques.sante.account;

import java.util.Set;

/**
 * Who sends a request, as the authentication mechanism established it: an account (its role and scope), or the
 * configuration's admin token (no account). Kept in the request's {@code SecurityIdentity} under {@link #ATTRIBUTE}.
 */
public record Caller(Long accountId, Role role, Set<String> regions, Set<Long> schemeIds, String email) {

    /** The identity attribute holding the caller. */
    public static final String ATTRIBUTE = "directory.caller";

    /** The admin token of the configuration: the bootstrap credential, with every right. */
    public static final Caller CONFIGURED_ADMIN = new Caller(null, Role.ADMIN, Set.of(), Set.of(), null);

    public static Caller of(Account account) {
        return new Caller(account.id, account.role, Set.copyOf(account.regions), Set.copyOf(account.schemeIds), account.email);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether the caller is this person: the account whose email is theirs. */
    public boolean isPerson(String personEmail) {
        return email != null && personEmail != null && email.equalsIgnoreCase(personEmail);
    }
}
