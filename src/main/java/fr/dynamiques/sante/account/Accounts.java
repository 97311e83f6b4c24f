package fr.dynamiques.sante.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import fr.dynamiques.sante.account.AccountResource.NewAccount;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Accounts for the API and the pages alike, so that both check the same things: creating one (who may create what),
 * issuing and revoking its tokens, closing it. The account itself or an admin may deactivate it (reversible, by an admin)
 * or delete it; either way its tokens and sessions stop working at once. Every step is recorded.
 * <p>
 * Creating and issuing run in the caller's transaction and write nothing before every check passed: a page may answer
 * the refusal as a form to correct, in a transaction that commits nothing.
 */
@ApplicationScoped
public class Accounts {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;

    /** A token just issued, with its secret: the only time the secret is known. */
    public record Issued(AccessToken token, String secret) {
    }

    private final AccountValidator validator;
    private final CogSnapshot cog;
    private final EntityManager em;

    Accounts(AccountValidator validator, CogSnapshot cog, EntityManager em) {
        this.validator = validator;
        this.cog = cog;
        this.em = em;
    }

    /**
     * Creates the account: 400 listing every invalid field, then 403 naming what the actor may not create (an admin
     * creates any account; an ARS officer coordinators of schemes of its régions and partners acting within its régions,
     * never an admin nor another officer), then 409 when the email is taken; the creation is recorded.
     */
    public Account create(NewAccount body, Caller actor) {
        AccountValidator.Checked checked = validator.check(body);
        mayCreate(actor, checked.role(), checked.regions(), checked.schemes());
        if (Account.findByEmail(checked.email()).isPresent()) {
            throw new ProblemException(409, "An account already uses this email.",
                    List.of(new FieldError("email", "already used")));
        }
        Account account = new Account();
        account.email = checked.email();
        account.displayName = checked.displayName();
        account.role = checked.role();
        account.regions = new ArrayList<>(checked.regions());
        account.schemeIds = checked.schemes().stream().map(s -> s.id).collect(Collectors.toCollection(ArrayList::new));
        account.createdAt = Instant.now();
        if (checked.password() != null) {
            account.setPassword(checked.password());
        }
        account.persist();
        AccountEvent.record(account.id, AccountEvent.Action.CREATE, actor);
        return account;
    }

    /**
     * Whom an ARS officer may create: the coordinators of the schemes whose requests it decides on, and partners within
     * its régions. Granting the officer's own role, or more, stays an admin's decision.
     */
    private void mayCreate(Caller actor, Role role, List<String> regions, List<Scheme> schemes) {
        if (actor.isAdmin()) {
            return;
        }
        List<FieldError> refused = new ArrayList<>();
        if (actor.role() != Role.ARS || role == Role.ADMIN || role == Role.ARS) {
            refused.add(new FieldError("role", "your role may not create " + role + " accounts"));
        } else {
            regions.stream().filter(r -> !actor.regions().contains(r))
                    .forEach(r -> refused.add(new FieldError("regions", "région " + r + " is not yours")));
            schemes.stream().filter(s -> !inRegionsOf(actor, s))
                    .forEach(s -> refused.add(new FieldError("schemes", "scheme " + s.id + " is outside your régions")));
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(403,
                    "Your role (" + actor.role() + (actor.regions().isEmpty() ? "" : " in " + actor.regions())
                            + ") may not create this account.",
                    refused);
        }
    }

    /** Account requests go to the admins and to the ARS officers of the scheme's régions. */
    public boolean decidesOn(Caller caller, AccountRequest request) {
        return caller.isAdmin() || inRegionsOf(caller, request.scheme);
    }

    /** The account requests waiting for the caller, the oldest first. */
    public List<AccountRequest> requestsFor(Caller caller) {
        return AccountRequest.oldestFirst().stream().filter(r -> decidesOn(caller, r)).toList();
    }

    /** An ARS officer of a région the scheme touches (as {@code SchemeAccess} reads a scheme's régions). */
    private boolean inRegionsOf(Caller caller, Scheme scheme) {
        return caller.role() == Role.ARS && scheme.regions(cog).stream().anyMatch(caller.regions()::contains);
    }

    /** The request, if the caller decides on it (404 otherwise: others do not learn it exists). */
    public AccountRequest requestFor(String id, Caller caller) {
        AccountRequest request = id != null && id.matches("\\d{1,18}") ? AccountRequest.findById(Long.parseLong(id)) : null;
        if (request == null || !decidesOn(caller, request)) {
            throw ProblemException.notFound("No such request.");
        }
        return request;
    }

