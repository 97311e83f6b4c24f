package fr.dynamiques.sante.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.scheme.OpenDataResource;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.territory.CogSnapshot;

/** The whole public registry as one FeatureCollection: the open-data map, beside the CSV and JSON exports. */
@Path("/api/v1/schemes/export.geojson")
@Tag(name = "Géographie")
public class RegistryMapResource {

    /** What a scheme's Feature needs, read in the request's transaction; outlines are drawn while streaming. */
    private record Entry(long id, Map<String, Object> properties, Set<String> communes) {
    }

    private final SchemeQuery query;
    private final CommuneTopology topology;
    private final CogSnapshot cog;
    private final ObjectMapper json;

    RegistryMapResource(SchemeQuery query, CommuneTopology topology, CogSnapshot cog, ObjectMapper json) {
        this.query = query;
        this.topology = topology;
        this.cog = cog;
        this.json = json;
    }

    @GET
    @Produces(GeoJsonWriter.MEDIA_TYPE)
    @Cached(Cached.Validator.REGISTRY)
    @Transactional
    @Operation(operationId = "exportSchemesGeoJson", summary = "Every scheme's perimeter as one GeoJSON FeatureCollection (open data)", description = "One Feature per scheme, in name order, with the properties of GET /schemes/{id}/perimeter.geojson. "
            + "Licence Ouverte 2.0 (Link: rel=\"license\"); outlines: " + GeoJsonWriter.ATTRIBUTION + ".")
    @APIResponse(responseCode = "200", description = "Every scheme", content = @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response export() {
        List<Entry> entries = new ArrayList<>();
        for (Scheme scheme : query.all()) {
            Set<String> communes = cog.communesOf(scheme.communeCodes);
            entries.add(new Entry(scheme.id, PerimeterResource.properties(scheme, communes, topology, cog), communes));
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("licence", OpenDataResource.LICENCE_URL);
        members.put("attribution", GeoJsonWriter.ATTRIBUTION);
        StreamingOutput body = out -> {
            try (GeoJsonWriter writer = GeoJsonWriter.collection(out, json, members)) {
                for (Entry entry : entries) {
                    writer.feature(entry.id(), entry.properties(), topology.outline(entry.communes()));
                }
            }
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"schemes.geojson\"")
                .header("Link", OpenDataResource.EXPORT_LINKS).build();
    }
}
