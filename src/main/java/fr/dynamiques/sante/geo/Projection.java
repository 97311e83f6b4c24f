package fr.dynamiques.sante.geo;

/**
 * Conformal projections to metres for drawing: Lambert-93 (EPSG:2154, the official projection of metropolitan France,
 * GRS 80) for the mainland and Corsica, Mercator for the overseas départements, each drawn in its own frame. Shapes
 * keep their angles in both, so a commune looks as it does on an IGN map.
 */
final class Projection {

    /** GRS 80's first eccentricity and Lambert-93's constants (IGN, NTG_71). */
    private static final double E = 0.0818191910428158;
    private static final double N = 0.725607765053267;
    private static final double C = 11_754_255.426096;
    private static final double X_S = 700_000;
    private static final double Y_S = 12_655_612.049876;
    private static final double LAMBDA_0 = Math.toRadians(3);
    /** Mercator on the sphere of WGS 84's semi-major axis: the overseas départements span a few degrees each. */
    private static final double R = 6_378_137;
    /** South of this, a point is overseas (the mainland and Corsica lie north of 41.3°). */
    private static final double OVERSEAS_BELOW = 35;

    private Projection() {
    }

    /** Easting in metres. */
    static double x(double lon, double lat) {
        double lambda = Math.toRadians(lon);
        if (lat < OVERSEAS_BELOW) {
            return R * lambda;
        }
        return X_S + radius(lat) * Math.sin(N * (lambda - LAMBDA_0));
    }

    /** Northing in metres. */
    static double y(double lon, double lat) {
        double phi = Math.toRadians(lat);
        if (lat < OVERSEAS_BELOW) {
            return R * Math.log(Math.tan(Math.PI / 4 + phi / 2));
        }
        return Y_S - radius(lat) * Math.cos(N * (Math.toRadians(lon) - LAMBDA_0));
    }

    /** The distance to the cone's apex: C times e^(-n L), L the isometric latitude. */
    private static double radius(double lat) {
        double phi = Math.toRadians(lat);
        double esin = E * Math.sin(phi);
        double isometric = Math.log(Math.tan(Math.PI / 4 + phi / 2) * Math.pow((1 - esin) / (1 + esin), E / 2));
        return C * Math.exp(-N * isometric);
    }
}
