package fr.dynamiques.sante.registry;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import fr.dynamiques.sante.scheme.SchemeFilter;

/** The filters the scheme list and its exports share, as query parameters: described once, read the same way. */
public class SchemeListParams {

    @Parameter(description = "ASV, CLS, CLSM, CPTS...", example = "CLS")
    @QueryParam("kind")
    public List<String> kind;

    @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED", example = "ACTIVE")
    @QueryParam("status")
    public List<String> status;

    @Parameter(description = "Région code", example = "84")
    @QueryParam("region")
    public String region;

    // A string in the document, as it always was (typed clients keep their signature); the server takes it repeated too.
    @Parameter(description = "Département code; several allowed, repeated (department=38&department=73) or comma-separated (department=38,73): the schemes working in any of them", example = "38", schema = @Schema(type = SchemaType.STRING))
    @QueryParam("department")
    public List<String> department;

    @Parameter(description = "Commune INSEE code (a city's covers its arrondissements), or a municipal arrondissement's "
            + "(Paris, Lyon, Marseille)", example = "38151")
    @QueryParam("commune")
    public String commune;

    @Parameter(description = "EPCI SIREN", example = "200040715")
    @QueryParam("epci")
    public String epci;

    @Parameter(description = "Theme label, case and accents aside; also keeps the free tags naming it", example = "santé mentale")
    @QueryParam("theme")
    public String theme;

    @Parameter(description = "Funder: organisation name or id", example = "ARS Auvergne-Rhône-Alpes")
    @QueryParam("funder")
    public String funder;

    @Parameter(description = "Density class of the territory: rural, intermediate or urban (where most of its inhabitants live; "
            + "README, \"Density\")", example = "rural")
    @QueryParam("density")
    public String density;

    /** These filters, to be checked against the registry's kinds and the COG. */
    SchemeFilter.Builder filter() {
        return SchemeFilter.where().kind(kind).status(status).region(region).departments(department).commune(commune).epci(epci)
                .theme(theme).funder(funder).density(density);
    }
}
