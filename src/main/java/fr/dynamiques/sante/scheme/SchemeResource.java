package fr.dynamiques.sante.scheme;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.access.SchemeAccess;
import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.problem.JsonMistake;
import fr.dynamiques.sante.workflow.Proposals;
import fr.dynamiques.sante.workflow.SchemeChange;
import fr.dynamiques.sante.problem.Problem;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.CogSnapshot;

@Path("/api/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dispositifs", description = "The registry of territorial health schemes")
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A bearer token: an account's (POST /api/v1/users/{id}/tokens), or the configuration's admin token "
                + "(directory.admin-token). Writes need one, within the role's scope; reads with an admin's show all personal data")
public class SchemeResource {

    /** A page of schemes (shared/API.md). */
    public record SchemePage(List<SchemeDocument> items, @Schema(examples = "412") long total,
                             @Schema(examples = "0") int page, @Schema(examples = "20") int size) {
    }

    private final SchemeService service;
    private final SchemeQuery query;
    private final SchemeCsv csv;
    private final CogSnapshot cog;
    private final CurrentCaller callers;
    private final SchemeAccess access;
    private final Audit audit;
    private final Proposals proposals;
    private final ObjectMapper json;

    SchemeResource(SchemeService service, SchemeQuery query, SchemeCsv csv, CogSnapshot cog, CurrentCaller callers,
                   SchemeAccess access, Audit audit, Proposals proposals, ObjectMapper json) {
        this.service = service;
        this.query = query;
        this.csv = csv;
        this.cog = cog;
        this.callers = callers;
        this.access = access;
        this.audit = audit;
        this.proposals = proposals;
        this.json = json;
    }

