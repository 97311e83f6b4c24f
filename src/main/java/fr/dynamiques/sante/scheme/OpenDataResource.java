package fr.dynamiques.sante.scheme;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.api.RegistryState;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * What the open data is: the registry's licence (Licence Ouverte 2.0), where its facts come from, the territorial
 * referential it is keyed by, and its files. Exports point here ({@code Link: rel="describedby"}) and to the licence.
 */
@Path("/api/v1/open-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dispositifs")
public class OpenDataResource {

    public static final String LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
    public static final String LICENCE_NAME = "Licence Ouverte / Open Licence 2.0 (Etalab)";
    /** The Link header of every export: its licence, and this description. */
    public static final String EXPORT_LINKS = "<" + LICENCE_URL
            + ">; rel=\"license\", </api/v1/open-data>; rel=\"describedby\"";

    @Schema(description = "A licence")
    public record Licence(@Schema(examples = "etalab-2.0") String id, @Schema(examples = LICENCE_NAME) String name,
            @Schema(examples = LICENCE_URL) String url) {
    }

    @Schema(description = "A file of the dataset")
    public record Distribution(@Schema(examples = "CSV") String format, @Schema(examples = "text/csv") String mediaType,
            @Schema(examples = "/api/v1/schemes/export.csv") String url, String description) {
    }

    @Schema(description = "The territorial referential the registry is keyed by")
    public record Referential(@Schema(examples = "Code officiel géographique") String name, @Schema(examples = "2026") int year,
            @Schema(examples = "INSEE, via Etalab @etalab/decoupage-administratif") String producer, Licence licence) {
    }

    @Schema(description = "The registry as open data: licence, sources, referential, files", requiredProperties = { "title",
            "licence", "distributions" })
    public record Dataset(String title, String description, Licence licence, String attribution, String sources,
            Referential referential, @Schema(description = "When the registry last changed") Instant modified,
            List<Distribution> distributions) {
    }

    private final RegistryState registry;
    private final CogSnapshot cog;

    OpenDataResource(RegistryState registry, CogSnapshot cog) {
        this.registry = registry;
        this.cog = cog;
    }

    @GET
    @Cached(Cached.Validator.REGISTRY)
    @Operation(operationId = "getOpenData", summary = "The registry as open data: its licence, sources and files", description = "The registry is published under the Licence Ouverte 2.0: reuse it freely, citing the source. Every "
            + "export also names its licence in a Link header (rel=\"license\").")
    public Dataset describe() {
        Licence licence = new Licence("etalab-2.0", LICENCE_NAME, LICENCE_URL);
        return new Dataset("Annuaire des dynamiques territoriales de santé",
                "Les dispositifs territoriaux de santé (ASV, CLS, CLSM, CPTS...) : périmètres, porteurs, partenaires, financements, "
                        + "coordinations (coordonnées publiées avec le consentement des personnes), échéances.",
                licence, "Annuaire des dynamiques territoriales de santé",
                "Each scheme names where its facts come from (source) and when they were last checked (lastVerified).",
                new Referential("Code officiel géographique", cog.cogYear(),
                        "INSEE, via Etalab @etalab/decoupage-administratif", licence),
                registry.now().changedAt(),
                List.of(new Distribution("JSON", MediaType.APPLICATION_JSON, "/api/v1/schemes/export.json",
                        "Every public scheme, in the API's format (imports back unchanged)"),
                        new Distribution("CSV", SchemeCsv.MEDIA_TYPE, "/api/v1/schemes/export.csv",
                                "One scheme a row, UTF-8; nested lists as JSON in their cell"),
                        new Distribution("CSV for people", "text/csv", "/registre.csv",
                                "One scheme a row as French spreadsheets open it (';', UTF-8 with a byte order mark, decimal commas, "
                                        + "dd/mm/yyyy dates), kinds and statuses in words; not for imports"),
                        new Distribution("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "/registre.xlsx",
                                "The same rows as an Excel workbook: a first sheet with source, extraction time and licence, then "
                                        + "the rows, numbers and dates as typed cells"),
                        new Distribution("GeoJSON", "application/geo+json", "/api/v1/schemes/export.geojson",
                                "Every public scheme as a Feature, its perimeter's outline as geometry (WGS 84), for QGIS and web maps"),
                        new Distribution("JSON change feed", MediaType.APPLICATION_JSON, "/api/v1/schemes/changes",
                                "What changed since a revision, deletions included: for mirrors")));
    }
}
