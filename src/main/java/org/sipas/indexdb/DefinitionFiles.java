package org.sipas.indexdb;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sipas.web.Formats;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.sipas.web.TabularReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an index tree from the files a user has: the YAML the shipped indices are written in
 * ({@code classpath:indexdb/*.yaml}, a nested tree) or a table, CSV or XLSX, one node a row
 * ({@code code, parent, name_vi, name_en, max_points}, optionally {@code ordinal}), read by the one
 * table reader of every import. Either way the whole tree is checked before anything is stored, and
 * every error found is reported with its file, line and field.
 */
final class DefinitionFiles {

    /** The columns of a tree as a table. */
    static final List<String> TABLE_COLUMNS = List.of("code", "parent", "name_vi", "name_en", "max_points");

    private static final Set<String> TOP_KEYS = Set.of("code", "name", "aggregation", "fed_by", "source", "nodes");
    private static final Set<String> NODE_KEYS = Set.of("code", "name", "max", "children");
    private static final String CODE = "^[a-z0-9][a-z0-9_-]*$";
    private static final int MAX_NODES = 5_000;

    private DefinitionFiles() {
    }

    /** A tree in the YAML format of the shipped files. */
    static DefinitionDraft yaml(String file, InputStream in) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            throw rejected(file, e.getProblemMark().getLine() + 1, null, "indexdb.file.yaml", e.getProblem());
        } catch (RuntimeException e) {
            throw rejected(file, 0, null, "indexdb.file.yaml", String.valueOf(e.getMessage()));
        }
        List<RowError> errors = new ArrayList<>();
        if (!(root instanceof MappingNode top)) {
            throw rejected(file, 1, null, "indexdb.file.notMapping");
        }
        Map<String, Node> fields = fields(file, top, TOP_KEYS, errors);
        String code = scalar(file, top, fields, "code", true, errors);
        String[] name = label(file, top, fields.get("name"), "name", errors);
        String aggregation = scalar(file, top, fields, "aggregation", true, errors);
        List<DefinitionDraft.NodeDraft> nodes = new ArrayList<>();
        Node list = fields.get("nodes");
        if (list == null) {
            errors.add(RowError.of(file, line(top), "nodes", "indexdb.field.missing", "nodes"));
        } else {
            nodes(file, list, null, nodes, errors);
        }
        Aggregation agg = aggregation(file, line(fields.getOrDefault("aggregation", top)), aggregation, errors);
        DefinitionDraft draft = new DefinitionDraft(file, code, name[0], name[1], agg,
                scalar(file, top, fields, "fed_by", false, errors), scalar(file, top, fields, "source", false, errors), nodes);
        return checked(draft, line(top), errors);
    }

    /** A tree as a table, one node a row; what a table cannot say (code, name, aggregation) comes from the form. */
    static DefinitionDraft table(String file, InputStream in, String code, String nameVi, String nameEn, String aggregation,
                                 String sourceNote) {
        List<RowError> errors = new ArrayList<>();
        List<DefinitionDraft.NodeDraft> nodes = new ArrayList<>();
        TabularReader.read(file, in, TABLE_COLUMNS, row -> {
            String nodeCode = row.get("code");
            if (nodeCode == null) {
                errors.add(row.error("code", "indexdb.field.missing", "code"));
            }
            String vi = row.get("name_vi");
            if (vi == null) {
                errors.add(row.error("name_vi", "indexdb.field.missing", "name_vi"));
            }
            BigDecimal max = null;
            if (row.get("max_points") != null) {
                max = points(row.get("max_points"));
                if (max == null) {
                    errors.add(row.error("max_points", "indexdb.points.invalid", row.get("max_points")));
                }
            }
            Integer ordinal = null;
            if (row.has("ordinal") && row.get("ordinal") != null) {
                try {
                    ordinal = Integer.parseInt(row.get("ordinal"));
                } catch (NumberFormatException e) {
                    errors.add(row.error("ordinal", "indexdb.ordinal.invalid", row.get("ordinal")));
                }
            }
            if (nodes.size() >= MAX_NODES) {
                throw new ImportRejectedException(file, List.of(row.error(null, "indexdb.tree.tooLarge", MAX_NODES)));
            }
            nodes.add(new DefinitionDraft.NodeDraft(row.line(), nodeCode, row.get("parent"), ordinal, vi, row.get("name_en"), max));
        });
        if (nodes.isEmpty()) {
            errors.add(RowError.of(file, 0, null, "indexdb.tree.empty"));
        }
        Aggregation agg = aggregation(file, 0, aggregation, errors);
        DefinitionDraft draft = new DefinitionDraft(file, blank(code) ? null : code.strip(), blank(nameVi) ? null : nameVi.strip(),
                blank(nameEn) ? null : nameEn.strip(), agg, null, blank(sourceNote) ? null : sourceNote.strip(), nodes);
        return checked(draft, 0, errors);
    }

    /**
     * The checks of a whole tree: a code and a name, one root, every parent known and no node its own
     * ancestor, codes unique, maxima positive and, where a parent and all its children have one, the
     * parent's the sum of its children's (a points tree adds up: 100 in all).
     */
    private static DefinitionDraft checked(DefinitionDraft draft, long headLine, List<RowError> errors) {
        String file = draft.file();
        if (draft.code() == null) {
            errors.add(RowError.of(file, headLine, "code", "indexdb.field.missing", "code"));
        } else if (!draft.code().matches(CODE)) {
            errors.add(RowError.of(file, headLine, "code", "indexdb.code.invalid", draft.code()));
        }
        if (draft.nameVi() == null) {
            errors.add(RowError.of(file, headLine, "name", "indexdb.field.missing", "name"));
        }
        Map<String, DefinitionDraft.NodeDraft> byCode = new LinkedHashMap<>();
        List<DefinitionDraft.NodeDraft> roots = new ArrayList<>();
        for (DefinitionDraft.NodeDraft n : draft.nodes()) {
            if (n.code() == null) {
                continue;
            }
            if (byCode.putIfAbsent(n.code(), n) != null) {
                errors.add(RowError.of(file, n.line(), "code", "indexdb.code.duplicate", n.code(), byCode.get(n.code()).line()));
            }
            if (n.parentCode() == null) {
                roots.add(n);
            }
            if (n.maxPoints() != null && n.maxPoints().signum() <= 0) {
                errors.add(RowError.of(file, n.line(), "max_points", "indexdb.points.invalid", n.maxPoints().toPlainString()));
            }
        }
        if (!draft.nodes().isEmpty() && roots.size() != 1) {
            errors.add(RowError.of(file, roots.size() > 1 ? roots.get(1).line() : headLine, "parent", "indexdb.tree.oneRoot",
                    roots.size()));
        }
        Map<String, List<DefinitionDraft.NodeDraft>> children = new HashMap<>();
        for (DefinitionDraft.NodeDraft n : draft.nodes()) {
            if (n.parentCode() == null || n.code() == null) {
                continue;
            }
            if (!byCode.containsKey(n.parentCode())) {
                errors.add(RowError.of(file, n.line(), "parent", "indexdb.parent.unknown", n.parentCode()));
                continue;
            }
            children.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n);
            Set<String> seen = new HashSet<>();
            String up = n.code();
            while (up != null && byCode.containsKey(up)) {
                if (!seen.add(up)) {
                    errors.add(RowError.of(file, n.line(), "parent", "indexdb.parent.cycle", n.code()));
                    break;
                }
                up = byCode.get(up).parentCode();
            }
        }
        children.forEach((parent, list) -> {
            DefinitionDraft.NodeDraft p = byCode.get(parent);
            if (draft.aggregation() == Aggregation.SUM && p.maxPoints() != null && list.stream().allMatch(c -> c.maxPoints() != null)) {
                BigDecimal sum = list.stream().map(DefinitionDraft.NodeDraft::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(p.maxPoints()) != 0) {
                    errors.add(RowError.of(file, p.line(), "max_points", "indexdb.points.notSum", p.code(),
                            p.maxPoints().stripTrailingZeros().toPlainString(), sum.stripTrailingZeros().toPlainString()));
                }
            }
            Set<Integer> ordinals = new TreeSet<>();
            for (DefinitionDraft.NodeDraft c : list) {
                if (c.ordinal() != null && (c.ordinal() <= 0 || !ordinals.add(c.ordinal()))) {
                    errors.add(RowError.of(file, c.line(), "ordinal", "indexdb.ordinal.invalid", c.ordinal()));
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(file, errors);
        }
        return draft;
    }

    private static void nodes(String file, Node node, String parent, List<DefinitionDraft.NodeDraft> out, List<RowError> errors) {
        nodes(file, node, parent, out, errors, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /**
     * @param path the lists being read, from the root down: a YAML alias can make a list its own
     *             descendant (a tree that contains itself), which would be read for ever
     */
    private static void nodes(String file, Node node, String parent, List<DefinitionDraft.NodeDraft> out, List<RowError> errors,
                              Set<Node> path) {
        if (!(node instanceof SequenceNode list)) {
            errors.add(RowError.of(file, line(node), parent == null ? "nodes" : "children", "indexdb.file.notList"));
            return;
        }
        if (!path.add(list)) {
            throw new ImportRejectedException(file, List.of(RowError.of(file, line(node), "children", "indexdb.file.recursive", parent)));
        }
        int ordinal = 0;
        for (Node element : list.getValue()) {
            if (!(element instanceof MappingNode item)) {
                errors.add(RowError.of(file, line(element), "nodes", "indexdb.file.notMapping"));
                continue;
            }
            if (out.size() >= MAX_NODES) {
                throw new ImportRejectedException(file, List.of(RowError.of(file, line(element), null, "indexdb.tree.tooLarge", MAX_NODES)));
            }
            Map<String, Node> f = fields(file, item, NODE_KEYS, errors);
            String code = scalar(file, item, f, "code", true, errors);
            String[] name = label(file, item, f.get("name"), "name", errors);
            BigDecimal max = null;
            if (f.containsKey("max")) {
                String text = f.get("max") instanceof ScalarNode s ? s.getValue() : null;
                max = text == null ? null : points(text);
                if (max == null) {
                    errors.add(RowError.of(file, line(f.get("max")), "max", "indexdb.points.invalid", String.valueOf(text)));
                }
            }
            out.add(new DefinitionDraft.NodeDraft(line(item), code, parent, ++ordinal, name[0], name[1], max));
            if (f.containsKey("children") && code != null) {
                nodes(file, f.get("children"), code, out, errors, path);
            }
        }
        path.remove(list);
    }

    /** A number of points as typed, comma or point, through the one reading of a typed decimal. */
    static BigDecimal points(String text) {
        java.util.OptionalDouble d = Formats.decimal(text);
        return d.isPresent() ? BigDecimal.valueOf(d.getAsDouble()) : null;
    }

    private static Aggregation aggregation(String file, long line, String text, List<RowError> errors) {
        if (text == null) {
            if (line > 0) {
                errors.add(RowError.of(file, line, "aggregation", "indexdb.field.missing", "aggregation"));
            } else {
                errors.add(RowError.of(file, 0, "aggregation", "indexdb.aggregation.invalid", ""));
            }
            return null;
        }
        try {
            return Aggregation.of(text);
        } catch (IllegalArgumentException e) {
            errors.add(RowError.of(file, line, "aggregation", "indexdb.aggregation.invalid", text));
            return null;
        }
    }

    private static Map<String, Node> fields(String file, MappingNode node, Set<String> allowed, List<RowError> errors) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                errors.add(RowError.of(file, line(tuple.getKeyNode()), key, "indexdb.field.unknown", key,
                        String.join(", ", new TreeSet<>(allowed))));
            } else {
                out.put(key, tuple.getValueNode());
            }
        }
        return out;
    }

    private static String scalar(String file, Node parent, Map<String, Node> fields, String key, boolean required,
                                 List<RowError> errors) {
        Node node = fields.get(key);
        if (node == null) {
            if (required) {
                errors.add(RowError.of(file, line(parent), key, "indexdb.field.missing", key));
            }
            return null;
        }
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            errors.add(RowError.of(file, line(node), key, "indexdb.field.notText", key));
            return null;
        }
        return s.getValue().strip();
    }

    /** A label: plain text (Vietnamese) or {vi, en}; Vietnamese required. */
    private static String[] label(String file, Node parent, Node node, String key, List<RowError> errors) {
        if (node == null) {
            errors.add(RowError.of(file, line(parent), key, "indexdb.field.missing", key));
            return new String[2];
        }
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
            return new String[] {s.getValue().strip(), null};
        }
        if (node instanceof MappingNode m) {
            Map<String, Node> f = fields(file, m, Set.of("vi", "en"), errors);
            String vi = scalar(file, m, f, "vi", true, errors);
            String en = scalar(file, m, f, "en", false, errors);
            return new String[] {vi, en};
        }
        errors.add(RowError.of(file, line(node), key, "indexdb.field.notText", key));
        return new String[2];
    }

    private static long line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1L;
    }

    private static ImportRejectedException rejected(String file, long line, String field, String code, Object... args) {
        return new ImportRejectedException(file, List.of(RowError.of(file, line, field, code, args)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
