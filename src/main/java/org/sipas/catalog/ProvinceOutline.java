package org.sipas.catalog;

import java.util.List;

/**
 * A province's boundary as an uploaded GeoJSON file gives it: every ring of every polygon, as
 * longitude/latitude pairs (RFC 7946), outer rings and holes alike.
 */
public record ProvinceOutline(String code, String name, String nameEn, List<double[][]> rings) {

    /** Kilometres in a degree of latitude, on a sphere of the Earth's mean radius (6,371 km). */
    private static final double KM_PER_DEGREE = 6371.0 * Math.PI / 180;

    /**
     * Whether the point lies inside: even-odd over all rings, so a hole of a polygon is outside and
     * an island of a multi-polygon inside.
     */
    public boolean contains(double latitude, double longitude) {
        boolean inside = false;
        for (double[][] ring : rings) {
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
                if ((yi > latitude) != (yj > latitude)
                        && longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /**
     * How far the point lies outside the boundary, in kilometres; 0 inside. Measured on a plane
     * tangent at the point (longitudes shrunk by the cosine of its latitude), which is within a
     * fraction of a percent of the great-circle distance over the tens of kilometres that matter here.
     */
    public double kmOutside(double latitude, double longitude) {
        if (contains(latitude, longitude)) {
            return 0;
        }
        double shrink = Math.cos(Math.toRadians(latitude));
        double nearest = Double.MAX_VALUE;
        for (double[][] ring : rings) {
            for (int i = 1; i < ring.length; i++) {
                double ax = (ring[i - 1][0] - longitude) * shrink, ay = ring[i - 1][1] - latitude;
                double bx = (ring[i][0] - longitude) * shrink, by = ring[i][1] - latitude;
                nearest = Math.min(nearest, fromOrigin(ax, ay, bx, by));
            }
        }
        return nearest * KM_PER_DEGREE;
    }

    /** The distance from (0, 0) to the segment a-b. */
    private static double fromOrigin(double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length));
        return Math.hypot(ax + t * dx, ay + t * dy);
    }
}
