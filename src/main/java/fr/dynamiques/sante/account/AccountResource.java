package fr.dynamiques.sante.account;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.account.AccessToken;
import fr.dynamiques.sante.account.Account;
import fr.dynamiques.sante.account.AccountEvent;
import fr.dynamiques.sante.account.Accounts;
import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.CogSnapshot;
import io.quarkus.security.Authenticated;

/**
 * Accounts (created by an admin) and their API tokens (shown once, stored hashed, revocable, expiring); closing an
 * account (deactivated or deleted, by an admin or the account itself); the trail of what happened to each.
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comptes", description = "Accounts, roles and API tokens")
@SecurityRequirement(name = "bearer")
public class AccountResource {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;

    @Schema(description = "An account to create", requiredProperties = {"email", "displayName", "role"})
    public record NewAccount(@Schema(examples = "camille.exemple@example.org") String email,
                             @Schema(examples = "Camille Exemple") String displayName,
                             @Schema(enumeration = {"ADMIN", "ARS", "COORDINATOR", "PARTNER"}, examples = "ARS") String role,
                             @Schema(description = "ARS and PARTNER: codes of their régions", examples = "[\"84\"]") List<String> regions,
                             @Schema(description = "COORDINATOR: the schemes they coordinate, by id or ref", examples = "[\"demo-cls-echirolles\"]")
                             List<String> schemes,
                             @Schema(description = "To sign in to the pages (/connexion): 12 to 72 characters; none: API tokens only")
                             String password) {
    }

    @Schema(description = "An account", requiredProperties = {"id", "email", "displayName", "role", "regions", "schemes", "active"})
    public record AccountView(long id, String email, String displayName, String role, List<String> regions, List<Long> schemes,
                              Instant createdAt, @Schema(description = "False once deactivated: it signs in no more") boolean active,
                              @Schema(description = "When it was deactivated; null while active", nullable = true)
                              Instant deactivatedAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id, a.email, a.displayName, a.role.name(), List.copyOf(a.regions), List.copyOf(a.schemeIds),
                    a.createdAt, a.isActive(), a.deactivatedAt);
        }
    }

    @Schema(description = "Something that happened to an account: who (account id, null for the configuration's admin token, "
            + "and role) did what, when", requiredProperties = {"at", "action", "actorRole"})
    public record EventView(Instant at, @Schema(enumeration = {"CREATE", "DEACTIVATE", "REACTIVATE", "DELETE", "TOKEN_ISSUE",
            "TOKEN_REVOKE"}) String action, Long actorId, String actorRole) {
    }

    @Schema(description = "A token to issue")
    public record NewToken(@Schema(examples = "import nightly") String label,
                           @Schema(description = "Days of validity, 1 to 365, default 90", examples = "90") Integer days) {
    }

    @Schema(description = "A token just issued: the only time its secret is shown", requiredProperties = {"id", "token", "expiresAt"})
    public record IssuedToken(long id, @Schema(description = "Send as Authorization: Bearer <token>") String token, String label,
                              Instant expiresAt) {
    }

    private final CurrentCaller callers;
    private final Accounts accounts;
    private final CogSnapshot cog;

    AccountResource(CurrentCaller callers, Accounts accounts, CogSnapshot cog) {
        this.callers = callers;
        this.accounts = accounts;
        this.cog = cog;
    }

    @POST
    @RolesAllowed("ADMIN")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @Operation(operationId = "createUser", summary = "Create an account (admin)", description = "409 when the email is taken; 400 lists every invalid field.")
    public Response create(NewAccount body) {
        if (body == null) {
            throw ProblemException.badRequest("The body must be an account.", new FieldError("body", "must not be empty"));
        }
        List<FieldError> errors = new ArrayList<>();
        String email = body.email() == null ? "" : Account.normalised(body.email());
        if (!email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        if (body.displayName() == null || body.displayName().isBlank() || body.displayName().length() > 200) {
            errors.add(new FieldError("displayName", "1 to 200 characters"));
        }
        Role role = body.role() == null ? null
                : Arrays.stream(Role.values()).filter(r -> r.name().equals(body.role().strip().toUpperCase(Locale.ROOT))).findFirst().orElse(null);
        if (role == null) {
            errors.add(new FieldError("role", "ADMIN, ARS, COORDINATOR or PARTNER"));
        }
        List<String> regions = body.regions() == null ? List.of() : body.regions().stream().map(String::strip).distinct().toList();
        regions.stream().filter(code -> !cog.isRegion(code)).forEach(code -> errors.add(new FieldError("regions", "unknown région " + shorten(code))));
        List<Long> schemes = new ArrayList<>();
        for (String key : body.schemes() == null ? List.<String>of() : body.schemes()) {
            Optional<Scheme> scheme = key != null && key.strip().matches("\\d{1,18}") ? Scheme.findByIdOptional(Long.parseLong(key.strip()))
                    : key == null ? Optional.empty() : Scheme.findByRef(key.strip());
            scheme.ifPresentOrElse(s -> schemes.add(s.id), () -> errors.add(new FieldError("schemes", "unknown scheme " + shorten(key))));
        }
        if (role == Role.ARS || role == Role.PARTNER) {
            if (regions.isEmpty()) {
                errors.add(new FieldError("regions", "an " + role + " account acts in at least one région"));
            }
        } else if (!regions.isEmpty()) {
            errors.add(new FieldError("regions", "only ARS and PARTNER accounts have régions"));
        }
        if (role == Role.COORDINATOR ? schemes.isEmpty() : !schemes.isEmpty()) {
            errors.add(new FieldError("schemes", role == Role.COORDINATOR ? "a coordinator coordinates at least one scheme"
                    : "only COORDINATOR accounts have schemes"));
        }
        if (body.password() != null && (body.password().length() < 12
                || body.password().getBytes(StandardCharsets.UTF_8).length > 72)) {
            errors.add(new FieldError("password", "12 to 72 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid account.", errors);
        }
        if (Account.findByEmail(email).isPresent()) {
            throw new ProblemException(409, "An account already uses this email.", List.of(new FieldError("email", "already used")));
        }
        Account account = new Account();
        account.email = email;
        account.displayName = body.displayName().strip();
        account.role = role;
        account.regions = new ArrayList<>(regions);
        account.schemeIds = schemes.stream().distinct().collect(Collectors.toCollection(ArrayList::new));
        account.createdAt = Instant.now();
        if (body.password() != null) {
            account.setPassword(body.password());
        }
        account.persist();
        Accounts.created(account, callers.require());
        return Response.created(URI.create("/api/v1/users/" + account.id)).entity(AccountView.of(account)).build();
    }

    @GET
    @RolesAllowed("ADMIN")
    @Transactional
    @Operation(operationId = "listUsers", summary = "Every account (admin)",
            description = "Every account with its role, régions or schemes, and whether it is active. Admins only.")
    public List<AccountView> list() {
        return Account.<Account>list("order by email").stream().map(AccountView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Transactional
    @Operation(operationId = "getUser", summary = "An account (admin, or the account itself)",
            description = "The account's email, name, role, scope and state. To an admin or the account itself.")
    public AccountView get(@PathParam("id") String id) {
        return AccountView.of(mine(id));
    }

    @POST
    @Path("/{id}/deactivate")
    @Authenticated
    @Transactional
    @Operation(operationId = "deactivateUser", summary = "Deactivate an account (admin, or the account itself)",
            description = "At once its tokens are revoked and its sessions end; it cannot sign in until an admin reactivates it. "
                    + "Its trail and the changes it made stay.")
    public AccountView deactivate(@PathParam("id") String id) {
        Account account = mine(id);
        accounts.deactivate(account, callers.require());
        return AccountView.of(account);
    }

    @POST
    @Path("/{id}/reactivate")
    @RolesAllowed("ADMIN")
    @Transactional
    @Operation(operationId = "reactivateUser", summary = "Reactivate an account (admin)", description = "Its password "
            + "signs in again; its revoked tokens stay revoked.")
    public AccountView reactivate(@PathParam("id") String id) {
        Account account = mine(id);
        accounts.reactivate(account, callers.require());
        return AccountView.of(account);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @Transactional
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteUser", summary = "Delete an account (admin, or the account itself)",
            description = "Its email, name, password, tokens and sessions are deleted at once; the trail keeps its id only.")
    public Response delete(@PathParam("id") String id) {
        accounts.delete(mine(id), callers.require());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed("ADMIN")
    @Transactional
    @Operation(operationId = "getUserHistory", summary = "What happened to an account, oldest first (admin); kept after the account is deleted",
            description = "What happened to the account, oldest first: created, tokens issued and revoked, deactivated, "
                    + "reactivated, deleted, with who did it. Kept after the account is deleted; holds no email or "
                    + "name.")
    public List<EventView> history(@PathParam("id") String id) {
        return AccountEvent.ofAccount(accountId(id)).stream()
                .map(e -> new EventView(e.at, e.action.name(), e.actorId, e.actorRole)).toList();
    }

    @POST
    @Path("/{id}/tokens")
    @Authenticated
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Issued: the only time the token is shown", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedToken.class)))
    @Operation(operationId = "issueToken", summary = "Issue an API token (admin, or the account itself)",
            description = "The answer is the only time the token is shown: only its SHA-256 is stored.")
    public Response issue(@PathParam("id") String id, NewToken body) {
        Account account = mine(id);
        int days = body == null || body.days() == null ? DEFAULT_DAYS : body.days();
        if (days < 1 || days > MAX_DAYS) {
            throw ProblemException.badRequest("Invalid validity.", new FieldError("days", "1 to " + MAX_DAYS));
        }
        String label = body == null || body.label() == null ? null : body.label().strip();
        if (label != null && label.length() > 100) {
            throw ProblemException.badRequest("Invalid label.", new FieldError("label", "at most 100 characters"));
        }
        String secret = AccessToken.newSecret();
        AccessToken token = new AccessToken();
        token.account = account;
        token.hash = AccessToken.hash(secret);
        token.label = label;
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(days, ChronoUnit.DAYS);
        token.persist();
        AccountEvent.record(account.id, AccountEvent.Action.TOKEN_ISSUE, callers.require());
        return Response.status(201).entity(new IssuedToken(token.id, secret, label, token.expiresAt)).build();
    }

    @DELETE
    @Path("/{id}/tokens/{token}")
    @Authenticated
    @Transactional
    @APIResponse(responseCode = "204", description = "Revoked")
    @Operation(operationId = "revokeToken", summary = "Revoke a token (admin, or the account itself)",
            description = "The token stops working at once. Revoking a token already revoked changes nothing.")
    public Response revoke(@PathParam("id") String id, @PathParam("token") String tokenId) {
        Account account = mine(id);
        AccessToken token = tokenId.matches("\\d{1,18}") ? AccessToken.findById(Long.parseLong(tokenId)) : null;
        if (token == null || !token.account.id.equals(account.id)) {
            throw ProblemException.notFound("No such token for this account.");
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            AccountEvent.record(account.id, AccountEvent.Action.TOKEN_REVOKE, callers.require());
        }
        return Response.noContent().build();
    }

    /** The account, which must be the caller's own unless the caller is an admin. */
    private Account mine(String id) {
        return accounts.ownOrAdmin(accountId(id), callers.require());
    }

    private static long accountId(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("Malformed account id.", new FieldError("id", "a positive whole number"));
        }
        return Long.parseLong(id);
    }

    private static String shorten(String value) {
        return value == null ? "null" : value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
