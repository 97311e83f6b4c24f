package fr.dynamiques.sante.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.account.Account;
import fr.dynamiques.sante.account.AccountRequest;
import fr.dynamiques.sante.account.Accounts;
import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.audit.AuditEntry;
import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.overlap.Completeness;
import fr.dynamiques.sante.problem.Problem;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.registry.SchemeAccess;
import fr.dynamiques.sante.registry.SchemeChange;
import fr.dynamiques.sante.registry.SchemeWrites;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.spreadsheet.SpreadsheetImport;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryViews;
import fr.dynamiques.sante.text.Stripped;

/**
 * The signed-in space: my schemes (confirm them unchanged, edit them), my proposals, and for ARS officers and admins
 * the queue of proposals to approve or reject and the records not checked for a year; closing one's own account.
 * Every form carries the session's token (checked by {@link FormTokens}); every action is checked against the role and
 * scope, as the API's.
 */
@Path("/espace")
@Produces(MediaType.TEXT_HTML)
public class SpacePage {

    static final int LISTED = 50;

    /** A proposal in the queue (a change, or a new scheme), with what it changes and the name it shows under. */
    public record Pending(SchemeChange change, String name, List<AuditEntry.FieldChange> changes, boolean decidable) {
    }

    /**
     * What the records at work of the reader's régions lack, counted, and the first of those lacking the thing chosen:
     * an ARS officer's (or an admin's) worklist; narrowed to a kind (null when not) and to some of the reader's
     * départements (none: all), with what those filters can name.
     */
    public record Worklist(Scheme.Lacks lacks, Scheme.Lack chosen, List<Scheme> schemes, List<SchemeKind> kinds,
            List<TerritoryViews.Ref> departments, String kind, List<String> chosenDepartments) {

        /** The filters chosen, as a lack's link keeps them ("&type=CPTS&departement=38&departement=73"). */
        public String filters() {
            return (kind == null ? "" : "&type=" + Formats.urlEncode(kind))
                    + chosenDepartments.stream().map(code -> "&departement=" + code).collect(Collectors.joining());
        }
    }

    /** The completeness declarations of the reader's régions, and what a new one may name. */
    public record Declarations(List<Completeness> declared, List<String> regions, List<SchemeKind> kinds) {
    }

    /** The account requests waiting for the reader: the oldest first, a page of them, and how many wait in all. */
    public record Requests(List<AccountRequest> shown, int total) {
    }

    static final int REQUESTS_SHOWN = 50;

