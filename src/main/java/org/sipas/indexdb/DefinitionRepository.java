package org.sipas.indexdb;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of index_definition and index_node. */
@Repository
class DefinitionRepository {

    private static final String NODES = """
            SELECT n.id, n.definition_id, n.code, p.code AS parent_code, n.ordinal, n.depth, n.name_vi, n.name_en, n.max_points
            FROM index_node n LEFT JOIN index_node p ON p.id = n.parent_id
            WHERE n.definition_id IN (:ids)
            """;

    private final JdbcClient jdbc;

    DefinitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, String code, int version, String nameVi, String nameEn, Aggregation aggregation, String fedBy,
                        String sourceNote, boolean shipped) {
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name_vi"),
                rs.getString("name_en"), Aggregation.valueOf(rs.getString("aggregation")), rs.getString("fed_by"),
                rs.getString("source_note"), rs.getBoolean("shipped"));
    }

    /** The latest version of every index, by code. */
    List<IndexDefinition> latest() {
        return withNodes(jdbc.sql("""
                SELECT DISTINCT ON (code) * FROM index_definition ORDER BY code, version DESC""").query(DefinitionRepository::head).list());
    }

    Optional<IndexDefinition> latest(String code) {
        return withNodes(jdbc.sql("SELECT * FROM index_definition WHERE code = :code ORDER BY version DESC LIMIT 1")
                .param("code", code).query(DefinitionRepository::head).list()).stream().findFirst();
    }

    Optional<IndexDefinition> version(String code, int version) {
        return withNodes(jdbc.sql("SELECT * FROM index_definition WHERE code = :code AND version = :v")
                .param("code", code).param("v", version).query(DefinitionRepository::head).list()).stream().findFirst();
    }

    Optional<IndexDefinition> byId(long id) {
        return withNodes(jdbc.sql("SELECT * FROM index_definition WHERE id = :id").param("id", id)
                .query(DefinitionRepository::head).list()).stream().findFirst();
    }

    /** Every version of an index, newest first. */
    List<Integer> versions(String code) {
        return jdbc.sql("SELECT version FROM index_definition WHERE code = :code ORDER BY version DESC").param("code", code)
                .query(Integer.class).list();
    }

    /** The latest versions fed by the published snapshots of a methodology. */
    List<IndexDefinition> fedBy(String methodologyCode) {
        return withNodes(jdbc.sql("""
                SELECT DISTINCT ON (code) * FROM index_definition
                WHERE fed_by IS NOT NULL AND starts_with(:m, fed_by) ORDER BY code, version DESC""")
                .param("m", methodologyCode).query(DefinitionRepository::head).list());
    }

    void lockShipped() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('indexdb.shipped'))").query(Object.class).single();
    }

    boolean inUse(long definitionId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM index_value v JOIN index_node n ON n.id = v.node_id WHERE n.definition_id = :d)
                    OR EXISTS (SELECT 1 FROM index_assessment a WHERE a.definition_id = :d)""")
                .param("d", definitionId).query(Boolean.class).single();
    }

    long insert(DefinitionDraft draft, int version, boolean shipped, String by) {
        long id = jdbc.sql("""
                        INSERT INTO index_definition (code, version, name_vi, name_en, aggregation, fed_by, source_note, shipped, created_by)
                        VALUES (:code, :version, :vi, :en, :agg, :fed, :note, :shipped, :by) RETURNING id""")
                .param("code", draft.code()).param("version", version).param("vi", draft.nameVi()).param("en", draft.nameEn())
                .param("agg", draft.aggregation().name()).param("fed", draft.fedBy()).param("note", draft.sourceNote())
                .param("shipped", shipped).param("by", by).query(Long.class).single();
        insertNodes(id, draft);
        return id;
    }

    /** The tree of a version that holds no values yet, replaced by a new reading of its file. */
    void replace(long definitionId, DefinitionDraft draft, String by) {
        jdbc.sql("DELETE FROM index_node WHERE definition_id = :d").param("d", definitionId).update();
        jdbc.sql("""
                        UPDATE index_definition SET name_vi = :vi, name_en = :en, aggregation = :agg, fed_by = :fed,
                            source_note = :note, created_by = :by, created_at = now() WHERE id = :d""")
                .param("vi", draft.nameVi()).param("en", draft.nameEn()).param("agg", draft.aggregation().name())
                .param("fed", draft.fedBy()).param("note", draft.sourceNote()).param("by", by).param("d", definitionId).update();
        insertNodes(definitionId, draft);
    }

    private void insertNodes(long definitionId, DefinitionDraft draft) {
        Map<String, DefinitionDraft.NodeDraft> byCode = new HashMap<>();
        draft.nodes().forEach(n -> byCode.put(n.code(), n));
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> nextOrdinal = new HashMap<>();
        // parents before children: by depth
        List<DefinitionDraft.NodeDraft> ordered = new ArrayList<>(draft.nodes());
        ordered.sort(java.util.Comparator.comparingInt(n -> depth(n, byCode)));
        for (DefinitionDraft.NodeDraft n : ordered) {
            String parentKey = String.valueOf(n.parentCode());
            int ordinal = n.ordinal() != null ? n.ordinal() : nextOrdinal.getOrDefault(parentKey, 0) + 1;
            nextOrdinal.merge(parentKey, ordinal, Math::max);
            long id = jdbc.sql("""
                            INSERT INTO index_node (definition_id, code, parent_id, ordinal, depth, name_vi, name_en, max_points)
                            VALUES (:d, :code, :parent, :ordinal, :depth, :vi, :en, :max) RETURNING id""")
                    .param("d", definitionId).param("code", n.code()).param("parent", n.parentCode() == null ? null : ids.get(n.parentCode()))
                    .param("ordinal", ordinal).param("depth", depth(n, byCode)).param("vi", n.nameVi()).param("en", n.nameEn())
                    .param("max", n.maxPoints()).query(Long.class).single();
            ids.put(n.code(), id);
        }
    }

    private static int depth(DefinitionDraft.NodeDraft n, Map<String, DefinitionDraft.NodeDraft> byCode) {
        int depth = 0;
        for (String up = n.parentCode(); up != null; up = byCode.get(up).parentCode()) {
            depth++;
        }
        return depth;
    }

    private List<IndexDefinition> withNodes(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<NodeRow>> nodes = new HashMap<>();
        jdbc.sql(NODES).param("ids", heads.stream().map(Head::id).toList())
                .query((rs, n) -> new NodeRow(rs.getLong("definition_id"), new IndexDefinition.Node(rs.getLong("id"), rs.getString("code"),
                        rs.getString("parent_code"), rs.getInt("ordinal"), rs.getInt("depth"), rs.getString("name_vi"),
                        rs.getString("name_en"), strip(rs.getBigDecimal("max_points")))))
                .list().forEach(r -> nodes.computeIfAbsent(r.definitionId(), k -> new ArrayList<>()).add(r));
        List<IndexDefinition> out = new ArrayList<>();
        for (Head h : heads) {
            out.add(new IndexDefinition(h.id(), h.code(), h.version(), h.nameVi(), h.nameEn(), h.aggregation(), h.fedBy(),
                    h.sourceNote(), h.shipped(), depthFirst(nodes.getOrDefault(h.id(), List.of()))));
        }
        return out;
    }

    private record NodeRow(long definitionId, IndexDefinition.Node node) {
    }

    /** Parent before children, siblings by ordinal: the order a tree is read in. */
    private static List<IndexDefinition.Node> depthFirst(List<NodeRow> rows) {
        Map<String, List<IndexDefinition.Node>> children = new HashMap<>();
        IndexDefinition.Node root = null;
        for (NodeRow r : rows) {
            if (r.node().parentCode() == null) {
                root = r.node();
            } else {
                children.computeIfAbsent(r.node().parentCode(), k -> new ArrayList<>()).add(r.node());
            }
        }
        List<IndexDefinition.Node> out = new ArrayList<>();
        if (root != null) {
            walk(root, children, out);
        }
        return out;
    }

    private static void walk(IndexDefinition.Node node, Map<String, List<IndexDefinition.Node>> children, List<IndexDefinition.Node> out) {
        out.add(node);
        List<IndexDefinition.Node> list = children.getOrDefault(node.code(), new ArrayList<>());
        list.sort(java.util.Comparator.comparingInt(IndexDefinition.Node::ordinal));
        list.forEach(c -> walk(c, children, out));
    }

    private static BigDecimal strip(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }
}