    @GET
    @Transactional
    @Operation(summary = "Schemes matching filters, in name order",
            description = "Territory filters keep the schemes whose perimeter covers at least one commune of that territory. "
                    + "kind and status take several values (repeated or comma-separated).")
    public SchemePage list(
            @Parameter(description = "ASV, CLS, CLSM, CPTS...", example = "CLS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED", example = "ACTIVE") @QueryParam("status") List<String> status,
            @Parameter(description = "Région code", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Département code", example = "38") @QueryParam("department") String department,
            @Parameter(description = "Commune INSEE code", example = "38151") @QueryParam("commune") String commune,
            @Parameter(description = "EPCI SIREN", example = "200040715") @QueryParam("epci") String epci,
            @Parameter(description = "Theme label, case and accents aside", example = "santé mentale") @QueryParam("theme") String theme,
            @Parameter(description = "Funder: organisation name or id", example = "ARS Auvergne-Rhône-Alpes") @QueryParam("funder") String funder,
            @Parameter(description = "The caller's ref") @QueryParam("ref") String ref,
            @Parameter(description = "From 0", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = "1 to 200, default 20", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size) {
        boolean full = callers.readsPersonalData();
        int[] paging = SchemeFilter.paging(page, size);
        SchemeFilter filter = SchemeFilter.of(kind, status, region, department, commune, epci, theme, funder, ref,
                SchemeKind.byCode(), cog);
        return page(query.find(filter, paging[0], paging[1]), full);
    }

    @GET
    @Path("/ending")
    @Transactional
    @Operation(summary = "Schemes ending within the next months, soonest first",
            description = "For renewal planning: the schemes whose end date falls between today and today + months. "
                    + "ACTIVE and RENEWAL schemes unless status= says otherwise; other filters as in the list.")
    public SchemePage ending(
            @Parameter(description = "1 to 120, default 6", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("months") String months,
            @Parameter(description = "ASV, CLS, CLSM, CPTS...", example = "CLS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED") @QueryParam("status") List<String> status,
            @Parameter(description = "Région code", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Département code", example = "38") @QueryParam("department") String department,
            @Parameter(description = "From 0", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = "1 to 200, default 20", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size) {
        boolean full = callers.readsPersonalData();
        int[] paging = SchemeFilter.paging(page, size);
        int horizon = months == null || months.isBlank() ? 6 : months.strip().matches("\\d{1,3}") ? Integer.parseInt(months.strip()) : -1;
        if (horizon < 1 || horizon > 120) {
            throw ProblemException.badRequest("Invalid horizon.", new FieldError("months", "a whole number from 1 to 120"));
        }
        SchemeFilter filter = SchemeFilter.of(kind, status, region, department, null, null, null, null, null,
                SchemeKind.byCode(), cog);
        return page(query.ending(filter, LocalDate.now().plusMonths(horizon), paging[0], paging[1]), full);
    }

    private SchemePage page(SchemeQuery.Page found, boolean full) {
        return new SchemePage(found.items().stream().map(s -> SchemeDocument.of(s, cog, full, null)).toList(),
                found.total(), found.page(), found.size());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A scheme, with the history of its contract lineage")
    public SchemeDocument get(@PathParam("id") String id) {
        boolean full = callers.readsPersonalData();
        return SchemeDocument.withHistory(Scheme.findExisting(id), cog, full);
    }

    @POST
    @RolesAllowed({"ADMIN", "ARS"})
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Add a scheme", description = "409 when the ref is already used; 400 lists every invalid field.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SchemeDocument.class)))
    public Response create(SchemeDocument doc) {
        Caller caller = callers.require();
        access.mayCreate(caller, required(doc));
        Scheme scheme = service.create(doc);
        audit.record(scheme.id, "CREATE", caller, null, audit.snapshot(scheme));
        return Response.created(URI.create("/api/v1/schemes/" + scheme.id)).entity(reread(scheme.id)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "ARS", "COORDINATOR"})
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Replace a scheme", description = "Takes what GET returns (with the admin token); read-only fields are ignored.")
    public Response update(@PathParam("id") String id, SchemeDocument doc) {
        long schemeId = Scheme.parseId(id);
        Caller caller = callers.require();
        Scheme existing = Scheme.findExisting(id);
        SchemeChange change = proposals.change(caller, existing, required(doc));
        if (change != null) {
            // A coordinator proposes: checked now, published when an ARS officer or an admin approves it.
            return Response.accepted(Map.of("change", change.id, "status", change.status.name()))
                    .location(URI.create("/api/v1/changes/" + change.id)).build();
        }
        return Response.ok(reread(schemeId)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"ADMIN", "ARS"})
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Remove a scheme", description = "409 while a later contract names it as previous.")
    @APIResponse(responseCode = "204", description = "Removed")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        Caller caller = callers.require();
        Scheme existing = Scheme.findExisting(id);
        access.mayDelete(caller, existing);
        ObjectNode before = audit.snapshot(existing);
        service.delete(existing.id);
        audit.record(existing.id, "DELETE", caller, before, null);
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @RolesAllowed({"ADMIN", "ARS", "PARTNER"})
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Import schemes (JSON array)",
            description = "Upserts on ref, all or nothing: one invalid scheme and nothing is written; 400 lists every mistake "
                    + "by row (position in the file, from 1). dryRun=true only validates and counts.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SchemeDocument.class)))
    @APIResponse(responseCode = "200", description = "Imported, or would be",
            content = @Content(schema = @Schema(implementation = SchemeService.ImportReport.class)))
    @Transactional
    public Response importJson(JsonNode body, @QueryParam("dryRun") String dryRun) {
        if (body == null || !body.isArray()) {
            throw ProblemException.badRequest("The body must be a JSON array of schemes.", new FieldError("body", "must be an array"));
        }
        List<SchemeDocument> docs = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                docs.add(json.treeToValue(body.get(i), SchemeDocument.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                docs.add(null);
                errors.add(JsonMistake.of(e).atRow(i + 1));
            }
        }
        return imported(docs, errors, dryRun(dryRun), callers.require());
    }

    @POST
    @Path("/import")
    @RolesAllowed({"ADMIN", "ARS", "PARTNER"})
    @Consumes({SchemeCsv.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Import schemes (CSV, the format of export.csv)",
            description = "Same rules as the JSON import. Comma- or semicolon-separated, UTF-8 (or Windows-1252, as French "
                    + "spreadsheets save it); read-only columns of the export are ignored. Columns left out keep, for a scheme "
                    + "already in the registry, its stored values.")
    @Transactional
    public Response importCsv(byte[] body, @QueryParam("dryRun") String dryRun) {
        SchemeCsv.Rows rows = csv.read(SchemeCsv.decode(body == null ? new byte[0] : body),
                ref -> Scheme.findByRef(ref).map(s -> SchemeDocument.of(s, cog, true, null)));
        return imported(rows.documents(), rows.errors(), dryRun(dryRun), callers.require());
    }

    @GET
    @Path("/export.json")
    @Transactional
    @Operation(summary = "The whole registry as JSON (open data)",
            description = "Public: coordinators' names and contacts only with their consent. With the admin token: everything, "
                    + "importable as is.")
    public Response exportJson() {
        return Response.ok(exported()).header("Content-Disposition", "attachment; filename=\"schemes.json\"").build();
    }

    @GET
    @Path("/export.csv")
    @Produces(SchemeCsv.MEDIA_TYPE + ";charset=UTF-8")
    @Transactional
    @Operation(summary = "The whole registry as CSV (open data)", description = "Same content as export.json, one scheme a row.")
    public Response exportCsv() {
        return Response.ok(csv.write(exported()))
                .header("Content-Disposition", "attachment; filename=\"schemes.csv\"").build();
    }

    private List<SchemeDocument> exported() {
        boolean full = callers.readsPersonalData();
        return query.all().stream().map(s -> SchemeDocument.of(s, cog, full, null)).toList();
    }

    /** Answered in the write's transaction: what the registry now holds, as the admin sees it. */
    private SchemeDocument reread(long id) {
        return SchemeDocument.withHistory(Scheme.findById(id), cog, true);
    }

    /** An import, within the caller's scope, each scheme it publishes audited. */
    private Response imported(List<SchemeDocument> docs, List<FieldError> readErrors, boolean dryRun, Caller caller) {
        access.mayImport(caller, docs);
        List<String> refs = docs.stream().filter(d -> d != null && d.ref() != null).map(d -> d.ref().strip()).distinct().toList();
        // One query before and one after: a query per scheme amid thousands of fresh entities would flush each time.
        Map<String, ObjectNode> before = new HashMap<>();
        if (!dryRun && !refs.isEmpty()) {
            Scheme.<Scheme>list("ref in ?1", refs).forEach(s -> before.put(s.ref, audit.snapshot(s)));
            // The photographs are taken: the import starts from an empty session, which it keeps small between its flushes.
            Scheme.getEntityManager().clear();
        }
        SchemeService.ImportReport report = service.importAll(docs, readErrors, dryRun);
        if (!dryRun && report.errors().isEmpty() && !refs.isEmpty()) {
            Scheme.<Scheme>list("ref in ?1", refs).forEach(s -> audit.record(s.id, "IMPORT", caller, before.get(s.ref), audit.snapshot(s)));
        }
        return report(report);
    }

    private static Response report(SchemeService.ImportReport report) {
        if (report.errors().isEmpty()) {
            return Response.ok(report).build();
        }
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new ImportProblem("about:blank", "Bad Request", 400,
                report.errors().size() + " mistake(s); nothing was written.", "/api/v1/schemes/import",
                0, 0, report.dryRun(), report.errors())).build();
    }

    /** The problem details of a refused import: the counts (zero) and every mistake, by row. */
    public record ImportProblem(String type, String title, int status, String detail, String instance,
                                int created, int updated, boolean dryRun, List<FieldError> errors) {
    }

    private static SchemeDocument required(SchemeDocument doc) {
        if (doc == null) {
            throw ProblemException.badRequest("The body must be a scheme.", new FieldError("body", "must not be empty"));
        }
        return doc;
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.badRequest("dryRun is true or false.", new FieldError("dryRun", "true or false"));
    }

}
