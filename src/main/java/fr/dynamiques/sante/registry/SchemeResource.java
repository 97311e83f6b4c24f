package fr.dynamiques.sante.registry;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.account.Throttle;
import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.problem.JsonMistake;
import fr.dynamiques.sante.problem.Problem;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.OpenDataResource;
import fr.dynamiques.sante.scheme.Paging;
import fr.dynamiques.sante.scheme.PerimeterNames;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeCsv;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeFeed;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.scheme.SchemeTags;
import fr.dynamiques.sante.territory.CogSnapshot;

@Path("/api/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dispositifs", description = "The registry of territorial health schemes")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "A bearer token: an account's (POST /api/v1/users/{id}/tokens), or the configuration's admin token "
        + "(directory.admin-token). Writes need one, within the role's scope; reads with an admin's show all personal data")
public class SchemeResource {

    private static final String MONTHS_RANGE = "a whole number from 1 to 120";
    private static final String FEED_SIZE_RANGE = "a whole number from 1 to " + SchemeFeed.MAX_SIZE;

    /** A coordinator's change, waiting for approval. */
    @Schema(description = "A proposed change, waiting for an ARS officer or an admin (GET /api/v1/changes)", requiredProperties = {
            "change", "status" })
    public record Proposed(@Schema(examples = "17") long change, @Schema(examples = "PENDING") String status) {
    }

    /** A page of schemes (shared/API.md). */
    @Schema(description = "A page of schemes", requiredProperties = { "items", "total", "page", "size" })
    public record SchemePage(List<SchemeDocument> items, @Schema(examples = "412") long total,
            @Schema(examples = "0") int page, @Schema(examples = "20") int size) {
    }

    private final SchemeWrites writes;
    private final SchemeQuery query;
    private final SchemeCsv csv;
    private final CogSnapshot cog;
    private final CurrentCaller callers;
    private final SchemeTags tags;
    private final SchemeFeed feed;
    private final ObjectMapper json;
    private final Throttle throttle;

