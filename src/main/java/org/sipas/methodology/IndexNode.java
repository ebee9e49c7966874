package org.sipas.methodology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A node of the index tree. A leaf is a criterion (tiêu chí) bound to one question with rule
 * {@link Rule#SHARE_SATISFIED}; an inner node (an element, yếu tố, or the overall index) combines
 * its children by {@link Rule#MEAN} or by {@link Rule#WEIGHTED} with explicit weights.
 *
 * @param question the question a criterion is computed from (leaves only)
 * @param weights  child code → weight (WEIGHTED only)
 */
public record IndexNode(String code, Label label, Rule rule, String question, List<IndexNode> children,
                        Map<String, Double> weights) {

    public IndexNode {
        children = children == null ? List.of() : List.copyOf(children);
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    /** Code → label in the reader's language (the code where there is none) of this node and every node below, top down. */
    public Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        collect(this, locale, labels);
        return labels;
    }

    private static void collect(IndexNode node, Locale locale, Map<String, String> labels) {
        labels.put(node.code(), node.label() == null ? node.code() : node.label().in(locale));
        node.children().forEach(child -> collect(child, locale, labels));
    }

    public enum Rule {
        /** Percent of valid answers in the scale's satisfied levels. */
        SHARE_SATISFIED,
        /** Plain mean of the children that have a value. */
        MEAN,
        /** Weighted mean of the children, by {@code weights}. */
        WEIGHTED
    }
}
