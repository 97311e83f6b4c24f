package fr.dynamiques.sante.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The area of a GeoJSON outline on the sphere (the ring formula of Chamberlain and Duquette, as GIS tools use), to check
 * the directory's densities against a measure of its own: exterior rings add, holes subtract.
 */
final class GeoArea {

    private static final double EARTH_KM = 6371.0088;

    private GeoArea() {
    }

    static double km2(String geojson) {
        try {
            JsonNode root = new ObjectMapper().readTree(geojson);
            JsonNode geometry = root.has("features") ? root.get("features").get(0).get("geometry")
                    : root.has("geometry") ? root.get("geometry") : root;
            double total = 0;
            JsonNode polygons = geometry.get("type").asText().equals("Polygon")
                    ? new ObjectMapper().createArrayNode().add(geometry.get("coordinates"))
                    : geometry.get("coordinates");
            for (JsonNode polygon : polygons) {
                for (int i = 0; i < polygon.size(); i++) {
                    double ring = Math.abs(ring(polygon.get(i)));
                    total += i == 0 ? ring : -ring;
                }
            }
            return total;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ring(JsonNode points) {
        double sum = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            double lon1 = Math.toRadians(points.get(i).get(0).asDouble());
            double lat1 = Math.toRadians(points.get(i).get(1).asDouble());
            double lon2 = Math.toRadians(points.get(i + 1).get(0).asDouble());
            double lat2 = Math.toRadians(points.get(i + 1).get(1).asDouble());
            sum += (lon2 - lon1) * (2 + Math.sin(lat1) + Math.sin(lat2));
        }
        return sum * EARTH_KM * EARTH_KM / 2;
    }
}
