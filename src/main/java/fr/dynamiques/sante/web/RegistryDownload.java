package fr.dynamiques.sante.web;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * The whole public registry for people, as the footer offers it: the rows of every page's downloads, as French
 * spreadsheets open them (CSV with semicolons, a byte order mark and decimal commas) or as a workbook. The API's
 * export.csv stays the round-trip format for programs.
 */
@Path("/registre.{format}")
public class RegistryDownload {

    private final SchemeQuery query;
    private final SchemeRows rows;
    private final ListDownloads downloads;
    private final CogSnapshot cog;
    private final Visitor visitor;

    RegistryDownload(SchemeQuery query, SchemeRows rows, ListDownloads downloads, CogSnapshot cog, Visitor visitor) {
        this.query = query;
        this.rows = rows;
        this.downloads = downloads;
        this.cog = cog;
        this.visitor = visitor;
    }

    @GET
    @Transactional
    public Response download(@PathParam("format") String format) {
        List<Scheme> schemes = query.find(SchemeFilter.where().check(SchemeKind.byCode(), cog), 0, Integer.MAX_VALUE).items();
        FileMessages files = visitor.files();
        return rows.of(files.name_registry(), files.title_registry(), downloads.filters(), schemes).as(format);
    }
}
