package org.sipas.indexdb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of one unit's index as a radar chart drawn on the server (SVG, no script): one axis per
 * child of the root, each value as a share of its axis's full scale (its maximum points, or 100 for a
 * percent), the table beside it holds the figures for every reader.
 *
 * @param axes    one per field, clockwise from the top
 * @param polygon the unit's shape: the {@code points} of an SVG polygon
 * @param rings   the grid at 25, 50, 75 and 100% of every axis
 */
record Radar(List<Axis> axes, String polygon, List<String> rings) {

    static final double SIZE = 320;
    private static final double CENTRE = SIZE / 2;
    private static final double RADIUS = SIZE / 2 - 40;

    /** One axis: its node, its value and share of the scale, the end of its line and where its label goes. */
    record Axis(String code, String name, BigDecimal value, BigDecimal scale, double share, double x, double y, double labelX,
                double labelY, String anchor) {
    }

    static Radar of(IndexDefinition d, Map<String, BigDecimal> values, boolean english) {
        List<IndexDefinition.Node> fields = d.children(d.root().code());
        List<Axis> axes = new ArrayList<>();
        StringBuilder polygon = new StringBuilder();
        int k = fields.size();
        for (int i = 0; i < k; i++) {
            IndexDefinition.Node f = fields.get(i);
            double angle = -Math.PI / 2 + 2 * Math.PI * i / k;
            BigDecimal scale = f.maxPoints() != null ? f.maxPoints() : BigDecimal.valueOf(100);
            BigDecimal value = values.get(f.code());
            double share = value == null ? 0 : Math.min(1, value.divide(scale, MathContext.DECIMAL64).doubleValue());
            double x = CENTRE + RADIUS * Math.cos(angle);
            double y = CENTRE + RADIUS * Math.sin(angle);
            double lx = CENTRE + (RADIUS + 18) * Math.cos(angle);
            double ly = CENTRE + (RADIUS + 18) * Math.sin(angle) + 4;
            String anchor = Math.abs(Math.cos(angle)) < 0.2 ? "middle" : Math.cos(angle) > 0 ? "start" : "end";
            axes.add(new Axis(f.code(), f.name(english), value, scale, share, round(x), round(y), round(lx), round(ly), anchor));
            polygon.append(point(CENTRE + RADIUS * share * Math.cos(angle), CENTRE + RADIUS * share * Math.sin(angle)));
        }
        List<String> rings = new ArrayList<>();
        for (double ring : new double[] {0.25, 0.5, 0.75, 1}) {
            StringBuilder r = new StringBuilder();
            for (int i = 0; i < k; i++) {
                double angle = -Math.PI / 2 + 2 * Math.PI * i / k;
                r.append(point(CENTRE + RADIUS * ring * Math.cos(angle), CENTRE + RADIUS * ring * Math.sin(angle)));
            }
            rings.add(r.toString().strip());
        }
        return new Radar(axes, polygon.toString().strip(), rings);
    }

    public double centre() {
        return CENTRE;
    }

    public double size() {
        return SIZE;
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
