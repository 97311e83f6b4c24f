package fr.dynamiques.sante.geo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import fr.dynamiques.sante.overlap.Coverage;
import fr.dynamiques.sante.overlap.CoverageAt;
import fr.dynamiques.sante.overlap.CoverageDays;
import fr.dynamiques.sante.overlap.Criteria;
import fr.dynamiques.sante.overlap.OverlapViews.UncoveredCommune;
import fr.dynamiques.sante.overlap.OverlapViews.WhiteZones;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;

/** The white zones of a kind in a département or a région, for GIS tools: the same communes as GET /coverage/white-zones. */
@Path("/api/v1/coverage/white-zones.geojson")
@Tag(name = "Géographie")
public class WhiteZonesMapResource {

    private final Coverage coverage;
    private final CoverageAt coverageAt;
    private final CommuneTopology topology;
    private final CogSnapshot cog;
    private final ObjectMapper json;

    WhiteZonesMapResource(Coverage coverage, CoverageAt coverageAt, CommuneTopology topology, CogSnapshot cog,
            ObjectMapper json) {
        this.coverage = coverage;
        this.coverageAt = coverageAt;
        this.topology = topology;
        this.cog = cog;
        this.json = json;
    }

    @GET
    @Produces(GeoJsonWriter.MEDIA_TYPE)
    @Cached(Cached.Validator.REGISTRY)
    @Transactional
    @Operation(operationId = "getWhiteZonesGeoJson", summary = "The white zones as GeoJSON", description = "The communes no scheme of the chosen kinds covers in one or more départements or a région, one Feature each (its "
            + "outline, with code, name, population, departmentCode, departmentName, epciSiren and epciName), most populated first; the territory, kinds, statuses and "
            + "uncovered population are members of the collection, with complete (false: the registry is not declared complete "
            + "there, and lists only the white zones of the schemes entered). Counts ACTIVE and RENEWAL schemes unless status= says "
            + "otherwise. An arrondissement of Paris, Lyon or Marseille is a place of its own: its Feature has a null "
            + "geometry (no outline in the geography). With at=, the white zones as they stood that day, with the day (at) and "
            + "unknownStart as members of the collection: a scheme counts when it is not a DRAFT, its start date is on or before "
            + "that day and its end date unknown or on or after it, whatever its status (a later generation whose start is unknown "
            + "starts the day after its previous generation's end); one whose start is still unknown is left out and counted in "
            + "unknownStart; status= is then refused (400). Outlines: " + GeoJsonWriter.ATTRIBUTION + ".")
    @APIResponse(responseCode = "200", description = "The uncovered communes", content = @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public StreamingOutput whiteZones(
            @Parameter(description = "ASV, CLS, CLSM, CPTS...; several allowed", example = "CPTS") @QueryParam("kind") List<String> kind,
            @Parameter(description = "Département code; several allowed, repeated (department=38&department=73) or comma-separated (department=38,73); or region", example = "38", schema = @Schema(type = SchemaType.STRING)) @QueryParam("department") List<String> department,
            @Parameter(description = "Région code (or department)", example = "84") @QueryParam("region") String region,
            @Parameter(description = "DRAFT, ACTIVE, RENEWAL, ENDED; several allowed; not with at") @QueryParam("status") List<String> status,
            @Parameter(description = "A day, YYYY-MM-DD, from 1990-01-01 to ten years from today: the white zones as they stood that day. Not with status", example = "2020-01-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("at") String at) {
        LocalDate day = CoverageDays.asked(at, status);
        Criteria criteria = Criteria.of(kind, status, region, department, SchemeStatus.AT_WORK, cog);
        WhiteZones zones = day == null
                ? coverage.whiteZones(criteria.areas(cog), criteria.kinds(), criteria.statuses(), Integer.MAX_VALUE)
                : coverageAt.whiteZones(criteria.areas(cog), criteria.kinds(), day, Integer.MAX_VALUE);
        Map<String, Object> members = new LinkedHashMap<>();
        if (zones.territory() != null) {
            members.put("territory", zones.territory());
        }
        members.put("territories", zones.territories());
        members.put("kinds", zones.kinds());
        if (day == null) {
            members.put("statuses", zones.statuses());
        } else {
            members.put("at", day.toString());
            members.put("unknownStart", zones.unknownStart());
        }
        members.put("population", zones.population());
        // False: the registry is not declared complete there (GET /api/v1/completeness), these are only its white zones.
        members.put("complete", zones.complete());
        members.put("attribution", GeoJsonWriter.ATTRIBUTION);
        return out -> {
            try (GeoJsonWriter writer = GeoJsonWriter.collection(out, json, members)) {
                for (UncoveredCommune commune : zones.communes()) {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("code", commune.code());
                    properties.put("name", commune.name());
                    properties.put("population", commune.population());
                    // Flat, as GIS tools read properties: to sort or colour the white zones by département or EPCI.
                    properties.put("departmentCode", commune.department() == null ? null : commune.department().code());
                    properties.put("departmentName", commune.department() == null ? null : commune.department().name());
                    properties.put("epciSiren", commune.epci() == null ? null : commune.epci().siren());
                    properties.put("epciName", commune.epci() == null ? null : commune.epci().name());
                    writer.feature(commune.code(), properties, topology.outline(List.of(commune.code())));
                }
            }
        };
    }
}
