package org.sipas.indexdb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of an index's tree: one root (the index itself), then fields, criteria and
 * sub-criteria in ordinal order, as stored.
 *
 * @param fedBy the prefix of the methodology codes whose published snapshots feed it ({@code sipas-}), or null
 * @param nodes depth first, each parent before its children, siblings by ordinal
 */
public record IndexDefinition(long id, String code, int version, String nameVi, String nameEn, Aggregation aggregation,
                              String fedBy, String sourceNote, boolean shipped, List<Node> nodes) {

    /** A node of the tree; {@code maxPoints} is null for a node scored in percent or whose maximum is not known. */
    public record Node(long id, String code, String parentCode, int ordinal, int depth, String nameVi, String nameEn,
                       BigDecimal maxPoints) {

        public String name(boolean english) {
            return english && nameEn != null ? nameEn : nameVi;
        }
    }

    public IndexDefinition {
        nodes = List.copyOf(nodes);
    }

    public String name(boolean english) {
        return english && nameEn != null ? nameEn : nameVi;
    }

    public Node root() {
        return nodes.stream().filter(n -> n.parentCode() == null).findFirst().orElseThrow();
    }

    public Optional<Node> node(String nodeCode) {
        return nodes.stream().filter(n -> n.code().equals(nodeCode)).findFirst();
    }

    public List<Node> children(String parentCode) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (parentCode.equals(n.parentCode())) {
                out.add(n);
            }
        }
        return out;
    }

    public boolean isLeaf(Node node) {
        return nodes.stream().noneMatch(n -> node.code().equals(n.parentCode()));
    }

    public List<Node> leaves() {
        return nodes.stream().filter(this::isLeaf).toList();
    }
}