    /**
     * What the signed-in space shows: the account and its schemes, the proposals it may see, the records not checked for
     * a year, the account requests, the imports; for ARS officers and admins the worklist and the completeness
     * declarations (null for others); what was just done ({@code ?fait=}); whether the person's contact is public
     * anywhere.
     */
    public record SpaceView(Account account, List<Scheme> mine, List<Pending> queue, List<Scheme> stale,
            Requests requests, List<SpreadsheetImport> imports, Worklist worklist, Declarations declarations, String done,
            boolean publishedContact) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance space(SpaceView view);
    }

    private final Visitor visitor;
    private final SchemeWrites writes;
    private final SchemeAccess access;
    private final Audit audit;
    private final CogSnapshot cog;
    private final ObjectMapper json;
    private final Accounts accounts;
    private final SchemeQuery query;

    SpacePage(Visitor visitor, SchemeWrites writes, SchemeAccess access, Audit audit, CogSnapshot cog, ObjectMapper json,
            Accounts accounts, SchemeQuery query) {
        this.visitor = visitor;
        this.writes = writes;
        this.access = access;
        this.audit = audit;
        this.cog = cog;
        this.json = json;
        this.accounts = accounts;
        this.query = query;
    }

    @GET
    @Transactional
    public Response space(@QueryParam("fait") String done, @QueryParam("manque") String lacking,
            @QueryParam("type") String kind,
            @QueryParam("departement") List<String> department) {
        Caller caller = visitor.caller().filter(c -> c.accountId() != null).orElse(null);
        if (caller == null) {
            return Response.seeOther(URI.create("/connexion")).build();
        }
        Account account = Account.findById(caller.accountId());
        List<Scheme> mine = account.schemeIds.isEmpty() ? List.of()
                : Scheme.list("id in ?1 order by sortName", account.schemeIds);
        List<Pending> queue = access.proposalsVisibleTo(caller, SchemeChange.Status.PENDING).stream()
                .map(c -> new Pending(c, c.schemeName(json), audit.compare(c.isCreation() ? nothing()
                        : SchemeDocument.of(c.scheme, cog, caller.isAdmin(), null), c.documentFor(json, caller.isAdmin())),
                        access.decides(caller, c)))
                .toList();
        List<Scheme> stale = caller.role() == Role.ARS || caller.isAdmin() ? stale(caller) : List.of();
        // The person behind the account, when it coordinates schemes: whether its contact is shown anywhere.
        boolean published = Person.findByEmail(account.email).map(p -> Scheme.coordinatedBy(p).stream()
                .anyMatch(sc -> sc.coordinators.stream().anyMatch(c -> c.person.id.equals(p.id) && c.publicContact)))
                .orElse(false);
        List<AccountRequest> waiting = accounts.requestsFor(caller);
        Requests requests = new Requests(waiting.subList(0, Math.min(REQUESTS_SHOWN, waiting.size())), waiting.size());
        List<SpreadsheetImport> imports = caller.isAdmin() || caller.role() == Role.ARS || caller.role() == Role.PARTNER
                ? SpreadsheetImport.of(caller)
                : List.of();
        Worklist worklist = null;
        Declarations declarations = null;
        if (caller.role() == Role.ARS || caller.isAdmin()) {
            List<SchemeKind> kinds = SchemeKind.listByCode();
            worklist = worklist(caller, kinds, lacking, kind, department);
            List<String> regions = caller.isAdmin() ? cog.regionCodes() : List.copyOf(caller.regions());
            declarations = new Declarations(Completeness.of(caller.isAdmin() ? null : regions), regions, kinds);
        }
        return visitor.answer(200,
                Templates.space(new SpaceView(account, mine, queue, stale, requests, imports, worklist, declarations, done,
                        published)))
                .build();
    }

    /** An ARS officer (or an admin) declares a région's list complete for a kind, or withdraws it: as the API's PUT. */
    @POST
    @Path("/completude")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declare(@FormParam("region") String region, @FormParam("kind") String kind,
            @FormParam("complete") String complete,
            @FormParam("asOf") String asOf, @FormParam("note") String note) {
        LocalDate date;
        try {
            date = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("The date is not one.", new Problem.FieldError("asOf", "a date, as 2026-11-30"));
        }
        Completeness.declare(caller(), cog, region == null ? "" : region, kind == null ? "" : kind, "oui".equals(complete),
                date, note);
        return Response.seeOther(URI.create("/espace?fait=completude#completude")).build();
    }

    /** The signed-in person withdraws consent to publication of their contact, on every scheme (GDPR). */
    @POST
    @Path("/consentement/retrait")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawConsent() {
        Caller caller = caller();
        Person.findByEmail(caller.email()).ifPresent(person -> writes.withdrawConsent(caller, person));
        return Response.seeOther(URI.create("/espace?fait=consentement")).build();
    }

    /** The signed-in person closes their account: it is deleted, its tokens and sessions with it (this one included). */
    @POST
    @Path("/compte/suppression")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteAccount() {
        Caller caller = caller();
        if (caller.accountId() == null) {
            throw new ProblemException(403, "Only an account can be closed.", List.of());
        }
        accounts.delete(accounts.ownOrAdmin(caller.accountId(), caller), caller);
        return Response.seeOther(URI.create("/?compte=supprime"))
                .cookie(SignInPage.clearedSession()).build();
    }

    /** An account request, read and dealt with (the account created, or not): closed, which erases it. */
    @POST
    @Path("/demandes/{id}/clore")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closeRequest(@PathParam("id") String id) {
        accounts.requestFor(id, caller()).delete();
        return Response.seeOther(URI.create("/espace?fait=demande-close")).build();
    }

    @POST
    @Path("/changements/{id}/approuver")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id) {
        writes.approve(caller(), SchemeChange.findExisting(id));
        return Response.seeOther(URI.create("/espace?fait=approuve")).build();
    }

    @POST
    @Path("/changements/{id}/rejeter")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") String id, @FormParam("reason") String reason) {
        writes.reject(caller(), SchemeChange.findExisting(id), reason);
        return Response.seeOther(URI.create("/espace?fait=rejete")).build();
    }

    /** What a proposed new scheme is compared with: every field it gives is new. */
    private SchemeDocument nothing() {
        return json.convertValue(json.createObjectNode(), SchemeDocument.class);
    }

    private Caller caller() {
        return visitor.caller().orElseThrow(() -> new ProblemException(403, "Sign in first.", List.of()));
    }

    /**
     * The worklist of an ARS officer's régions (all for an admin), narrowed to a kind and to one of those départements
     * when asked: a value the form cannot give is refused (400), not ignored (the whole worklist would look filtered).
     */
    private Worklist worklist(Caller caller, List<SchemeKind> kinds, String lacking, String kind, List<String> department) {
        String type = Stripped.orNull(kind);
        if (type != null && kinds.stream().noneMatch(k -> k.code.equals(type))) {
            throw ProblemException.badRequest("Unknown kind.",
                    new Problem.FieldError("type", "one of the kinds of the registry"));
        }
        List<String> mine = cog.departmentsOfRegions(caller.isAdmin() ? cog.regionCodes() : caller.regions());
        // Several may be chosen (repeated, or comma-separated in a typed address).
        List<String> places = department == null ? List.of()
                : department.stream().flatMap(d -> Arrays.stream(d.split(",")))
                        .map(String::strip).filter(d -> !d.isEmpty()).distinct().toList();
        if (!mine.containsAll(places)) {
            throw ProblemException.badRequest("Unknown département.",
                    new Problem.FieldError("departement", "one of the départements of your régions"));
        }
        // An admin's whole worklist counts every record at work, those without a département too.
        List<String> departments = !places.isEmpty() ? places : caller.isAdmin() ? null : mine;
        Scheme.Lack chosen = Arrays.stream(Scheme.Lack.values()).filter(l -> l.name().equals(lacking)).findFirst().orElse(null);
        return new Worklist(Scheme.lacks(departments, type), chosen,
                chosen == null ? List.of() : Scheme.lacking(chosen, departments, type, LISTED), kinds,
                mine.stream().map(code -> new TerritoryViews.Ref(code, cog.departmentName(code))).toList(), type, places);
    }

    /** Schemes at work the caller answers for (the régions of an ARS officer, all for an admin) not checked for a year. */
    private List<Scheme> stale(Caller caller) {
        return query.unverified(SchemeFilter.NONE, caller.isAdmin() ? Set.of() : caller.regions(), 0, LISTED).items();
    }
}
