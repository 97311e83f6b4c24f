package fr.dynamiques.sante.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import fr.dynamiques.sante.account.AccessToken;
import fr.dynamiques.sante.account.Account;
import fr.dynamiques.sante.account.AccountRequest;
import fr.dynamiques.sante.account.AccountResource.NewAccount;
import fr.dynamiques.sante.account.Accounts;
import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.registry.SchemeEditors;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Accounts for admins and ARS officers, without JavaScript: the account requests they decide on, creating an account
 * (from a request, prefilled), issuing and revoking API tokens, and who may edit which scheme. Every rule is the API's
 * ({@link Accounts}); a refused form comes back with its values and the reason next to each field.
 */
@Path("/espace/comptes")
@Produces(MediaType.TEXT_HTML)
public class AccountsPage {

    /** Accounts and schemes listed at most: a région holds a few hundred schemes. */
    static final int LISTED = 200;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** An account as listed: what it may reach, its tokens, and whether the reader may issue and revoke them. */
    public record Overseen(Account account, List<Link> scope, List<Token> tokens, boolean mayIssue) {
    }

    /** A token as listed (its secret is never known again). */
    public record Token(long id, String label, LocalDate created, LocalDate expires, LocalDate revoked, boolean expired) {
        static Token of(AccessToken t) {
            return new Token(t.id, t.label, day(t.createdAt), day(t.expiresAt), t.revokedAt == null ? null : day(t.revokedAt),
                    t.expiresAt.isBefore(Instant.now()));
        }
    }

    /** One choice of a radio group or a set of checkboxes. */
    public record Choice(String value, String label, boolean chosen) {
    }

    /** What went wrong, by field (in the form's order): the message next to each field, and the summary linking to them. */
    public record Errors(Map<String, String> byField) {
        static final Errors NONE = new Errors(Map.of());
    }

    /** The creation form as typed (or prefilled from a request). */
    public record Form(String email, String displayName, List<Choice> roles, List<Choice> regions, String schemes,
            AccountRequest request, Errors errors) {
    }

    /**
     * The accounts page: the requests waiting, the accounts the reader oversees (the first {@link #LISTED} of
     * {@code overseenCount}), who may edit which scheme, what was just done ({@code ?fait=}).
     */
    public record AccountsView(List<AccountRequest> requests, List<Overseen> overseen, long overseenCount,
            SchemeEditors.Table editors, String done) {
    }

    /** A token issued (its secret, shown this once, and its end), or the issuing form refused, as typed, with why. */
    public record TokenView(Account account, String secret, LocalDate expires, String label, String days, Errors errors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(AccountsView view);

        static native TemplateInstance create(Form form);

        static native TemplateInstance token(TokenView view);
    }

    private final Visitor visitor;
    private final Accounts accounts;
    private final SchemeEditors editors;
    private final CogSnapshot cog;

    AccountsPage(Visitor visitor, Accounts accounts, SchemeEditors editors, CogSnapshot cog) {
        this.visitor = visitor;
        this.accounts = accounts;
        this.editors = editors;
        this.cog = cog;
    }

    @GET
    @Transactional
    public Response accounts(@QueryParam("fait") String done) {
        if (visitor.caller().isEmpty()) {
            return Response.seeOther(URI.create("/connexion")).build();
        }
        Caller caller = officer();
        List<Account> listed = accounts.overseenBy(caller, LISTED);
        Map<Long, List<Token>> tokens = listed.isEmpty() ? Map.of()
                : AccessToken
                        .<AccessToken> list("account.id in ?1 order by createdAt desc, id desc",
                                listed.stream().map(a -> a.id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(t -> t.account.id, Collectors.mapping(Token::of, Collectors.toList())));
        Map<Long, String> schemeNames = schemeNames(listed);
        List<Overseen> overseen = listed.stream()
                .map(a -> new Overseen(a, scope(a, schemeNames), tokens.getOrDefault(a.id, List.of()),
                        accounts.isOwnOrAdmin(caller, a.id)))
                .toList();
        return visitor.answer(200, Templates.accounts(new AccountsView(accounts.requestsFor(caller), overseen,
                accounts.countOverseenBy(caller), editors.of(caller, LISTED), done))).build();
    }

    /** The creation form, empty or prefilled from a request ({@code ?demande=}): a coordinator of the request's scheme. */
    @GET
    @Path("/nouveau")
    @Transactional
    public Response createForm(@QueryParam("demande") String requestId) {
        if (visitor.caller().isEmpty()) {
            return Response.seeOther(URI.create("/connexion")).build();
        }
        Caller caller = officer();
        AccountRequest request = requestId == null || requestId.isBlank() ? null : accounts.requestFor(requestId, caller);
        Form form = request == null ? form(caller, "", "", null, List.of(), "", null, Errors.NONE)
                : form(caller, request.email, request.name, Role.COORDINATOR.name(), List.of(),
                        String.valueOf(request.scheme.id), request,
                        Errors.NONE);
        return visitor.answer(200, Templates.create(form)).build();
    }

    /** Creates the account as the API does; from a request, the request is then closed (erased: it served its purpose). */
    @POST
    @Path("/nouveau")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        Caller caller = officer();
        String requestId = fields.getFirst("demande");
        AccountRequest request = requestId == null || requestId.isBlank() ? null : accounts.requestFor(requestId, caller);
        String email = value(fields, "email");
        String displayName = value(fields, "displayName");
        String role = fields.getFirst("role");
        List<String> regions = fields.getOrDefault("regions", List.of());
        String schemes = value(fields, "schemes");
        String password = fields.getFirst("password");
        try {
            accounts.create(new NewAccount(email, displayName, role, regions,
                    Arrays.stream(schemes.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList(),
                    password == null || password.isEmpty() ? null : password), caller);
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 403 && e.status() != 409) {
                throw e;
            }
            // Nothing was written: the form again, as typed (but the password), with the reason next to each field. A
            // taken address is one more field to correct there (the API's 409).
            Form typed = form(caller, email, displayName, role, regions, schemes, request, errors(e));
            return visitor.answer(e.status() == 409 ? 400 : e.status(), Templates.create(typed)).build();
        }
        if (request != null) {
            request.delete();
        }
        return Response.seeOther(URI.create("/espace/comptes?fait=" + (request == null ? "cree" : "cree-demande"))).build();
    }

