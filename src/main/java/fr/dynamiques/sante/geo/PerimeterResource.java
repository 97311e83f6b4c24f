package fr.dynamiques.sante.geo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import fr.dynamiques.sante.territory.CogSnapshot;

/** A scheme's perimeter for GIS tools: one Feature, its communes dissolved into one outline. */
@Path("/api/v1/schemes/{id}/perimeter.geojson")
@Tag(name = "Géographie", description = "Outlines as GeoJSON (RFC 7946, WGS 84), from IGN ADMIN EXPRESS COG CARTO 2025")
public class PerimeterResource {

    private final CommuneTopology topology;
    private final CogSnapshot cog;
    private final ObjectMapper json;

    PerimeterResource(CommuneTopology topology, CogSnapshot cog, ObjectMapper json) {
        this.topology = topology;
        this.cog = cog;
        this.json = json;
    }

    @GET
    @Produces(GeoJsonWriter.MEDIA_TYPE)
    @Cached(Cached.Validator.REGISTRY)
    @Transactional
    @Operation(operationId = "getSchemePerimeter", summary = "A scheme's perimeter as GeoJSON", description = "One Feature: the communes of the perimeter dissolved into one Polygon or MultiPolygon (borders between "
            + "them removed, holes kept), with the scheme's id, ref, name, kind, status, population, communeCount and "
            + "source as properties. Communes of the overseas collectivities have no outline: they are counted in "
            + "communesWithoutOutline. The geography has no outline for the arrondissements of Paris, Lyon and "
            + "Marseille: a perimeter naming some of a city's arrondissements is drawn with the whole city, listed in "
            + "citiesDrawnWhole (population and communeCount stay exact). Outlines: " + GeoJsonWriter.ATTRIBUTION + ".")
    @APIResponse(responseCode = "200", description = "The perimeter", content = @Content(mediaType = GeoJsonWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public StreamingOutput perimeter(@Parameter(example = "42") @PathParam("id") String id) {
        Scheme scheme = Scheme.findExisting(id);
        Set<String> communes = cog.communesOf(scheme.communeCodes);
        Map<String, Object> properties = properties(scheme, communes, topology, cog);
        Outline outline = topology.outline(communes);
        return out -> GeoJsonWriter.feature(out, json, scheme.id, properties, outline);
    }

    /** The properties every scheme's Feature carries (shared/API.md, Geography); {@code communes} are those drawn. */
    static Map<String, Object> properties(Scheme scheme, Set<String> communes, CommuneTopology topology, CogSnapshot cog) {
        long withoutOutline = topology.missing(communes);
        List<String> drawnWhole = communes.stream()
                .filter(c -> !cog.arrondissementsOf(c).isEmpty() && !scheme.communeCodes.containsAll(cog.arrondissementsOf(c)))
                .toList();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", scheme.id);
        properties.put("ref", scheme.ref);
        properties.put("name", scheme.name);
        properties.put("kind", scheme.kind.code);
        properties.put("status", scheme.status.name());
        properties.put("population", scheme.population);
        properties.put("communeCount", scheme.communeCount);
        // Flat values, as GIS read them best: dates as ISO dates (GDAL reads them as Date), lists as "a; b".
        properties.put("startDate", scheme.startDate == null ? null : scheme.startDate.toString());
        properties.put("endDate", scheme.endDate == null ? null : scheme.endDate.toString());
        properties.put("themes", String.join("; ", scheme.themes));
        properties.put("departments", String.join("; ", scheme.departmentCodes));
        properties.put("source", scheme.source);
        properties.put("lastVerified", scheme.lastVerified == null ? null : scheme.lastVerified.toString());
        if (withoutOutline > 0) {
            properties.put("communesWithoutOutline", withoutOutline);
        }
        if (!drawnWhole.isEmpty()) {
            properties.put("citiesDrawnWhole", drawnWhole);
        }
        return properties;
    }
}
