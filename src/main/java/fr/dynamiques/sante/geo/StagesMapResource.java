package fr.dynamiques.sante.geo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import fr.dynamiques.sante.overlap.CptsStages;
import fr.dynamiques.sante.overlap.OverlapViews.StageCoverage;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;

/** The CPTS map of a territory for GIS tools: every commune with the class GET /coverage/stages gives it. */
@Path("/api/v1/coverage/stages.geojson")
@Tag(name = "Géographie")
public class StagesMapResource {

    private final CptsStages stages;
    private final CommuneTopology topology;
    private final EntityManager em;
    private final ObjectMapper json;

    StagesMapResource(CptsStages stages, CommuneTopology topology, EntityManager em, ObjectMapper json) {
        this.stages = stages;
        this.topology = topology;
        this.em = em;
        this.json = json;
    }

    @GET
    @Produces(GeoJsonWriter.MEDIA_TYPE)
    @Cached(Cached.Validator.REGISTRY)
    @Transactional
    @Operation(operationId = "getCptsStagesGeoJson", summary = "The CPTS map of a territory as GeoJSON", description = "Every commune of a région, a département or an EPCI, one Feature each (its outline, with code, name, "
            + "population, covered and cptsStage): covered false for a commune no CPTS at work covers, else cptsStage the "
            + "most advanced stage among the CPTS at work covering it (null when none of them records one), as GET "
            + "/coverage/stages classes it. The territory, its population, the classes' figures (stages, uncovered) and "
            + "complete are members of the collection. An arrondissement of Paris, Lyon or Marseille is a place of its own: "
            + "its Feature has a null geometry (no outline in the geography). Outlines: " + GeoJsonWriter.ATTRIBUTION + ".")
    @APIResponse(responseCode = "200", description = "The communes and their class", content = @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public StreamingOutput cptsStages(
            @Parameter(description = "Région code (or department, or epci)", example = "84") @QueryParam("region") String region,
            @Parameter(description = "Département code (or region, or epci)", example = "38") @QueryParam("department") String department,
            @Parameter(description = "EPCI SIREN (or region, or department)", example = "200040715") @QueryParam("epci") String epci) {
        Area area = stages.territory(region, department, epci);
        if (area == null) {
            throw ProblemException.badRequest("Name the territory: its communes are drawn one by one.",
                    new FieldError("department", "give region, department or epci"));
        }
        StageCoverage figures = stages.of(area);
        Map<String, String> stageByPlace = new HashMap<>();
        figures.communes().forEach(place -> stageByPlace.put(place.code(), place.stage()));
        @SuppressWarnings("unchecked")
        List<Object[]> places = em
                .createNativeQuery("select c.code, c.name, coalesce(c.population, 0) from place c where " + area.places()
                        + " order by c.code")
                .setParameter("code", area.code()).getResultList();
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("territory", area);
        members.put("population", figures.population());
        members.put("stages", figures.stages());
        members.put("uncovered", figures.uncovered());
        // False: the registry is not declared complete there (GET /api/v1/completeness), these are only the CPTS entered.
        members.put("complete", figures.complete());
        members.put("attribution", GeoJsonWriter.ATTRIBUTION);
        return out -> {
            try (GeoJsonWriter writer = GeoJsonWriter.collection(out, json, members)) {
                for (Object[] place : places) {
                    String code = (String) place[0];
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("code", code);
                    properties.put("name", place[1]);
                    properties.put("population", ((Number) place[2]).longValue());
                    // Flat, as GIS tools read properties: to colour by class, covered then cptsStage.
                    properties.put("covered", stageByPlace.containsKey(code));
                    properties.put("cptsStage", stageByPlace.get(code));
                    writer.feature(code, properties, topology.outline(List.of(code)));
                }
            }
        };
    }
}
