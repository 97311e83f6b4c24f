package fr.dynamiques.sante.geo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes GeoJSON (RFC 7946): coordinates in WGS 84 (longitude, latitude) to six decimals, exterior rings
 * counterclockwise, one Polygon or MultiPolygon per outline (null for a territory without one). A collection is
 * written a feature at a time, so the registry's whole map never sits in memory as text.
 */
public final class GeoJsonWriter implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/geo+json";
    /** Whom the outlines come from, as their licence asks. */
    public static final String ATTRIBUTION = "IGN – ADMIN EXPRESS COG CARTO 2025 (Licence Ouverte 2.0)";

    private final JsonGenerator out;
    private final boolean collection;

    private GeoJsonWriter(JsonGenerator out, boolean collection) {
        this.out = out;
        this.collection = collection;
    }

    /** A FeatureCollection; its members (licence, attribution...) written before the features. */
    public static GeoJsonWriter collection(OutputStream stream, ObjectMapper json, Map<String, Object> members)
            throws IOException {
        JsonGenerator out = json.getFactory().createGenerator(stream);
        out.writeStartObject();
        out.writeStringField("type", "FeatureCollection");
        for (Map.Entry<String, Object> member : members.entrySet()) {
            out.writeObjectField(member.getKey(), member.getValue());
        }
        out.writeArrayFieldStart("features");
        return new GeoJsonWriter(out, true);
    }

    /** One Feature, as a whole document. */
    public static void feature(OutputStream stream, ObjectMapper json, Object id, Map<String, Object> properties,
            Outline outline)
            throws IOException {
        try (GeoJsonWriter writer = new GeoJsonWriter(json.getFactory().createGenerator(stream), false)) {
            writer.feature(id, properties, outline);
        }
    }

    public void feature(Object id, Map<String, Object> properties, Outline outline) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        if (id != null) {
            out.writeObjectField("id", id);
        }
        out.writeFieldName("geometry");
        geometry(outline);
        out.writeObjectField("properties", properties);
        out.writeEndObject();
    }

    private void geometry(Outline outline) throws IOException {
        if (outline.isEmpty()) {
            out.writeNull();
            return;
        }
        boolean multi = outline.polygons().size() > 1;
        out.writeStartObject();
        out.writeStringField("type", multi ? "MultiPolygon" : "Polygon");
        out.writeArrayFieldStart("coordinates");
        for (Outline.Polygon polygon : outline.polygons()) {
            if (multi) {
                out.writeStartArray();
            }
            ring(polygon.exterior(), outline);
            for (Ring hole : polygon.holes()) {
                ring(hole, outline);
            }
            if (multi) {
                out.writeEndArray();
            }
            if (!multi) {
                break;
            }
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void ring(Ring ring, Outline outline) throws IOException {
        out.writeStartArray();
        for (int i = 0; i < ring.xs().length; i++) {
            out.writeStartArray();
            out.writeNumber(Math.round(outline.lon(ring.xs()[i]) * 1e6) / 1e6);
            out.writeNumber(Math.round(outline.lat(ring.ys()[i]) * 1e6) / 1e6);
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        if (collection) {
            out.writeEndArray();
            out.writeEndObject();
        }
        out.close();
    }
}
