package org.sipas.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.methodology.IndexNode;

/**
 * An index tree made ready for estimation: its criteria (the leaves) numbered in depth-first
 * order, the order of every array of {@link StratumTotals}. The tree is the methodology's own
 * ({@code Methodology.index()}), so another methodology with other elements or weights works
 * unchanged.
 *
 * @param root     the overall index
 * @param criteria the leaves in depth-first order: criterion k is row and column k of the totals
 */
public record IndexTree(IndexNode root, List<IndexNode> criteria) {

    /** The level of the root in {@link IndexEstimate#level()}. */
    public static final String OVERALL = "overall";
    /** The level of an inner node between the root and the criteria. */
    public static final String ELEMENT = "element";
    /** The level of a leaf. */
    public static final String CRITERION = "criterion";

    public IndexTree {
        criteria = List.copyOf(criteria);
    }

    /**
     * The tree of {@code root}, checked: every code once, a leaf is a criterion
     * ({@link IndexNode.Rule#SHARE_SATISFIED}), an inner node averages ({@link IndexNode.Rule#MEAN})
     * or weighs ({@link IndexNode.Rule#WEIGHTED}, a positive weight for each child).
     *
     * @throws IllegalArgumentException when the tree breaks one of these rules
     */
    public static IndexTree of(IndexNode root) {
        List<IndexNode> leaves = new ArrayList<>();
        collect(root, leaves, new HashSet<>());
        return new IndexTree(root, leaves);
    }

    private static void collect(IndexNode node, List<IndexNode> leaves, Set<String> codes) {
        if (node.code() == null || !codes.add(node.code())) {
            throw new IllegalArgumentException("index node code missing or repeated: " + node.code());
        }
        if (node.children().isEmpty()) {
            if (node.rule() != IndexNode.Rule.SHARE_SATISFIED) {
                throw new IllegalArgumentException("criterion " + node.code() + " must be share_satisfied, not " + node.rule());
            }
            leaves.add(node);
            return;
        }
        if (node.rule() == IndexNode.Rule.WEIGHTED) {
            for (IndexNode child : node.children()) {
                Double weight = node.weights().get(child.code());
                if (weight == null || !(weight > 0) || weight.isInfinite()) {
                    throw new IllegalArgumentException("node " + node.code() + " has no positive weight for " + child.code());
                }
            }
        } else if (node.rule() != IndexNode.Rule.MEAN) {
            throw new IllegalArgumentException("inner node " + node.code() + " must be mean or weighted, not " + node.rule());
        }
        for (IndexNode child : node.children()) {
            collect(child, leaves, codes);
        }
    }

    /**
     * The position of a criterion in the arrays of {@link StratumTotals}, or -1 when the code is
     * not a criterion of this tree. A scan of the criteria: who maps every answer builds
     * {@link #positions()} once.
     */
    public int position(String criterionCode) {
        for (int k = 0; k < criteria.size(); k++) {
            if (criteria.get(k).code().equals(criterionCode)) {
                return k;
            }
        }
        return -1;
    }

    /** Criterion code → position, in depth-first order. */
    public Map<String, Integer> positions() {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int k = 0; k < criteria.size(); k++) {
            positions.put(criteria.get(k).code(), k);
        }
        return positions;
    }

    /** The level a node's figure carries: {@code criterion}, {@code element} or {@code overall}. */
    public String level(IndexNode node) {
        if (node == root) {
            return OVERALL;
        }
        return node.children().isEmpty() ? CRITERION : ELEMENT;
    }

    /** The inner nodes, children before their parent, the root last. */
    List<IndexNode> innerNodesPostOrder() {
        List<IndexNode> inner = new ArrayList<>();
        postOrder(root, inner);
        return inner;
    }

    private static void postOrder(IndexNode node, List<IndexNode> inner) {
        if (node.children().isEmpty()) {
            return;
        }
        for (IndexNode child : node.children()) {
            postOrder(child, inner);
        }
        inner.add(node);
    }
}
