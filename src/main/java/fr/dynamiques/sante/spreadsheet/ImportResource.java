package fr.dynamiques.sante.spreadsheet;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.account.Throttle;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * Listings brought in from spreadsheets (shared/API.md, "Imports from spreadsheets"): the API twin of the import page.
 * A file makes a draft; the person maps columns, picks territories and skips rows; the commit writes it all or nothing;
 * the undo puts it back for 30 days.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "ADMIN", "ARS", "PARTNER" })
@SecurityRequirement(name = "bearer")
@Tag(name = "Imports", description = "Listings from spreadsheets (.xlsx, .ods, .csv): preview, choices, commit, undo")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    @Schema(name = "ImportListItem")
    public record Item(String id, String file, String status, Instant createdAt, Instant expiresAt,
            @Schema(nullable = true) Instant committedAt) {
    }

    private final CurrentCaller callers;
    private final SpreadsheetImports imports;
    private final Throttle throttle;
    private final String publicUrl;

    ImportResource(CurrentCaller callers, SpreadsheetImports imports, Throttle throttle,
            @ConfigProperty(name = "directory.public-url") String publicUrl) {
        this.callers = callers;
        this.imports = imports;
        this.throttle = throttle;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes({ XLSX, ODS, "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(operationId = "createImport", summary = "Bring a listing in: the file as sent (.xlsx, .ods, .csv)", description = "Reads the file (its type told by its bytes; a name that says otherwise is a 400), maps its columns "
            + "from their headers and answers the draft: each row's action, perimeter and the territory names "
            + "waiting for a choice. Nothing is written to the registry. The file's name may be given in "
            + "Content-Disposition. Over 20 MB or 10,000 rows: 413.")
    @APIResponse(responseCode = "201", description = "The draft", content = @Content(schema = @Schema(implementation = Preview.class)))
    public Response create(byte[] body, @HeaderParam("Content-Disposition") String disposition,
            @QueryParam("kind") String kind, @QueryParam("sheet") String sheet) {
        return created(body == null ? new byte[0] : body, fileName(disposition), kind, sheet);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "createImportFromForm", summary = "Bring a listing in, sent as a form's file part 'file'", description = "The same as sending the file as the body, from a form: the part 'file' carries it with its name.")
    @APIResponse(responseCode = "201", description = "The draft", content = @Content(schema = @Schema(implementation = Preview.class)))
    public Response createFromForm(@RestForm("file") FileUpload file, @QueryParam("kind") String kind,
            @QueryParam("sheet") String sheet) {
        if (file == null) {
            throw ProblemException.badRequest("No file: send it in a part named 'file'.");
        }
        return created(SpreadsheetImports.read(file), file.fileName(), kind, sheet);
    }

    private Response created(byte[] content, String fileName, String kind, String sheet) {
        Caller caller = throttled(callers.require());
        SpreadsheetImport draft = imports.create(caller, fileName, content, sheet, kind);
        return Response.created(URI.create("/api/v1/imports/" + draft.id)).entity(imports.preview(draft, caller)).build();
    }

    @GET
    @Transactional
    @Operation(operationId = "listImports", summary = "The caller's imports, newest first (drafts 7 days, committed ones 30)", description = "Each import the caller made (an admin's token: those made with it), with its status and when it goes.")
    public List<Item> list() {
        return SpreadsheetImport.of(callers.require()).stream()
                .map(i -> new Item(i.id.toString(), i.fileName, i.status.name(), i.createdAt, i.expiresAt, i.committedAt))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getImport", summary = "A draft and its preview, or a committed import and its report", description = "A draft is recomputed from its file and the choices made, against the registry as it is now; a "
            + "committed or undone import shows the rows as they were committed.")
    public Preview get(@PathParam("id") String id) {
        Caller caller = callers.require();
        return imports.preview(SpreadsheetImport.findFor(id, caller), caller);
    }

    @Transactional
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeImport", summary = "Map columns, fix the kind, pick territories, skip rows: the draft recomputed", description = "Any part of the settings: column index to field (an empty field ignores the column), the kind of "
            + "rows no column gives one, the territory chosen for a name of a row (code null leaves the name out), rows "
            + "to skip or to keep again. Each part replaces what was decided before for its keys.")
    public Preview change(@PathParam("id") String id, Settings settings) {
        if (settings == null) {
            throw ProblemException.badRequest(
                    "Send the choices as JSON: {\"columns\": {...}, \"kind\": ..., \"choices\": [...], \"skip\": [...]}");
        }
        Caller caller = callers.require();
        return imports.preview(imports.change(SpreadsheetImport.findFor(id, caller), settings), caller);
    }

    @Transactional
    @TransactionConfiguration(timeout = SpreadsheetImports.WRITE_SECONDS)
    @POST
    @Path("/{id}/commit")
    @Operation(operationId = "commitImport", summary = "Write every kept row, all or nothing (409 while a row waits for a choice or has a mistake)", description = "Through the registry's write path: the same checks, rights and trail as any write, each trail entry "
            + "naming the import. Unchanged rows are not written. A partner's changes to existing records are proposals.")
    public SpreadsheetImports.Committed commit(@PathParam("id") String id) {
        Caller caller = callers.require();
        return imports.commit(caller, SpreadsheetImport.findFor(id, caller));
    }

    @Transactional
    @TransactionConfiguration(timeout = SpreadsheetImports.WRITE_SECONDS)
    @POST
    @Path("/{id}/undo")
    @Operation(operationId = "undoImport", summary = "Put back what the import wrote (30 days; 409 naming the records changed since)", description = "The records the import created are deleted, those it updated get back their version from before the "
            + "import. Refused, with nothing undone, when any of them changed since.")
    public SpreadsheetImports.Undone undo(@PathParam("id") String id) {
        Caller caller = callers.require();
        return imports.undo(caller, SpreadsheetImport.findFor(id, caller));
    }

    @GET
    @Path("/{id}/report.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(operationId = "getImportReport", summary = "The row-by-row outcome, as CSV (UTF-8 with BOM, ';', as French spreadsheets open it)", description = "One line per row of the file: its action, the record it matched and how, its perimeter's size, the "
            + "names waiting for a choice, its errors and warnings.")
    public Response report(@PathParam("id") String id) {
        Caller caller = callers.require();
        Preview preview = imports.preview(SpreadsheetImport.findFor(id, caller), caller);
        return Response.ok(ImportReport.csv(preview, publicUrl).getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + preview.id() + ".csv\"").build();
    }

    @GET
    @Path("/{id}/report.xlsx")
    @Produces(XLSX)
    @Transactional
    @Operation(operationId = "getImportReportXlsx", summary = "The row-by-row outcome, as an Excel workbook", description = "The same lines as report.csv, in an .xlsx workbook: a first sheet saying which file and sheet were "
            + "read and when, the lines on the second (numbers as numbers).")
    public Response reportXlsx(@PathParam("id") String id) {
        Caller caller = callers.require();
        Preview preview = imports.preview(SpreadsheetImport.findFor(id, caller), caller);
        return Response.ok(ImportReport.xlsx(preview, publicUrl), XLSX)
                .header("Content-Disposition", "attachment; filename=\"import-" + preview.id() + ".xlsx\"").build();
    }

    /** Drafts count as imports (account.Throttle): the configuration's admin token is not counted. */
    private Caller throttled(Caller caller) {
        if (caller.accountId() != null && !throttle.importBy(caller.accountId())) {
            throw new ProblemException(429, "Too many imports from this account in the last 15 minutes: wait, or gather the "
                    + "rows in fewer files.", List.of());
        }
        return caller;
    }

    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher matcher = FILE_NAME.matcher(disposition);
        return matcher.find() ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
    }
}
