package org.sipas.methodology;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.sipas.web.SpreadsheetLimits;

/**
 * Reads an XLSForm workbook (see {@link XlsForm}): a form written for ODK by hand or exported by
 * sipas. Each row read is placed under the field path the YAML format would give it, so the
 * same {@link MethodologyRules} locate their problems at the sheet and row. A plain ODK form
 * without the {@code index} sheet reads as a questionnaire without an index tree.
 */
final class XlsFormReader {

    /** One data row of a sheet: its number as a spreadsheet shows it and its cells by column. */
    private record Line(long number, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }
    }

    private static final Label MISSING = Label.of("?", null);

    private final String file;
    private final Problems problems;
    private final Map<String, Label> questionLabels = new HashMap<>();

    private XlsFormReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    static Methodology read(byte[] content, Problems problems) {
        return new XlsFormReader(problems.file(), problems).read(content);
    }

    private Methodology read(byte[] content) {
        Workbook workbook;
        SpreadsheetLimits.install();
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI says a file is damaged with IOException or one of its runtime exceptions, and a
            // zip bomb the same way: only its message tells them apart
            problems.addAt(0, "", SpreadsheetLimits.isOverLimit(e) ? "overInflated" : "damaged");
            return null;
        }
        try (workbook) {
            return read(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Methodology read(Workbook workbook) {
        List<Line> survey = lines(workbook, XlsForm.SURVEY, true);
        List<Line> choices = lines(workbook, XlsForm.CHOICES, false);
        List<Line> settings = lines(workbook, XlsForm.SETTINGS, false);
        List<Line> index = lines(workbook, XlsForm.INDEX, false);
        if (survey == null) {
            return null;
        }
        Map<String, List<Line>> lists = new LinkedHashMap<>();
        for (Line line : choices == null ? List.<Line>of() : choices) {
            if (line.get("list_name") != null) {
                lists.computeIfAbsent(line.get("list_name"), k -> new ArrayList<>()).add(line);
            }
        }
        Set<String> scaleNames = new LinkedHashSet<>();
        lists.forEach((name, rows) -> {
            if (rows.stream().anyMatch(r -> yes(r.get("satisfied")) || yes(r.get("excluded")))) {
                scaleNames.add(name);
            }
        });
        List<AnswerScale> scales = new ArrayList<>();
        List<ChoiceList> choiceLists = new ArrayList<>();
        lists.forEach((name, rows) -> {
            if (scaleNames.contains(name)) {
                scales.add(scale(name, rows));
            } else {
                choiceLists.add(choiceList(name, rows));
            }
        });
        Line setting = settings == null || settings.isEmpty() ? null : settings.get(0);
        String code = setting == null || setting.get("form_id") == null ? codeFromFileName() : setting.get("form_id");
        if (setting != null) {
            place("", XlsForm.SETTINGS, setting.number());
            place("code", XlsForm.SETTINGS, setting.number());
            place("version", XlsForm.SETTINGS, setting.number());
            place("title", XlsForm.SETTINGS, setting.number());
        }
        int version = version(setting == null ? null : setting.get("version"));
        String titleVi = setting == null ? null : setting.get("form_title#vi");
        Label title = Label.of(titleVi == null ? code : titleVi, setting == null ? null : setting.get("form_title#en"));
        List<Section> sections = sections(survey, scaleNames, title);
        IndexNode root = index == null || index.isEmpty() ? null : index(index);
        return new Methodology(code, version, title, scales, choiceLists, sections, root);
    }

    // ---- survey

    private List<Section> sections(List<Line> survey, Set<String> scaleNames, Label formTitle) {
        List<Section> sections = new ArrayList<>();
        String groupName = null;
        Label groupTitle = null;
        List<Question> questions = new ArrayList<>();
        boolean inGroup = false;
        for (Line line : survey) {
            String type = line.get("type");
            if (type == null) {
                continue;
            }
            String word = type.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            String sectionPath = "sections[" + sections.size() + "]";
            if (word.equals(XlsForm.BEGIN_GROUP)) {
                if (inGroup) {
                    place(sectionPath, XlsForm.SURVEY, line.number());
                    problems.add(sectionPath, "nestedGroup");
                    continue;
                }
                if (!questions.isEmpty()) {
                    sections.add(new Section("section_" + (sections.size() + 1), formTitle, questions));
                    sectionPath = "sections[" + sections.size() + "]";
                }
                place(sectionPath, XlsForm.SURVEY, line.number());
                inGroup = true;
                groupName = line.get("name");
                groupTitle = label(line, "label", sectionPath + ".title", false);
                questions = new ArrayList<>();
                if (groupName == null) {
                    problems.add(sectionPath + ".name", "missing", "name");
                }
            } else if (word.equals(XlsForm.END_GROUP)) {
                if (!inGroup) {
                    place(sectionPath, XlsForm.SURVEY, line.number());
                    problems.add(sectionPath, "unopenedGroup");
                    continue;
                }
                sections.add(new Section(groupName, groupTitle == null ? formTitle : groupTitle, questions));
                questions = new ArrayList<>();
                inGroup = false;
            } else {
                String path = sectionPath + ".questions[" + questions.size() + "]";
                place(path, XlsForm.SURVEY, line.number());
                questions.add(question(line, type, path, scaleNames));
            }
        }
        if (inGroup) {
            problems.add("sections[" + sections.size() + "]", "unclosedGroup", groupName);
            sections.add(new Section(groupName, groupTitle == null ? formTitle : groupTitle, questions));
        } else if (!questions.isEmpty()) {
            sections.add(new Section("section_" + (sections.size() + 1), formTitle, questions));
        }
        return sections;
    }

    private Question question(Line line, String typeText, String path, Set<String> scaleNames) {
        QuestionKind kind = kind(typeText, scaleNames);
        if (kind == null) {
            problems.add(path + ".type", "unknownType", typeText);
        }
        String name = line.get("name");
        if (name == null) {
            problems.add(path + ".name", "missing", "name");
        }
        Label label = label(line, "label", path + ".label", true);
        if (name != null) {
            questionLabels.putIfAbsent(name, label);
        }
        String required = line.get("required");
        boolean isRequired = required != null && switch (required.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "true()", "1" -> true;
            case "no", "false", "false()", "0" -> false;
            default -> {
                problems.add(path + ".required", "notBoolean", required);
                yield false;
            }
        };
        return new Question(name, kind == null ? null : kind.type(), label, label(line, "hint", path + ".hint", false),
                kind == null ? null : kind.scale(), kind == null ? null : kind.choices(), isRequired,
                line.get("relevant"), line.get("constraint"),
                label(line, "constraint_message", path + ".constraint_message", false));
    }

    /** A type as ODK writes it; {@code select_one} of a list with satisfied/excluded rows is a scale question. */
    private static QuestionKind kind(String text, Set<String> scaleNames) {
        String[] words = text.strip().split("\\s+");
        String word = words[0].toLowerCase(Locale.ROOT);
        if (word.equals("select_one_from_file") && words.length == 2 && words[1].equals("officials.csv")) {
            return new QuestionKind(QuestionType.OFFICIAL, null, null);
        }
        if (word.equals("select_one") && words.length == 2 && scaleNames.contains(words[1])) {
            return new QuestionKind(QuestionType.SCALE, words[1], null);
        }
        if (word.equals("scale") || word.equals("official")) {
            return null; // sipas's own words are not XLSForm types
        }
        return QuestionKind.parse(text);
    }

    // ---- choices

    private AnswerScale scale(String name, List<Line> rows) {
        String path = "scales." + name;
        place(path, XlsForm.CHOICES, rows.get(0).number());
        place(path + ".satisfied", XlsForm.CHOICES, rows.get(0).number());
        List<AnswerScale.Level> levels = new ArrayList<>();
        List<AnswerScale.Level> excluded = new ArrayList<>();
        Set<Integer> satisfied = new LinkedHashSet<>();
        for (Line row : rows) {
            boolean isExcluded = yes(row.get("excluded"));
            String levelPath = path + (isExcluded ? ".excluded[" + excluded.size() + "]" : ".levels[" + levels.size() + "]");
            place(levelPath, XlsForm.CHOICES, row.number());
            Label label = label(row, "label", levelPath, true);
            String code = row.get("name");
            Integer value = null;
            try {
                value = code == null ? null : Integer.valueOf(code);
            } catch (NumberFormatException e) {
                problems.add(levelPath + ".code", "notInteger", code);
            }
            if (code == null) {
                problems.add(levelPath + ".code", "missing", "name");
            }
            if (value == null) {
                continue;
            }
            (isExcluded ? excluded : levels).add(new AnswerScale.Level(value, label));
            if (yes(row.get("satisfied"))) {
                satisfied.add(value);
            }
        }
        return new AnswerScale(name, levels, satisfied, excluded);
    }

    private ChoiceList choiceList(String name, List<Line> rows) {
        List<ChoiceList.Choice> choices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String path = "choices." + name + "[" + i + "]";
            place(path, XlsForm.CHOICES, rows.get(i).number());
            if (i == 0) {
                place("choices." + name, XlsForm.CHOICES, rows.get(i).number());
            }
            String code = rows.get(i).get("name");
            Label label = label(rows.get(i), "label", path, true);
            if (code == null) {
                problems.add(path + ".code", "missing", "name");
            } else {
                choices.add(new ChoiceList.Choice(code, label));
            }
        }
        return new ChoiceList(name, choices);
    }

    // ---- index

    private IndexNode index(List<Line> rows) {
        Map<String, List<Line>> children = new LinkedHashMap<>();
        List<Line> roots = new ArrayList<>();
        Map<String, Line> byCode = new HashMap<>();
        for (Line row : rows) {
            if (row.get("code") == null) {
                place("index", XlsForm.INDEX, row.number());
                problems.add("index", "missing", "code");
                continue;
            }
            byCode.putIfAbsent(row.get("code"), row);
            if (row.get("parent") == null) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.get("parent"), k -> new ArrayList<>()).add(row);
            }
        }
        children.forEach((parent, lines) -> {
            if (!byCode.containsKey(parent)) {
                for (Line line : lines) {
                    // a row that hangs from nothing has no path in the tree; it is named by its code
                    String path = "index[" + line.get("code") + "].parent";
                    place(path, XlsForm.INDEX, line.number());
                    problems.add(path, "unknownParent", parent);
                }
            }
        });
        if (roots.size() != 1) {
            place("index", XlsForm.INDEX, roots.isEmpty() ? rows.get(0).number() : roots.get(1).number());
            problems.add("index", "rootCount", roots.size());
            if (roots.isEmpty()) {
                return null;
            }
        }
        return node(roots.get(0), "index", children, new HashSet<>());
    }

    private IndexNode node(Line row, String path, Map<String, List<Line>> children, Set<String> visited) {
        place(path, XlsForm.INDEX, row.number());
        String code = row.get("code");
        visited.add(code);
        String question = row.get("question");
        String ruleText = row.get("rule");
        IndexNode.Rule rule = question != null ? IndexNode.Rule.SHARE_SATISFIED : IndexNode.Rule.MEAN;
        if (ruleText != null) {
            rule = YamlMethodologyReader.rule(ruleText);
            if (rule == null) {
                problems.add(path + ".rule", "unknownRule", ruleText);
            }
        }
        Label label = row.get("label#vi") == null && row.get("label#en") == null && question != null
                ? questionLabels.getOrDefault(question, MISSING) : label(row, "label", path + ".label", true);
        List<IndexNode> nodes = new ArrayList<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Line child : children.getOrDefault(code, List.of())) {
            if (visited.contains(child.get("code"))) {
                continue; // a cycle: its rows are reported as unknown parents below the root
            }
            String childPath = path + ".children[" + nodes.size() + "]";
            nodes.add(node(child, childPath, children, visited));
            String weight = child.get("weight");
            if (weight != null) {
                String weightPath = path + ".weights." + child.get("code");
                place(weightPath, XlsForm.INDEX, child.number());
                try {
                    weights.put(child.get("code"), Double.valueOf(weight));
                } catch (NumberFormatException e) {
                    problems.add(weightPath, "notNumber", weight);
                }
            }
        }
        return new IndexNode(code, label, rule, question, nodes, weights);
    }

    // ---- cells

    /** The data rows of a sheet with cells keyed {@code field} or {@code field#vi}/{@code field#en}; null when the sheet is absent. */
    private List<Line> lines(Workbook workbook, String name, boolean required) {
        Sheet sheet = null;
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.getSheetName(i).strip().equalsIgnoreCase(name)) {
                sheet = workbook.getSheetAt(i);
            }
        }
        if (sheet == null || sheet.getRow(sheet.getFirstRowNum()) == null) {
            if (required) {
                problems.addAt(0, name, "missingSheet", name);
            }
            return null;
        }
        Row header = sheet.getRow(sheet.getFirstRowNum());
        Map<Integer, String> columns = new HashMap<>();
        for (Cell cell : header) {
            String text = text(cell);
            if (text != null) {
                String field = XlsForm.field(text);
                boolean translated = Set.of("label", "hint", "constraint_message", "form_title").contains(field);
                String language = XlsForm.language(text);
                if (!translated) {
                    columns.put(cell.getColumnIndex(), field);
                } else if (language != null) {
                    columns.put(cell.getColumnIndex(), field + "#" + language);
                }
            }
        }
        if (required && !columns.containsValue("type")) {
            problems.addAt(header.getRowNum() + 1, name, "missingColumn", "type");
        }
        List<Line> lines = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() == header.getRowNum()) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (Cell cell : row) {
                String column = columns.get(cell.getColumnIndex());
                String text = text(cell);
                if (column != null && text != null) {
                    cells.put(column, text);
                }
            }
            if (!cells.isEmpty()) {
                lines.add(new Line(row.getRowNum() + 1L, cells));
            }
        }
        return lines;
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Label label(Line line, String field, String path, boolean required) {
        String vi = line.get(field + "#vi");
        String en = line.get(field + "#en");
        if (vi == null) {
            if (required || en != null) {
                problems.add(path + ".vi", "labelViMissing");
                return MISSING;
            }
            return null;
        }
        return Label.of(vi, en);
    }

    private int version(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add("version", "notInteger", text);
            return 1;
        }
    }

    private String codeFromFileName() {
        String base = file.replaceFirst("(?i)\\.xlsx$", "").toLowerCase(Locale.ROOT);
        String code = base.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return code.isEmpty() ? "xlsform" : code;
    }

    private void place(String path, String sheet, long line) {
        problems.place(path, file + " › " + sheet, line);
    }

    private static boolean yes(String text) {
        return text != null && Set.of("yes", "true", "1", "x").contains(text.strip().toLowerCase(Locale.ROOT));
    }
}
