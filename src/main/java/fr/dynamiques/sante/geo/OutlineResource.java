package fr.dynamiques.sante.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.overlap.Area;
import fr.dynamiques.sante.overlap.TerritoryStackResource;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;

/** A territory's outline, from the outlines of its communes (an EPCI's, a département's, a région's borders drawn once). */
@Path("/api/v1/territories/{level}/{code}/outline.geojson")
@Tag(name = "Géographie")
public class OutlineResource {

    private final CommuneTopology topology;
    private final CogSnapshot cog;
    private final ObjectMapper json;

    OutlineResource(CommuneTopology topology, CogSnapshot cog, ObjectMapper json) {
        this.topology = topology;
        this.cog = cog;
        this.json = json;
    }

    @GET
    @Produces(GeoJsonWriter.MEDIA_TYPE)
    @Cached(Cached.Validator.REFERENTIAL)
    @Operation(operationId = "getTerritoryOutline", summary = "A territory's outline as GeoJSON", description = "One Feature: the outline of the commune, EPCI, département or région (the arcs used by exactly one of "
            + "its communes), with level, code, name and population as properties. Outlines: "
            + GeoJsonWriter.ATTRIBUTION + ".")
    @APIResponse(responseCode = "200", description = "The outline", content = @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public StreamingOutput outline(
            @Parameter(description = "communes, arrondissements, epcis, departments or regions", example = "departments") @PathParam("level") String level,
            @Parameter(example = "38") @PathParam("code") String code) {
        TerritoryLevel territory = TerritoryStackResource.level(level);
        Area area = Area.of(cog, territory, code);
        // Drawn from commune outlines: the geography file has none for municipal arrondissements (null geometry).
        List<String> communes = territory == TerritoryLevel.ARRONDISSEMENT ? List.of()
                : List.copyOf(cog.communesOf(cog.placesOf(territory, code)));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("level", area.level());
        properties.put("code", area.code());
        properties.put("name", area.name());
        properties.put("population", area.population());
        long missing = communes.isEmpty() ? 1 : topology.missing(communes);
        if (missing > 0) {
            properties.put("communesWithoutOutline", missing);
        }
        Outline outline = topology.outline(communes);
        return out -> GeoJsonWriter.feature(out, json, area.code(), properties, outline);
    }
}