    SchemeResource(SchemeWrites writes, SchemeQuery query, SchemeCsv csv, CogSnapshot cog, CurrentCaller callers,
            SchemeTags tags,
            SchemeFeed feed, ObjectMapper json, Throttle throttle) {
        this.writes = writes;
        this.query = query;
        this.csv = csv;
        this.cog = cog;
        this.callers = callers;
        this.tags = tags;
        this.feed = feed;
        this.json = json;
        this.throttle = throttle;
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Transactional
    @Operation(operationId = "listSchemes", summary = "Schemes matching filters, in name order", description = "Territory filters keep the schemes whose perimeter covers at least one commune of that territory. "
            + "kind and status take several values (repeated or comma-separated).")
    public SchemePage list(
            @BeanParam SchemeListParams filters,
            @Parameter(description = "The caller's ref") @QueryParam("ref") String ref,
            @Parameter(description = "From 0") @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = Paging.PAGE_RANGE) @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_RANGE) int page,
            @Parameter(description = "1 to 200, default 20") @QueryParam("size") @DefaultValue(""
                    + Paging.DEFAULT_SIZE) @Min(value = 1, message = Paging.SIZE_RANGE) @Max(value = SchemeFilter.MAX_SIZE, message = Paging.SIZE_RANGE) int size) {
        boolean full = callers.readsPersonalData();
        SchemeFilter filter = filters.filter().ref(ref).check(SchemeKind.byCode(), cog);
        return page(query.find(filter, page, size), full);
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/ending")
    @Transactional
    @Operation(operationId = "listEndingSchemes", summary = "Schemes ending within the next months, soonest first", description = "For renewal planning: the schemes whose end date falls between today and today + months. "
            + "ACTIVE and RENEWAL schemes unless status= says otherwise; other filters as in the list.")
    public SchemePage ending(
            @Parameter(description = "1 to 120, default 6") @QueryParam("months") @DefaultValue("6") @Min(value = 1, message = MONTHS_RANGE) @Max(value = 120, message = MONTHS_RANGE) int months,
            @Parameter(description = "ASV, CLS, CLSM, CPTS...", example = "CLS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED") @QueryParam("status") List<String> status,
            @Parameter(description = "Région code", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Département code; several allowed, repeated (department=38&department=73) or comma-separated (department=38,73)", example = "38", schema = @Schema(type = SchemaType.STRING)) @QueryParam("department") List<String> department,
            @Parameter(description = "From 0") @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = Paging.PAGE_RANGE) @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_RANGE) int page,
            @Parameter(description = "1 to 200, default 20") @QueryParam("size") @DefaultValue(""
                    + Paging.DEFAULT_SIZE) @Min(value = 1, message = Paging.SIZE_RANGE) @Max(value = SchemeFilter.MAX_SIZE, message = Paging.SIZE_RANGE) int size) {
        boolean full = callers.readsPersonalData();
        SchemeFilter filter = SchemeFilter.where().kind(kind).status(status).region(region).departments(department)
                .check(SchemeKind.byCode(), cog);
        return page(query.ending(filter, LocalDate.now().plusMonths(months), page, size), full);
    }

    @GET
    @Path("/changes")
    @Transactional
    @Operation(operationId = "listSchemeChanges", summary = "What changed in the registry since a revision, in commit order", description = "For partners who mirror the registry: start with since=0 (the whole registry), keep the answer's next, "
            + "and ask again with since=next (at once while more is true, later for new changes). Each scheme written since "
            + "comes once, as it is now; each scheme deleted since comes as a tombstone (deleted: true). A change "
            + "committed later always has a higher revision, so polling this way misses nothing.")
    public SchemeFeed.Page changes(
            @Parameter(description = "The last revision applied; 0 for everything", example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")) @QueryParam("since") @DefaultValue("0") @Min(value = 0, message = "a revision: a whole number from 0") long since,
            @Parameter(description = "1 to " + SchemeFeed.MAX_SIZE + ", default "
                    + SchemeFeed.DEFAULT_SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") @DefaultValue(""
                            + SchemeFeed.DEFAULT_SIZE) @Min(value = 1, message = FEED_SIZE_RANGE) @Max(value = SchemeFeed.MAX_SIZE, message = FEED_SIZE_RANGE) int size) {
        return feed.since(since, size, callers.readsPersonalData());
    }

    private SchemePage page(SchemeQuery.Page found, boolean full) {
        return new SchemePage(found.items().stream().map(s -> SchemeDocument.of(s, cog, full, null)).toList(),
                found.total(), found.page(), found.size());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @APIResponse(responseCode = "200", description = "The scheme", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchemeDocument.class)))
    @Operation(operationId = "getScheme", summary = "A scheme, with the history of its contract lineage", description = "The scheme as its editors wrote it, with computed fields (population covered, communes, "
            + "départements, régions, CPTS size) and, for kinds with generations, every contract of its "
            + "lineage. Coordinators' names and contacts appear only with their consent, unless an admin reads. "
            + "The ETag is the version to send back in If-Match when writing.")
    public Response get(@PathParam("id") String id, @Context Request request) {
        boolean full = callers.readsPersonalData();
        Scheme scheme = Scheme.findExisting(id);
        SchemeTags.Tagged tagged = tags.of(scheme, full);
        Date modified = Date.from(scheme.updatedAt.truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder answer = request.evaluatePreconditions(modified, tagged.tag());
        if (answer == null) {
            answer = Response.ok(tagged.body(), MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.tag(tagged.tag()).lastModified(modified).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .header(HttpHeaders.CACHE_CONTROL, full ? "private, no-cache" : "public, max-age=60").build();
    }

    @POST
    @RolesAllowed({ "ADMIN", "ARS" })
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createScheme", summary = "Add a scheme", description = "409 when the ref is already used; "
            + "400 lists every invalid field.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SchemeDocument.class)))
    public Response create(SchemeDocument doc) {
        Scheme scheme = writes.create(callers.require(), required(doc));
        return written(Response.created(URI.create("/api/v1/schemes/" + scheme.id)), scheme.id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ "ADMIN", "ARS", "COORDINATOR" })
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "Published (an admin or an ARS officer in scope)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchemeDocument.class)))
    @APIResponse(responseCode = "202", description = "Proposed (a coordinator of the scheme): waits for an ARS officer "
            + "or an admin to approve it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Proposed.class)))
    @Operation(operationId = "updateScheme", summary = "Replace a scheme", description = "Takes what GET returns (with "
            + "the admin token); read-only fields are ignored.")
    public Response update(@PathParam("id") String id, SchemeDocument doc, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Caller caller = callers.require();
        Scheme existing = Scheme.findExisting(id);
        boolean full = callers.readsPersonalData();
        Optional<SchemeChange> proposed = writes.update(caller, existing, required(doc), s -> tags.matches(ifMatch, s, full));
        if (proposed.isPresent()) {
            // A coordinator proposes: checked now, published when an ARS officer or an admin approves it.
            SchemeChange change = proposed.get();
            return Response.accepted(new Proposed(change.id, change.status.name()))
                    .location(URI.create("/api/v1/changes/" + change.id)).build();
        }
        return written(Response.ok(), existing.id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "ADMIN", "ARS" })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteScheme", summary = "Remove a scheme", description = "409 while a later contract names it as previous.")
    @APIResponse(responseCode = "204", description = "Removed")
    @Transactional
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        boolean full = callers.readsPersonalData();
        writes.delete(callers.require(), Scheme.findExisting(id), s -> tags.matches(ifMatch, s, full));
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @RolesAllowed({ "ADMIN", "ARS", "PARTNER" })
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "importSchemes", summary = "Import schemes (JSON array)", description = "Upserts on ref, all or nothing: one invalid scheme and nothing is written; 400 lists every mistake "
            + "by row (position in the file, from 1). dryRun=true only validates and counts. Perimeter entries may "
            + "be names instead of codes (\"CC Le Grésivaudan\", \"Saint-Martin-d'Hères (38)\", \"Paris 18e\", "
            + "\"Isère\"), matched whatever the accents, case, hyphens, articles and usual abbreviations; a former "
            + "commune's code is read as its current commune. resolved lists every such entry; a name that is unknown "
            + "or fits several territories is a mistake naming the candidates.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SchemeDocument.class)))
    @APIResponse(responseCode = "200", description = "Imported, or would be", content = @Content(schema = @Schema(implementation = SchemeWrites.ImportReport.class)))
    @Transactional
    public Response importJson(JsonNode body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (body == null || !body.isArray()) {
            throw ProblemException.badRequest("The body must be a JSON array of schemes.",
                    new FieldError("body", "must be an array"));
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
        return report(writes.importAll(throttled(callers.require()), docs, errors, dryRun));
    }

    /**
     * Imports, dry runs included, are counted per account (account.Throttle): a dry run answers whether a file would be
     * accepted, and is not a way to ask the registry thousands of questions. The configuration's admin token is not counted.
     */
    private Caller throttled(Caller caller) {
        if (caller.accountId() != null && !throttle.importBy(caller.accountId())) {
            throw new ProblemException(429, "Too many imports from this account in the last 15 minutes: wait, or gather the "
                    + "rows in fewer files.", List.of());
        }
        return caller;
    }

    @POST
    @Path("/import")
    @RolesAllowed({ "ADMIN", "ARS", "PARTNER" })
    @Consumes({ SchemeCsv.MEDIA_TYPE, MediaType.TEXT_PLAIN })
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "importSchemes", summary = "Import schemes (CSV, the format of export.csv)", description = "Same rules as the JSON import. Comma- or semicolon-separated, UTF-8 (or Windows-1252, as French "
            + "spreadsheets save it); read-only columns of the export are ignored. Columns left out keep, for a scheme "
            + "already in the registry, its stored values.")
    @Transactional
    public Response importCsv(byte[] body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        SchemeCsv.Rows rows = csv.read(SchemeCsv.decode(body == null ? new byte[0] : body),
                ref -> Scheme.findByRef(ref).map(s -> SchemeDocument.of(s, cog, true, null)));
        return report(writes.importAll(throttled(callers.require()), rows.documents(), rows.errors(), dryRun));
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/export.json")
    @Transactional
    @APIResponse(responseCode = "200", description = "Every scheme, in name order", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SchemeDocument.class)))
    @Operation(operationId = "exportSchemesJson", summary = "The whole registry as JSON (open data)", description = "Public: coordinators' names and contacts only with their consent. With the admin token: everything, "
            + "importable as is. The filters of GET /schemes keep part of it.")
    public Response exportJson(@BeanParam SchemeListParams filters) {
        return Response.ok(exported(filters.filter().check(SchemeKind.byCode(), cog)))
                .header("Content-Disposition", "attachment; filename=\"schemes.json\"")
                .header("Link", OpenDataResource.EXPORT_LINKS).build();
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/export.csv")
    @Produces(SchemeCsv.MEDIA_TYPE + ";charset=UTF-8")
    @Transactional
    @APIResponse(responseCode = "200", description = "Every scheme, one a row", content = @Content(mediaType = SchemeCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "exportSchemesCsv", summary = "The whole registry as CSV (open data)", description = "Same content as export.json, one scheme a row; the same filters.")
    public Response exportCsv(@BeanParam SchemeListParams filters) {
        return Response.ok(csv.write(exported(filters.filter().check(SchemeKind.byCode(), cog))))
                .header("Content-Disposition", "attachment; filename=\"schemes.csv\"")
                .header("Link", OpenDataResource.EXPORT_LINKS).build();
    }

    /** The schemes the filters keep (all of them without any), in name order, as the caller may read them. */
    private List<SchemeDocument> exported(SchemeFilter filter) {
        boolean full = callers.readsPersonalData();
        return query.find(filter, 0, Integer.MAX_VALUE).items().stream().map(s -> SchemeDocument.of(s, cog, full, null))
                .toList();
    }

    /** Answered in the write's transaction: what the registry now holds, as the caller reads it, with its ETag. */
    private Response written(Response.ResponseBuilder answer, long id) {
        Scheme.getEntityManager().flush();
        SchemeTags.Tagged tagged = tags.of(Scheme.findById(id), callers.readsPersonalData());
        return answer.entity(tagged.body()).type(MediaType.APPLICATION_JSON_TYPE).tag(tagged.tag()).build();
    }

    private static Response report(SchemeWrites.ImportReport report) {
        if (report.errors().isEmpty()) {
            return Response.ok(report).build();
        }
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new ImportProblem("about:blank", "Bad Request", 400,
                report.errors().size() + " mistake(s); nothing was written.", "/api/v1/schemes/import",
                0, 0, report.dryRun(), report.errors(), report.resolved())).build();
    }

    /** The problem details of a refused import: the counts (zero), every mistake by row, and the names read as codes. */
    public record ImportProblem(String type, String title, int status, String detail, String instance,
            int created, int updated, boolean dryRun, List<FieldError> errors,
            List<PerimeterNames.Resolved> resolved) {
    }

    private static SchemeDocument required(SchemeDocument doc) {
        if (doc == null) {
            throw ProblemException.badRequest("The body must be a scheme.", new FieldError("body", "must not be empty"));
        }
        return doc;
    }
}
