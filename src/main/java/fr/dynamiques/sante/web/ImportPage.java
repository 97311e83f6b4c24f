package fr.dynamiques.sante.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.spreadsheet.Headers;
import fr.dynamiques.sante.spreadsheet.Preview;
import fr.dynamiques.sante.spreadsheet.Settings;
import fr.dynamiques.sante.spreadsheet.SpreadsheetImport;
import fr.dynamiques.sante.spreadsheet.SpreadsheetImports;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Bringing a listing in from a page, without JavaScript: send the file, read each row's action, map columns, pick the
 * territory meant by each name the directory could not decide, leave rows out, then write it all or nothing; later,
 * download its report or undo it. The same service as the API's {@code /api/v1/imports}; forms carry the session's token.
 */
@Path("/espace/import")
@Produces(MediaType.TEXT_HTML)
public class ImportPage {

    /** One column and the fields it can take. */
    public record ColumnChoice(Preview.Column column, List<String> fields) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(List<SpreadsheetImport> imports, List<SchemeKind> kinds);

        static native TemplateInstance draft(Preview draft, List<ColumnChoice> columns, List<SchemeKind> kinds, String done);

        static native TemplateInstance row(Preview draft, Preview.Row row, CommuneMap map);
    }

    private final Visitor visitor;
    private final SpreadsheetImports imports;
    private final CommuneMaps maps;
    private final CogSnapshot cog;

    ImportPage(Visitor visitor, SpreadsheetImports imports, CommuneMaps maps, CogSnapshot cog) {
        this.visitor = visitor;
        this.imports = imports;
        this.maps = maps;
        this.cog = cog;
    }

    @GET
    @Transactional
    public Response start() {
        Caller caller = importer();
        return visitor.answer(200, Templates.start(SpreadsheetImport.of(caller), SchemeKind.listByCode())).build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response send(@RestForm("file") FileUpload file, @RestForm("kind") String kind, @RestForm("sheet") String sheet) {
        Caller caller = importer();
        if (file == null || file.size() == 0) {
            throw ProblemException.badRequest("Choose the file to import.");
        }
        byte[] content = SpreadsheetImports.read(file);
        SpreadsheetImport draft = imports.create(caller, file.fileName(), content, sheet, kind);
        return Response.seeOther(URI.create("/espace/import/" + draft.id)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Response draft(@PathParam("id") String id, @QueryParam("fait") String done) {
        Caller caller = importer();
        Preview draft = imports.preview(SpreadsheetImport.findFor(id, caller), caller);
        List<ColumnChoice> columns = draft.columns().stream().map(c -> new ColumnChoice(c, Headers.FIELDS)).toList();
        return visitor.answer(200, Templates.draft(draft, columns, SchemeKind.listByCode(), done)).build();
    }

    /**
     * One row's perimeter as read, with its map: a page of its own, as a listing can have thousands of rows and the draft
     * cannot draw a map for each.
     */
    @GET
    @Path("/{id}/lignes/{row:\\d{1,6}}")
    @Transactional
    public Response row(@PathParam("id") String id, @PathParam("row") int number) {
        Caller caller = importer();
        Preview draft = imports.preview(SpreadsheetImport.findFor(id, caller), caller);
        Preview.Row row = draft.rows().stream().filter(r -> r.row() == number).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No row " + number + " in import " + id + "."));
        Preview.Perimeter perimeter = row.perimeter();
        CommuneMap map = perimeter == null ? null
                : maps.perimeter(
                        cog.resolve(perimeter.communes(), perimeter.arrondissements(), perimeter.epcis(),
                                perimeter.departments()),
                        List.of());
        return visitor.answer(200, Templates.row(draft, row, map == null || map.isEmpty() ? null : map)).build();
    }

    /**
     * The whole form at once: each column's field ({@code column-N}), the kind, each name's territory ({@code choice-ROW-K},
     * with {@code given-ROW-K} the name it is for; "-" leaves the name out) and the rows left out ({@code skip}).
     */
    @POST
    @Path("/{id}")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        SpreadsheetImport draft = SpreadsheetImport.findFor(id, importer());
        Map<Integer, String> columns = new HashMap<>();
        List<Settings.Choice> choices = new ArrayList<>();
        Set<Integer> skip = new LinkedHashSet<>();
        Set<Integer> keep = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String name = field.getKey();
            String value = field.getValue().isEmpty() ? "" : field.getValue().get(0);
            if (name.matches("column-\\d{1,3}")) {
                columns.put(Integer.parseInt(name.substring(7)), value);
            } else if (name.matches("choice-\\d{1,6}-\\d{1,4}") && !value.isBlank()) {
                String given = form.getFirst("given" + name.substring(6));
                if (given != null) {
                    choices.add(
                            new Settings.Choice(Integer.parseInt(name.split("-")[1]), given, value.equals("-") ? null : value));
                }
            } else if (name.equals("row")) {
                field.getValue().stream().filter(v -> v.matches("\\d{1,6}")).forEach(v -> keep.add(Integer.parseInt(v)));
            } else if (name.equals("skip")) {
                field.getValue().stream().filter(v -> v.matches("\\d{1,6}")).forEach(v -> skip.add(Integer.parseInt(v)));
            }
        }
        keep.removeAll(skip);
        String kind = form.getFirst("kind");
        imports.change(draft, new Settings(null, columns, kind == null ? null : kind, choices, skip, keep));
        return Response.seeOther(URI.create("/espace/import/" + id + "?fait=choix")).build();
    }

    @Transactional
    @TransactionConfiguration(timeout = SpreadsheetImports.WRITE_SECONDS)
    @POST
    @Path("/{id}/valider")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response commit(@PathParam("id") String id) {
        Caller caller = importer();
        imports.commit(caller, SpreadsheetImport.findFor(id, caller));
        return Response.seeOther(URI.create("/espace/import/" + id + "?fait=ecrit")).build();
    }

    @Transactional
    @TransactionConfiguration(timeout = SpreadsheetImports.WRITE_SECONDS)
    @POST
    @Path("/{id}/annuler")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undo(@PathParam("id") String id) {
        Caller caller = importer();
        imports.undo(caller, SpreadsheetImport.findFor(id, caller));
        return Response.seeOther(URI.create("/espace/import/" + id + "?fait=annule")).build();
    }

    private Caller importer() {
        Caller caller = visitor.caller().orElseThrow(() -> new ProblemException(403, "Sign in first.", List.of()));
        SpreadsheetImports.mayImport(caller);
        return caller;
    }

}