    /** Issues a token to the account (the reader's own, or any for an admin): its secret is shown on this answer only. */
    @POST
    @Path("/{id}/jetons")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@PathParam("id") String id, @FormParam("label") String label, @FormParam("days") String days) {
        Caller caller = officer();
        Account account = accounts.ownOrAdmin(accountId(id), caller);
        String typedDays = days == null ? "" : days.strip();
        try {
            if (!typedDays.isEmpty() && !typedDays.matches("\\d{1,4}")) {
                throw ProblemException.badRequest("Invalid validity.", new FieldError("days", "1 to " + Accounts.MAX_DAYS));
            }
            Accounts.Issued issued = accounts.issue(account, label == null || label.isBlank() ? null : label,
                    typedDays.isEmpty() ? null : Integer.valueOf(typedDays), caller);
            return visitor
                    .answer(200,
                            Templates.token(new TokenView(account, issued.secret(), day(issued.token().expiresAt), null, null,
                                    Errors.NONE)))
                    .build();
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            return visitor.answer(400, Templates.token(new TokenView(account, null, null, label, typedDays, errors(e))))
                    .build();
        }
    }

    @POST
    @Path("/{id}/jetons/{token}/revoquer")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id, @PathParam("token") String token) {
        Caller caller = officer();
        accounts.revoke(accounts.ownOrAdmin(accountId(id), caller), token, caller);
        return Response.seeOther(URI.create("/espace/comptes?fait=revoque")).build();
    }

    /** The reader, who must be an admin or an ARS officer: they alone decide on accounts. */
    private Caller officer() {
        Caller caller = visitor.caller().orElseThrow(() -> new ProblemException(403, "Sign in first.", List.of()));
        if (!caller.isAdmin() && caller.role() != Role.ARS) {
            throw new ProblemException(403, "Only admins and ARS officers manage accounts.", List.of());
        }
        return caller;
    }

    /**
     * The form, with the roles and régions the reader may grant (an admin any; an officer coordinators, partners, its régions).
     */
    private Form form(Caller caller, String email, String displayName, String role, List<String> regions, String schemes,
            AccountRequest request, Errors errors) {
        List<Role> roles = caller.isAdmin() ? List.of(Role.values()) : List.of(Role.COORDINATOR, Role.PARTNER);
        List<String> codes = caller.isAdmin() ? cog.regionCodes() : caller.regions().stream().sorted().toList();
        return new Form(email, displayName,
                roles.stream().map(r -> new Choice(r.name(), r.name(), r.name().equals(role))).toList(),
                codes.stream().map(c -> new Choice(c, c + " · " + cog.regionName(c), regions.contains(c))).toList(),
                schemes, request, errors);
    }

    /** The reasons in the reader's language, one per field (the API's own words are for programs). */
    private Errors errors(ProblemException e) {
        AccountMessages acc = MessageBundles.get(AccountMessages.class, Localized.Literal.of(visitor.getLang()));
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            byField.putIfAbsent(error.field(), switch (e.status()) {
                case 403 -> acc.refused(error.field());
                case 409 -> acc.email_taken();
                default -> acc.invalid(error.field());
            });
        }
        return new Errors(byField);
    }

    /** Where an account acts: its régions, or the schemes it coordinates (linked). */
    private List<Link> scope(Account account, Map<Long, String> schemeNames) {
        return account.role == Role.COORDINATOR
                ? account.schemeIds.stream().map(id -> new Link(schemeNames.getOrDefault(id, "#" + id), "/dispositifs/" + id))
                        .toList()
                : account.regions.stream().map(code -> new Link(code + " · " + cog.regionName(code), null)).toList();
    }

    private static Map<Long, String> schemeNames(List<Account> accounts) {
        List<Long> ids = accounts.stream().flatMap(a -> a.schemeIds.stream()).distinct().toList();
        return ids.isEmpty() ? Map.of()
                : Scheme.<Scheme> list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(s -> s.id, s -> s.name, (a, b) -> a));
    }

    private static String value(MultivaluedMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static long accountId(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw ProblemException.notFound("No such account.");
        }
        return Long.parseLong(id);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, PARIS);
    }
}