    /**
     * The accounts a caller oversees, by email, the first {@code limit}: every one for an admin; for an ARS officer,
     * itself, the partners acting within its régions only and the coordinators whose schemes all touch its régions
     * (someone also coordinating elsewhere is not one officer's to see). Nobody else oversees any.
     */
    @SuppressWarnings("unchecked")
    public List<Account> overseenBy(Caller caller, int limit) {
        if (!caller.isAdmin() && caller.role() != Role.ARS) {
            return List.of();
        }
        var query = em.createNativeQuery(
                "select a.* from account a where " + overseen(caller) + " order by a.email, a.id limit " + limit,
                Account.class);
        return (List<Account>) withScope(query, caller).getResultList();
    }

    /** How many accounts the caller oversees ({@link #overseenBy}). */
    public long countOverseenBy(Caller caller) {
        if (!caller.isAdmin() && caller.role() != Role.ARS) {
            return 0;
        }
        var query = em.createNativeQuery("select count(*) from account a where " + overseen(caller));
        return ((Number) withScope(query, caller).getSingleResult()).longValue();
    }

    private static String overseen(Caller caller) {
        return caller.isAdmin() ? "true"
                : "a.id = :self or a.role = 'PARTNER' and a.regions <@ cast(:regions as varchar[]) "
                        + "or a.role = 'COORDINATOR' and cardinality(a.scheme_ids) > 0 and not exists (select 1 from unnest(a.scheme_ids) sid "
                        + "where not exists (select 1 from scheme s where s.id = sid and s.department_codes && cast(:departments as varchar[])))";
    }

    private Query withScope(Query query, Caller caller) {
        if (!caller.isAdmin()) {
            query.setParameter("self", caller.accountId())
                    .setParameter("regions", caller.regions().toArray(String[]::new))
                    .setParameter("departments", cog.departmentsOfRegions(caller.regions()).toArray(String[]::new));
        }
        return query;
    }

    /** The account, which must be the caller's own unless the caller is an admin (403 otherwise, 404 when absent). */
    public Account ownOrAdmin(long accountId, Caller caller) {
        if (!isOwnOrAdmin(caller, accountId)) {
            throw new ProblemException(403, "Only an admin or the account itself may do this.", List.of());
        }
        return Account.<Account> findByIdOptional(accountId)
                .orElseThrow(() -> ProblemException.notFound("No account " + accountId + "."));
    }

    /** Whether the caller may act on this account's tokens and state: its own, or any for an admin. */
    public boolean isOwnOrAdmin(Caller caller, long accountId) {
        return caller.isAdmin() || Long.valueOf(accountId).equals(caller.accountId());
    }

    /** Issues a token to the account for {@code days} (default {@value #DEFAULT_DAYS}); 400 on a bad validity or label. */
    public Issued issue(Account account, String label, Integer days, Caller actor) {
        int validity = days == null ? DEFAULT_DAYS : days;
        if (validity < 1 || validity > MAX_DAYS) {
            throw ProblemException.badRequest("Invalid validity.", new FieldError("days", "1 to " + MAX_DAYS));
        }
        String stripped = label == null ? null : label.strip();
        if (stripped != null && stripped.length() > 100) {
            throw ProblemException.badRequest("Invalid label.", new FieldError("label", "at most 100 characters"));
        }
        String secret = AccessToken.newSecret();
        AccessToken token = new AccessToken();
        token.account = account;
        token.hash = AccessToken.hash(secret);
        token.label = stripped;
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(validity, ChronoUnit.DAYS);
        token.persist();
        AccountEvent.record(account.id, AccountEvent.Action.TOKEN_ISSUE, actor);
        return new Issued(token, secret);
    }

    /** Revokes the account's token at once (404 when the account has no such token); revoking it again changes nothing. */
    public void revoke(Account account, String tokenId, Caller actor) {
        AccessToken token = tokenId != null && tokenId.matches("\\d{1,18}") ? AccessToken.findById(Long.parseLong(tokenId))
                : null;
        if (token == null || !token.account.id.equals(account.id)) {
            throw ProblemException.notFound("No such token for this account.");
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            AccountEvent.record(account.id, AccountEvent.Action.TOKEN_REVOKE, actor);
        }
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
}
