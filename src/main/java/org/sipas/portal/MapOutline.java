package org.sipas.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sipas.catalog.ProvinceOutline;

/**
 * The provinces projected and simplified once, on the server, into SVG paths: the map is drawn
 * without JavaScript and weighs tens of kilobytes, not the megabyte and a half of the file.
 * <p>
 * Projection: equirectangular with the longitudes scaled by the cosine of the middle latitude, which
 * for a country spanning 15° of latitude near the tropic keeps shapes within a few percent of a
 * conformal projection and needs no library. Simplification: Douglas-Peucker on each ring in the
 * map's own units, with a tolerance of half a unit on a map {@link #WIDTH} wide (below what a
 * screen shows); a ring smaller than that (an islet, the Hoàng Sa and Trường Sa archipelagos) is
 * kept as a speck rather than dropped, since a map of Vietnam without them is a wrong map.
 *
 * @param width  the view box's width (always {@link #WIDTH})
 * @param height the view box's height, from the provinces' extent
 */
record MapOutline(long boundariesId, double width, double height, List<Shape> shapes) {

    static final double WIDTH = 400;
    private static final double TOLERANCE = 0.5;
    private static final double MARGIN = 4;

    /** One province: its code and names, and its SVG path (every ring, drawn with the even-odd rule). */
    record Shape(String code, String name, String nameEn, String path) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : name;
        }
    }

    static MapOutline of(long boundariesId, List<ProvinceOutline> provinces) {
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        for (ProvinceOutline province : provinces) {
            for (double[][] ring : province.rings()) {
                for (double[] p : ring) {
                    west = Math.min(west, p[0]);
                    east = Math.max(east, p[0]);
                    south = Math.min(south, p[1]);
                    north = Math.max(north, p[1]);
                }
            }
        }
        double aspect = Math.cos(Math.toRadians((south + north) / 2));
        double scale = (WIDTH - 2 * MARGIN) / Math.max((east - west) * aspect, 1e-9);
        double height = (north - south) * scale + 2 * MARGIN;
        double x0 = west;
        double y0 = north;
        List<Shape> shapes = new ArrayList<>(provinces.size());
        for (ProvinceOutline province : provinces) {
            StringBuilder path = new StringBuilder();
            for (double[][] ring : province.rings()) {
                double[][] projected = new double[ring.length][];
                for (int i = 0; i < ring.length; i++) {
                    projected[i] = new double[] {MARGIN + (ring[i][0] - x0) * aspect * scale, MARGIN + (y0 - ring[i][1]) * scale};
                }
                append(path, simplified(projected));
            }
            shapes.add(new Shape(province.code(), province.name(), province.nameEn(), path.toString()));
        }
        return new MapOutline(boundariesId, WIDTH, Math.ceil(height), List.copyOf(shapes));
    }

    /** The ring simplified; a ring too small to keep three corners becomes a speck of the tolerance's size. */
    static List<double[]> simplified(double[][] ring) {
        boolean[] keep = new boolean[ring.length];
        keep[0] = true;
        keep[ring.length - 1] = true;
        // a closed ring's ends are the same point: split it at the point farthest from them first
        int far = 0;
        double farthest = -1;
        for (int i = 1; i < ring.length - 1; i++) {
            double d = Math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]);
            if (d > farthest) {
                farthest = d;
                far = i;
            }
        }
        if (far > 0) {
            keep[far] = true;
            douglasPeucker(ring, 0, far, keep);
            douglasPeucker(ring, far, ring.length - 1, keep);
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < ring.length; i++) {
            if (keep[i]) {
                kept.add(ring[i]);
            }
        }
        if (kept.size() < 4) {
            double cx = ring[0][0];
            double cy = ring[0][1];
            double h = TOLERANCE / 2;
            return List.of(new double[] {cx - h, cy - h}, new double[] {cx + h, cy - h}, new double[] {cx + h, cy + h},
                    new double[] {cx - h, cy + h}, new double[] {cx - h, cy - h});
        }
        return kept;
    }

    /** Marks the points of {@code ring[from..to]} that lie farther than the tolerance from the chord, recursively. */
    private static void douglasPeucker(double[][] ring, int from, int to, boolean[] keep) {
        // an explicit stack: a ring of 8,000 points must not depend on the thread's stack depth
        int[] stack = new int[2 * ring.length + 4];
        int top = 0;
        stack[top++] = from;
        stack[top++] = to;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            int worst = -1;
            double max = TOLERANCE;
            for (int i = a + 1; i < b; i++) {
                double d = distance(ring[i], ring[a], ring[b]);
                if (d > max) {
                    max = d;
                    worst = i;
                }
            }
            if (worst >= 0) {
                keep[worst] = true;
                stack[top++] = a;
                stack[top++] = worst;
                stack[top++] = worst;
                stack[top++] = b;
            }
        }
    }

    private static double distance(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return Math.hypot(p[0] - a[0], p[1] - a[1]);
        }
        return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
    }

    private static void append(StringBuilder path, List<double[]> ring) {
        double[] previous = null;
        for (int i = 0; i < ring.size() - 1; i++) {
            double[] p = ring.get(i);
            // points that round to the same tenth add bytes and no shape
            if (previous != null && Math.round(p[0] * 10) == Math.round(previous[0] * 10)
                    && Math.round(p[1] * 10) == Math.round(previous[1] * 10)) {
                continue;
            }
            path.append(previous == null ? 'M' : 'L').append(tenth(p[0])).append(' ').append(tenth(p[1]));
            previous = p;
        }
        path.append('Z');
    }

    private static String tenth(double v) {
        long t = Math.round(v * 10);
        return t % 10 == 0 ? Long.toString(t / 10) : (t < 0 && t > -10 ? "-0." + (-t % 10) : (t / 10) + "." + Math.abs(t % 10));
    }
}
