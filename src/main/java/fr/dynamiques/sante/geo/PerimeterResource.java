package fr.dynamiques.sante.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;
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
import fr.dynamiques.sante.scheme.Scheme;

/** A scheme's perimeter for GIS tools: one Feature, its communes dissolved into one outline. */
@Path("/api/v1/schemes/{id}/perimeter.geojson")
@Tag(name = "Géographie", description = "Outlines as GeoJSON (RFC 7946, WGS 84), from IGN ADMIN EXPRESS COG CARTO 2025")
public class PerimeterResource {

    private final CommuneTopology topology;
    private final ObjectMapper json;

    PerimeterResource(CommuneTopology topology, ObjectMapper json) {
        this.topology = topology;
        this.json = json;
    }

    @GET
    @Produces(GeoJsonWriter.MEDIA_TYPE)
    @Cached(Cached.Validator.REGISTRY)
    @Transactional
    @Operation(operationId = "getSchemePerimeter", summary = "A scheme's perimeter as GeoJSON",
            description = "One Feature: the communes of the perimeter dissolved into one Polygon or MultiPolygon (borders between "
                    + "them removed, holes kept), with the scheme's id, ref, name, kind, status, population, communeCount and "
                    + "source as properties. Communes of the overseas collectivities have no outline: they are counted in "
                    + "communesWithoutOutline. Outlines: " + GeoJsonWriter.ATTRIBUTION + ".")
    @APIResponse(responseCode = "200", description = "The perimeter",
            content = @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public StreamingOutput perimeter(@Parameter(example = "42") @PathParam("id") String id) {
        Scheme scheme = Scheme.findExisting(id);
        List<String> communes = List.copyOf(scheme.communeCodes);
        Map<String, Object> properties = properties(scheme, topology.missing(communes));
        Outline outline = topology.outline(communes);
        return out -> GeoJsonWriter.feature(out, json, scheme.id, properties, outline);
    }

    /** The properties every scheme's Feature carries (shared/API.md, Geography). */
    static Map<String, Object> properties(Scheme scheme, long withoutOutline) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", scheme.id);
        properties.put("ref", scheme.ref);
        properties.put("name", scheme.name);
        properties.put("kind", scheme.kind.code);
        properties.put("status", scheme.status.name());
        properties.put("population", scheme.population);
        properties.put("communeCount", scheme.communeCount);
        properties.put("source", scheme.source);
        if (withoutOutline > 0) {
            properties.put("communesWithoutOutline", withoutOutline);
        }
        return properties;
    }
}
