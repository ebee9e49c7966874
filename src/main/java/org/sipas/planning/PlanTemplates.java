package org.sipas.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
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
 * The plan templates shipped as data files ({@code classpath:planning/*.yaml}), read and checked
 * once at start: a file that is wrong stops the start with its name, line and field.
 *
 * <p>A task: {@code content}, then one of {@code months: [from, to]} (with {@code year:} an offset
 * from the plan's year, e.g. -1 for December of the year before), {@code quarters: [from, to]} or
 * {@code years: [from, to]} (offsets; {@code [0]} the plan's year); {@code lead}, {@code partners}
 * and {@code deliverable} as the plan writes them; {@code steps}: sub-steps of the same shape.
 */
@Component
class PlanTemplates {

    private static final Set<String> TOP_KEYS = Set.of("code", "name", "name_en", "title", "period", "tasks");
    private static final Set<String> ITEM_KEYS = Set.of("content", "months", "quarters", "years", "year", "lead", "partners",
            "deliverable", "steps");

    private final Map<String, PlanTemplate> templates = new LinkedHashMap<>();

    PlanTemplates() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:planning/*.yaml");
            java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    PlanTemplate template = read(file.getFilename(), in);
                    templates.put(template.code(), template);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the plan templates could not be read", e);
        }
    }

    List<PlanTemplate> all() {
        return List.copyOf(templates.values());
    }

    Optional<PlanTemplate> find(String code) {
        return Optional.ofNullable(templates.get(code));
    }

    /** Thrown for a template file that is wrong, naming its file, line and field. */
    static final class TemplateException extends IllegalArgumentException {
        TemplateException(String file, int line, String field, String problem) {
            super("%s, line %d, field %s: %s".formatted(file, line, field, problem));
        }
    }

    static PlanTemplate read(String file, InputStream in) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            throw new TemplateException(file, e.getProblemMark().getLine() + 1, "-", e.getProblem());
        }
        if (!(root instanceof MappingNode top)) {
            throw new TemplateException(file, 1, "-", "a template is a mapping of code, name, title and tasks");
        }
        Map<String, Node> fields = fields(file, top, TOP_KEYS);
        List<PlanTemplate.Item> tasks = items(file, required(file, top, fields, "tasks"), false);
        if (tasks.isEmpty()) {
            throw new TemplateException(file, line(top), "tasks", "a template needs at least one task");
        }
        for (PlanTemplate.Item task : tasks) {
            if (task.when() == null) {
                throw new TemplateException(file, line(top), "tasks", "task \"" + task.content() + "\" has no months, quarters or years");
            }
        }
        return new PlanTemplate(text(file, required(file, top, fields, "code"), "code"), text(file, required(file, top, fields, "name"), "name"),
                optional(file, fields, "name_en"), text(file, required(file, top, fields, "title"), "title"), optional(file, fields, "period"), tasks);
    }

    private static List<PlanTemplate.Item> items(String file, Node node, boolean steps) {
        String field = steps ? "steps" : "tasks";
        if (!(node instanceof SequenceNode list)) {
            throw new TemplateException(file, line(node), field, "a list of tasks is expected");
        }
        List<PlanTemplate.Item> out = new ArrayList<>();
        for (Node element : list.getValue()) {
            if (!(element instanceof MappingNode item)) {
                throw new TemplateException(file, line(element), field, "a task is a mapping with content and its time");
            }
            Map<String, Node> f = fields(file, item, ITEM_KEYS);
            String content = text(file, required(file, item, f, "content"), "content");
            PlanTemplate.When when = when(file, item, f);
            List<PlanTemplate.Item> children = List.of();
            if (f.containsKey("steps")) {
                if (steps) {
                    throw new TemplateException(file, line(f.get("steps")), "steps", "a sub-step has no sub-steps of its own");
                }
                children = items(file, f.get("steps"), true);
            }
            out.add(new PlanTemplate.Item(content, when, optional(file, f, "lead"), optional(file, f, "partners"),
                    optional(file, f, "deliverable"), children));
        }
        return out;
    }

    private static PlanTemplate.When when(String file, MappingNode item, Map<String, Node> f) {
        List<String> given = java.util.stream.Stream.of("months", "quarters", "years").filter(f::containsKey).toList();
        if (given.size() > 1) {
            throw new TemplateException(file, line(item), String.join(", ", given), "one of months, quarters or years, not several");
        }
        int yearOffset = f.containsKey("year") ? number(file, f.get("year"), "year", -10, 10) : 0;
        if (given.isEmpty()) {
            if (f.containsKey("year")) {
                throw new TemplateException(file, line(f.get("year")), "year", "year shifts months or quarters: give them too");
            }
            return null;
        }
        String field = given.get(0);
        int[] range = range(file, f.get(field), field, switch (field) {
            case "months" -> new int[] {1, 12};
            case "quarters" -> new int[] {1, 4};
            default -> new int[] {-10, 30};
        });
        if (field.equals("years") && f.containsKey("year")) {
            throw new TemplateException(file, line(f.get("year")), "year", "years are offsets already: drop year");
        }
        TaskTime.Granularity g = switch (field) {
            case "months" -> TaskTime.Granularity.MONTH;
            case "quarters" -> TaskTime.Granularity.QUARTER;
            default -> TaskTime.Granularity.YEAR;
        };
        return new PlanTemplate.When(g, range[0], range[1], yearOffset);
    }

    private static int[] range(String file, Node node, String field, int[] bounds) {
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty() || list.getValue().size() > 2) {
            throw new TemplateException(file, line(node), field, "[from] or [from, to] is expected");
        }
        int from = number(file, list.getValue().get(0), field, bounds[0], bounds[1]);
        int to = list.getValue().size() == 2 ? number(file, list.getValue().get(1), field, bounds[0], bounds[1]) : from;
        if (to < from) {
            throw new TemplateException(file, line(node), field, to + " comes before " + from);
        }
        return new int[] {from, to};
    }

    private static int number(String file, Node node, String field, int min, int max) {
        String value = node instanceof ScalarNode s ? s.getValue() : null;
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n < min || n > max) {
                throw new TemplateException(file, line(node), field, n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TemplateException(file, line(node), field, "\"" + value + "\" is no whole number");
        }
    }

    private static Map<String, Node> fields(String file, MappingNode node, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                throw new TemplateException(file, line(tuple.getKeyNode()), key, "unknown field; known: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            out.put(key, tuple.getValueNode());
        }
        return out;
    }

    private static Node required(String file, Node parent, Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        if (node == null) {
            throw new TemplateException(file, line(parent), key, "missing");
        }
        return node;
    }

    private static String optional(String file, Map<String, Node> fields, String key) {
        return fields.containsKey(key) ? text(file, fields.get(key), key) : null;
    }

    private static String text(String file, Node node, String field) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new TemplateException(file, line(node), field, "a text is expected");
        }
        return s.getValue().strip();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
