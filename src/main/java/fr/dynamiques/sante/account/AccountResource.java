package fr.dynamiques.sante.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * Accounts (created by an admin) and their API tokens (shown once, stored hashed, revocable, expiring); closing an
 * account (deactivated or deleted, by an admin or the account itself); the trail of what happened to each.
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comptes", description = "Accounts, roles and API tokens")
@SecurityRequirement(name = "bearer")
public class AccountResource {

    /**
     * An account to create, its email and role read as stored (whatever their case and the spaces around them); the
     * constraints are checked with the régions and schemes, all mistakes at once ({@link AccountValidator}).
     */
    @Schema(description = "An account to create", requiredProperties = { "email", "displayName", "role" })
    public record NewAccount(
            @NotNull(message = EMAIL) @Size(max = 254, message = EMAIL) @Pattern(regexp = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+", message = EMAIL) @Schema(examples = "camille.exemple@example.org") String email,
            @NotBlank(message = DISPLAY_NAME) @Size(max = 200, message = DISPLAY_NAME) @Schema(examples = "Camille Exemple") String displayName,
            @NotNull(message = ROLE) @Pattern(regexp = "ADMIN|ARS|COORDINATOR|PARTNER", message = ROLE) @Schema(enumeration = {
                    "ADMIN", "ARS", "COORDINATOR", "PARTNER" }, examples = "ARS") String role,
            @Schema(description = "ARS and PARTNER: codes of their régions", examples = "[\"84\"]") List<String> regions,
            @Schema(description = "COORDINATOR: the schemes they coordinate, by id or ref", examples = "[\"demo-cls-echirolles\"]") List<String> schemes,
            @SignInPassword @Schema(description = "To sign in to the pages (/connexion): 12 to 72 characters; none: API tokens only") String password){

        private static final String EMAIL = "must be an email address";
        private static final String DISPLAY_NAME = "1 to 200 characters";
        private static final String ROLE = "ADMIN, ARS, COORDINATOR or PARTNER";

        public NewAccount {
            email = email == null ? null : Account.normalised(email);
            role = role == null ? null : role.strip().toUpperCase(Locale.ROOT);
        }
    }

    @Schema(description = "An account", requiredProperties = { "id", "email", "displayName", "role", "regions", "schemes",
            "active" })
    public record AccountView(long id, String email, String displayName, String role, List<String> regions, List<Long> schemes,
            Instant createdAt, @Schema(description = "False once deactivated: it signs in no more") boolean active,
            @Schema(description = "When it was deactivated; null while active", nullable = true) Instant deactivatedAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id, a.email, a.displayName, a.role.name(), List.copyOf(a.regions),
                    List.copyOf(a.schemeIds),
                    a.createdAt, a.isActive(), a.deactivatedAt);
        }
    }

    @Schema(description = "Something that happened to an account: who (account id, null for the configuration's admin token, "
            + "and role) did what, when", requiredProperties = { "at", "action", "actorRole" })
    public record EventView(Instant at, @Schema(enumeration = {
            "CREATE", "DEACTIVATE", "REACTIVATE", "DELETE", "TOKEN_ISSUE",
            "TOKEN_REVOKE" }) String action, Long actorId, String actorRole){
    }

    @Schema(description = "A token to issue")
    public record NewToken(@Schema(examples = "import nightly") String label,
            @Schema(description = "Days of validity, 1 to 365, default 90", examples = "90") Integer days) {
    }

    @Schema(description = "A token just issued: the only time its secret is shown", requiredProperties = { "id", "token",
            "expiresAt" })
    public record IssuedToken(long id, @Schema(description = "Send as Authorization: Bearer <token>") String token,
            String label,
            Instant expiresAt) {
    }

    private final CurrentCaller callers;
    private final Accounts accounts;

    AccountResource(CurrentCaller callers, Accounts accounts) {
        this.callers = callers;
        this.accounts = accounts;
    }

    @POST
    @RolesAllowed("ADMIN")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @Operation(operationId = "createUser", summary = "Create an account (admin)", description = "409 when the email is taken; 400 lists every invalid field.")
    public Response create(NewAccount body) {
        Account account = accounts.create(body, callers.require());
        return Response.created(URI.create("/api/v1/users/" + account.id)).entity(AccountView.of(account)).build();
    }

    @GET
    @RolesAllowed("ADMIN")
    @Transactional
    @Operation(operationId = "listUsers", summary = "Every account (admin)", description = "Every account with its role, régions or schemes, and whether it is active. Admins only.")
    public List<AccountView> list() {
        return Account.<Account> list("order by email").stream().map(AccountView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Transactional
    @Operation(operationId = "getUser", summary = "An account (admin, or the account itself)", description = "The account's email, name, role, scope and state. To an admin or the account itself.")
    public AccountView get(@PathParam("id") String id) {
        return AccountView.of(mine(id));
    }

    @POST
    @Path("/{id}/deactivate")
    @Authenticated
    @Transactional
    @Operation(operationId = "deactivateUser", summary = "Deactivate an account (admin, or the account itself)", description = "At once its tokens are revoked and its sessions end; it cannot sign in until an admin reactivates it. "
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
    @Operation(operationId = "deleteUser", summary = "Delete an account (admin, or the account itself)", description = "Its email, name, password, tokens and sessions are deleted at once; the trail keeps its id only.")
    public Response delete(@PathParam("id") String id) {
        accounts.delete(mine(id), callers.require());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed("ADMIN")
    @Transactional
    @Operation(operationId = "getUserHistory", summary = "What happened to an account, oldest first (admin); kept after the account is deleted", description = "What happened to the account, oldest first: created, tokens issued and revoked, deactivated, "
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
    @Operation(operationId = "issueToken", summary = "Issue an API token (admin, or the account itself)", description = "The answer is the only time the token is shown: only its SHA-256 is stored.")
    public Response issue(@PathParam("id") String id, NewToken body) {
        Accounts.Issued issued = accounts.issue(mine(id), body == null ? null : body.label(), body == null ? null : body.days(),
                callers.require());
        return Response.status(201).entity(new IssuedToken(issued.token().id, issued.secret(), issued.token().label,
                issued.token().expiresAt)).build();
    }

    @DELETE
    @Path("/{id}/tokens/{token}")
    @Authenticated
    @Transactional
    @APIResponse(responseCode = "204", description = "Revoked")
    @Operation(operationId = "revokeToken", summary = "Revoke a token (admin, or the account itself)", description = "The token stops working at once. Revoking a token already revoked changes nothing.")
    public Response revoke(@PathParam("id") String id, @PathParam("token") String tokenId) {
        accounts.revoke(mine(id), tokenId, callers.require());
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
}
