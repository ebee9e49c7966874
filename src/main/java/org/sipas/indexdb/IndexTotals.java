package org.sipas.indexdb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of every node of a tree from the values stored, bottom up: a leaf is its stored value;
 * a parent of a points tree is the sum of its children that have one; a parent of a percent tree is
 * its own measured figure when a survey or a publication gave one, else the mean of its children
 * that have one. A node none of whose leaves has a value has none.
 */
public final class IndexTotals {

    private IndexTotals() {
    }

    /** Node code → value, in the tree's order; a node without a value is absent. */
    public static Map<String, BigDecimal> of(IndexDefinition definition, Map<String, BigDecimal> stored) {
        Map<String, BigDecimal> out = new HashMap<>();
        value(definition, definition.root(), stored, out);
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (IndexDefinition.Node n : definition.nodes()) {
            if (out.get(n.code()) != null) {
                ordered.put(n.code(), out.get(n.code()));
            }
        }
        return ordered;
    }

    private static BigDecimal value(IndexDefinition d, IndexDefinition.Node node, Map<String, BigDecimal> stored,
                                    Map<String, BigDecimal> out) {
        List<IndexDefinition.Node> children = d.children(node.code());
        BigDecimal v;
        if (children.isEmpty()) {
            v = stored.get(node.code());
        } else {
            List<BigDecimal> known = new ArrayList<>();
            for (IndexDefinition.Node c : children) {
                BigDecimal cv = value(d, c, stored, out);
                if (cv != null) {
                    known.add(cv);
                }
            }
            if (d.aggregation() == Aggregation.MEAN && stored.get(node.code()) != null) {
                v = stored.get(node.code());
            } else if (known.isEmpty()) {
                v = null;
            } else if (d.aggregation() == Aggregation.SUM) {
                v = known.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            } else {
                v = known.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(known.size()), new MathContext(12, RoundingMode.HALF_EVEN))
                        .setScale(3, RoundingMode.HALF_EVEN);
            }
        }
        out.put(node.code(), v == null ? null : v.stripTrailingZeros());
        return v;
    }
}
