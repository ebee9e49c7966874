package org.sipas.methodology;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.sipas.web.SpreadsheetLimits;

/**
 * Reads an XLSForm workbook (see {@link XlsForm}) as people write them for ODK, KoboToolbox or
 * SurveyCTO, or as sipas exports them. Sheet and column names are read case-insensitively with
 * the aliases pyxform accepts ({@code list name}, {@code value}, {@code caption},
 * {@code begin group} …); labels, hints and messages in any number of languages.
 *
 * <p>Every problem is located as the form's author sees it: the sheet, the spreadsheet's own row
 * number and the column header as written; one error per cause. What the form holds and sipas
 * does not act on is either kept (the columns of a question or choice, written back by the
 * export) or named in a warning; nothing is dropped in silence.
 */
final class XlsFormReader {

    /** One column of a sheet: its header as written, the field it means, and its language for a translated field. */
    private record Column(String header, String field, String language) {
    }

    /** One data row of a sheet: its number as a spreadsheet shows it and its cells by column. */
    private record Line(long number, Map<Column, String> cells) {
        String get(String field) {
            for (Map.Entry<Column, String> cell : cells.entrySet()) {
                if (cell.getKey().field().equals(field) && cell.getKey().language() == null) {
                    return cell.getValue();
                }
            }
            return null;
        }

        Column column(String field) {
            for (Column column : cells.keySet()) {
                if (column.field().equals(field)) {
                    return column;
                }
            }
            return null;
        }
    }

    /** A sheet read: its name as written, its columns in order, and its rows with any text. */
    private record Table(String name, long headerRow, List<Column> columns, List<Line> lines) {
        String header(String field) {
            return columns.stream().filter(c -> c.field().equals(field)).map(Column::header).findFirst().orElse(field);
        }
    }

    /** An open group while the survey sheet is read: a section, and the condition of the questions inside. */
    private static final class Group {
        final String name;
        final Label title;
        final String relevant;
        final long row;
        int sectionsMade;
        boolean anyContent;

        Group(String name, Label title, String relevant, long row) {
            this.name = name;
            this.title = title;
            this.relevant = relevant;
            this.row = row;
        }
    }

    private static final Label MISSING = Label.of("?", null);

    /** Fields that come in one column per language. */
    private static final Set<String> TRANSLATED = Set.of("label", "hint", "guidance_hint", "constraint_message",
            "required_message", "image", "audio", "video", "big-image", "form_title");
    /** Header spellings pyxform accepts for the same field (after lower case, spaces to "_", prefixes dropped). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("caption", "label"), Map.entry("value", "name"), Map.entry("relevance", "relevant"), Map.entry("list_name", "list_name"),
            Map.entry("jr:constraintmsg", "constraint_message"), Map.entry("jr:requiredmsg", "required_message"),
            Map.entry("readonly", "read_only"), Map.entry("jr:readonly", "read_only"),
            Map.entry("calculate", "calculation"), Map.entry("jr:count", "repeat_count"),
            Map.entry("count", "repeat_count"), Map.entry("command", "type"), Map.entry("jr:choice-filter", "choice_filter"),
            Map.entry("big_image", "big-image"), Map.entry("guidance", "guidance_hint"), Map.entry("id_string", "form_id"),
            Map.entry("set_form_id", "form_id"), Map.entry("set_form_title", "form_title"));
    /**
     * Translated fields a respondent reads: kept byte for byte, leading and trailing spaces
     * included (pyxform strips every cell; sipas stores and exports a label exactly as written).
     */
    private static final Set<String> WORDS = Set.of("label", "hint", "guidance_hint", "constraint_message",
            "required_message", "form_title");
    /** Survey columns sipas keeps as written without acting on them, all part of XLSForm: no warning. */
    private static final Set<String> KEPT_SURVEY = Set.of("appearance", "default", "read_only", "choice_filter",
            "calculation", "trigger", "parameters", "required_message", "guidance_hint", "image", "audio", "video",
            "big-image", "repeat_count", "note", "autoplay", "media");
    private static final Set<String> SURVEY_FIELDS = Set.of("type", "name", "label", "hint", "required", "relevant",
            "constraint", "constraint_message");
    private static final Set<String> CHOICE_FIELDS = Set.of("list_name", "name", "label", "satisfied", "excluded");
    private static final Set<String> SETTINGS_FIELDS = Set.of("form_id", "version", "form_title", "default_language",
            "allow_choice_duplicates");
    private static final Set<String> INDEX_FIELDS = Set.of("code", "label", "rule", "question", "parent", "weight",
            "satisfied", "excluded");
    private static final Set<String> ALERT_FIELDS = new LinkedHashSet<>(List.of("code", "kind", "questions", "question",
            "codes", "level", "words", "channels", "severity", "label", "enabled"));
    /** Rows ODK fills on the device by itself; sipas records a response's own times and channel. */
    private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "subscriberid",
            "simserial", "phonenumber", "username", "email", "audit", "start-geopoint", "instanceid", "imei",
            "uri:deviceid", "uri:email", "uri:phonenumber", "uri:subscriberid", "uri:simserial", "uri:username");
    /** XLSForm types sipas does not collect: a form holding one is refused, naming the row. */
    private static final Set<String> UNSUPPORTED = Set.of("geopoint", "geotrace", "geoshape", "image", "photo",
            "audio", "video", "file", "barcode", "time", "datetime", "trigger", "rank",
            "select_one_external", "select_multiple_from_file", "xml-external", "csv-external", "background-audio",
            "background-geopoint", "hidden", "gps", "q_picture", "location", "get_barcode");

    private final String file;
    private final Problems problems;
    private final Map<String, Label> questionLabels = new HashMap<>();
    /** Names of questions read so far, for the condition of a group. */
    private final Set<String> askedSoFar = new HashSet<>();
    /** Lists of which a question says {@code or_other}: they get the code "other". */
    private final Set<String> listsWithOther = new LinkedHashSet<>();
    /**
     * The language of a plain {@code label} column: settings' default_language; without it
     * Vietnamese when the labels are written in Vietnamese, else undetermined ({@code und}, as
     * BCP 47 names a language not known): an English ODK form is not called Vietnamese.
     */
    private String defaultLanguage = "vi";
    /** The lists of the choices sheet, by name. */
    private Set<String> formLists = Set.of();
    /** The list an {@code acknowledge} question is asked with, named once one is read; null while none is. */
    private String acknowledgeList;
    /** What ODK stores for an acknowledged {@code acknowledge} question. */
    private static final String ACKNOWLEDGED = "OK";
    /** The settings' allow_choice_duplicates: a list may then give one code to two choices, each kept and said. */
    private boolean allowChoiceDuplicates;
    /** Letters only Vietnamese writes among the languages written in Latin script. */
    private static final java.util.regex.Pattern VIETNAMESE = java.util.regex.Pattern.compile(
            "[ăđơưạảặẳẵắằậẩẫấầẹẻẽệểễếềỉịọỏộổỗốồợởỡớờụủựửữứừỵỷỹỳ]", java.util.regex.Pattern.CASE_INSENSITIVE
                    | java.util.regex.Pattern.UNICODE_CASE);

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
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            String name = workbook.getSheetName(i);
            if (!Set.of(XlsForm.SURVEY, XlsForm.CHOICES, XlsForm.SETTINGS, XlsForm.INDEX, XlsForm.ALERTS)
                    .contains(name.strip().toLowerCase(Locale.ROOT))) {
                problems.warn(file + " › " + name, 0, null, "sheetIgnored", name);
            }
        }
        // settings first: its default_language says what a plain "label" column is
        Table settings = table(workbook, XlsForm.SETTINGS, false);
        Line setting = settings == null || settings.lines().isEmpty() ? null : settings.lines().get(0);
        if (setting != null && setting.get("default_language") != null) {
            defaultLanguage = language(setting.get("default_language"));
        } else {
            defaultLanguage = plainLabelLanguage(workbook);
        }
        Table survey = table(workbook, XlsForm.SURVEY, true);
        if (survey == null) {
            return null;
        }
        List<String> written = survey.columns().stream().filter(c -> c.field().equals("label") && c.language() != null)
                .map(Column::language).distinct().toList();
        if (!written.isEmpty() && !written.contains(defaultLanguage)) {
            // no column in the default language: the form's first language is its default
            defaultLanguage = written.get(0);
        }
        Table choices = table(workbook, XlsForm.CHOICES, false);
        Table index = table(workbook, XlsForm.INDEX, false);
        if (settings != null) {
            settings = table(workbook, XlsForm.SETTINGS, false); // again, with the plain columns in that language
            setting = settings.lines().isEmpty() ? null : settings.lines().get(0);
            warnUnknown(settings, SETTINGS_FIELDS, "settingIgnored");
        }
        if (index != null) {
            warnUnknown(index, INDEX_FIELDS, "columnIgnored");
        }
        Map<String, List<Line>> lists = new LinkedHashMap<>();
        if (choices != null) {
            if (choices.columns().stream().noneMatch(c -> c.field().equals("list_name"))) {
                problems.addInSheet(sheet(choices), choices.headerRow(), null, "missingColumn", "list_name");
            }
            for (Line line : choices.lines()) {
                if (line.get("list_name") != null) {
                    lists.computeIfAbsent(line.get("list_name"), k -> new ArrayList<>()).add(line);
                } else {
                    problems.addInSheet(sheet(choices), line.number(), choices.header("list_name"), "missing",
                            choices.header("list_name"));
                }
            }
        }
        Map<String, Set<Integer>> indexSatisfied = new HashMap<>();
        Map<String, Set<Integer>> indexExcluded = new HashMap<>();
        Set<String> scaleNames = new LinkedHashSet<>();
        lists.forEach((name, rows) -> {
            if (rows.stream().anyMatch(r -> yes(r.get("satisfied")) || yes(r.get("excluded")))) {
                scaleNames.add(name);
            }
        });
        if (index != null) {
            scalesFromIndex(index, survey, lists, scaleNames, indexSatisfied, indexExcluded);
        }
        String code = setting == null || setting.get("form_id") == null ? codeFromFileName() : formCode(settings, setting);
        if (setting != null) {
            placeRow("", settings, setting);
            placeField("code", settings, setting, "form_id");
            placeField("version", settings, setting, "version");
            placeField("title", settings, setting, "form_title");
        }
        allowChoiceDuplicates = setting != null && setting.get("allow_choice_duplicates") != null
                && Set.of("yes", "true", "true()").contains(setting.get("allow_choice_duplicates").toLowerCase(Locale.ROOT));
        int version = version(settings, setting);
        Label titleRead = setting == null ? null : label(setting, "form_title");
        Label title = titleRead == null ? new Label(Map.of(defaultLanguage, code)) : titleRead;
        formLists = lists.keySet();
        List<Section> sections = sections(survey, scaleNames, title);
        List<AnswerScale> scales = new ArrayList<>();
        List<ChoiceList> choiceLists = new ArrayList<>();
        Set<String> filterColumns = filterColumns(sections);
        lists.forEach((name, rows) -> {
            if (scaleNames.contains(name)) {
                scales.add(scale(choices, name, rows, indexSatisfied.get(name), indexExcluded.get(name)));
            } else {
                choiceLists.add(choiceList(choices, name, rows));
            }
        });
        if (acknowledgeList != null) {
            // the one option an acknowledge offers, stored as ODK stores it
            choiceLists.add(new ChoiceList(acknowledgeList, List.of(new ChoiceList.Choice(ACKNOWLEDGED,
                    new Label(Map.of(defaultLanguage, ACKNOWLEDGED))))));
        }
        if (choices != null) {
            Set<String> known = new HashSet<>(CHOICE_FIELDS);
            known.addAll(filterColumns);
            known.addAll(Set.of("image", "audio", "video", "big-image"));
            warnUnknown(choices, known, "columnKept");
        }
        IndexNode root = index == null || index.lines().isEmpty() ? null : index(index);
        Table alertSheet = table(workbook, XlsForm.ALERTS, false);
        List<AlertDeclaration> alerts = alertSheet == null ? List.of() : alerts(alertSheet);
        return new Methodology(code, version, title, scales, choiceLists, sections, root, alerts, allowChoiceDuplicates);
    }

    // ---- survey

    private List<Section> sections(Table survey, Set<String> scaleNames, Label formTitle) {
        String sheet = sheet(survey);
        String typeHeader = survey.header("type");
        warnUnknown(survey, union(SURVEY_FIELDS, KEPT_SURVEY), "columnKept");
        List<Section> sections = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        Deque<Group> groups = new ArrayDeque<>();
        int repeatDepth = 0;
        for (Line line : survey.lines()) {
            String type = line.get("type");
            if (type == null) {
                if (repeatDepth == 0 && (line.get("name") != null || label(line, "label") != null)) {
                    problems.addInSheet(sheet, line.number(), typeHeader, "missing", typeHeader);
                }
                continue;
            }
            String[] words = type.strip().split("\\s+");
            String word = words[0].toLowerCase(Locale.ROOT);
            if ((word.equals("begin") || word.equals("end")) && words.length >= 2) {
                word = word + "_" + words[1].toLowerCase(Locale.ROOT);
                if (word.equals("begin_loop")) {
                    word = "begin_repeat"; // the old spelling of a repeat over a list's choices
                } else if (word.equals("end_loop")) {
                    word = "end_repeat";
                } else if (words.length > 2) {
                    word = type.strip();
                }
            }
            if (repeatDepth > 0) {
                // the rows of a repeat were refused with the repeat itself: one error for one cause
                if (word.equals("begin_repeat")) {
                    repeatDepth++;
                } else if (word.equals("end_repeat")) {
                    repeatDepth--;
                }
                continue;
            }
            if (!groups.isEmpty() && !word.equals(XlsForm.END_GROUP)) {
                groups.peek().anyContent = true;
            }
            switch (word) {
                case "begin_repeat" -> {
                    problems.addInSheet(sheet, line.number(), typeHeader, "repeatUnsupported", type.strip(),
                            line.get("name") == null ? "" : line.get("name"));
                    repeatDepth = 1;
                }
                case "end_repeat" -> problems.addInSheet(sheet, line.number(), typeHeader, "unopenedGroup", type.strip());
                case XlsForm.BEGIN_GROUP -> {
                    flush(sections, questions, groups.peek(), formTitle);
                    questions = new ArrayList<>();
                    String name = line.get("name");
                    if (name == null) {
                        problems.addInSheet(sheet, line.number(), survey.header("name"), "missing", survey.header("name"));
                    }
                    Label title = label(line, "label");
                    groups.push(new Group(name, title != null ? title : groups.isEmpty() ? formTitle : groups.peek().title,
                            groupCondition(survey, line, groups.peek()), line.number()));
                    placeRow("sections[" + sections.size() + "]", survey, line);
                    placeField("sections[" + sections.size() + "].name", survey, line, "name");
                }
                case XlsForm.END_GROUP -> {
                    if (groups.isEmpty()) {
                        problems.addInSheet(sheet, line.number(), typeHeader, "unopenedGroup", type.strip());
                        continue;
                    }
                    Group group = groups.peek();
                    flush(sections, questions, group, formTitle);
                    questions = new ArrayList<>();
                    groups.pop();
                    if (group.sectionsMade == 0 && !group.anyContent) {
                        problems.warn(sheet, group.row, typeHeader, "emptyGroup", group.name == null ? "" : group.name);
                    }
                }
                default -> {
                    String path = "sections[" + sections.size() + "].questions[" + questions.size() + "]";
                    List<Question> read = question(survey, line, type, path, scaleNames, groups.peek());
                    for (Question q : read) {
                        if (q.name() != null) {
                            askedSoFar.add(q.name());
                        }
                    }
                    questions.addAll(read);
                }
            }
        }
        if (!groups.isEmpty()) {
            // each group left open is named once, at its own row; its questions are kept for the other checks
            for (Group group : groups) {
                problems.addInSheet(sheet, group.row, typeHeader, "unclosedGroup", group.name == null ? "" : group.name);
            }
        }
        flush(sections, questions, groups.peek(), formTitle);
        return sections;
    }

    /**
     * The questions read since the last group boundary become one section (one page). A group
     * inside a group is a page of its own; the outer group's questions after it continue on a
     * page named after the outer group with a number.
     */
    private static void flush(List<Section> sections, List<Question> questions, Group group, Label formTitle) {
        if (questions.isEmpty()) {
            return;
        }
        String name;
        if (group == null) {
            name = "section_" + (sections.size() + 1);
        } else {
            group.sectionsMade++;
            name = group.name == null ? null : group.sectionsMade == 1 ? group.name : group.name + "_" + group.sectionsMade;
        }
        sections.add(new Section(name, group == null ? formTitle : group.title, questions));
    }

    /** A group's own condition joined to its parent's; checked once, at the group's row. */
    private String groupCondition(Table survey, Line line, Group parent) {
        String own = line.get("relevant");
        String inherited = parent == null ? null : parent.relevant;
        if (own == null) {
            return inherited;
        }
        try {
            Expression expression = Expression.parse(own);
            for (String name : expression.references()) {
                if (!askedSoFar.contains(name)) {
                    problems.addInSheet(sheet(survey), line.number(), survey.header("relevant"), "unknownReference", name);
                    return inherited;
                }
            }
        } catch (Expression.SyntaxError e) {
            problems.addInSheet(sheet(survey), line.number(), survey.header("relevant"), "expressionSyntax", own,
                    e.position() + 1);
            return inherited;
        }
        return and(inherited, own);
    }

    private static String and(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return "(" + a + ") and (" + b + ")";
    }

    /** The question of a survey row (and the text question an {@code or_other} adds); none for a row left out. */
    private List<Question> question(Table survey, Line line, String typeText, String path, Set<String> scaleNames,
                                    Group group) {
        String sheet = sheet(survey);
        String typeHeader = survey.header("type");
        String[] words = typeText.strip().split("\\s+");
        String word = words[0].toLowerCase(Locale.ROOT);
        if (word.equals("calculate") && words.length == 1 && computable(line.get("calculation"))) {
            return List.of(calculate(survey, line, path, group));
        }
        if (METADATA.contains(word) && words.length == 1 || word.equals("calculate")) {
            if (word.equals("calculate")) {
                problems.warn(sheet, line.number(), typeHeader, "calculateLeftOut", line.get("name") == null ? "" : line.get("name"));
            } else {
                problems.warn(sheet, line.number(), typeHeader, "metadataLeftOut", typeText.strip());
            }
            if (line.get("name") != null) {
                problems.leftOut(line.get("name"), sheet, line.number(), typeHeader);
            }
            return List.of();
        }
        placeRow(path, survey, line);
        for (String field : SURVEY_FIELDS) {
            placeField(path + "." + field, survey, line, field);
        }
        placeField(path + ".choice_filter", survey, line, "choice_filter");
        placeField(path + ".default", survey, line, "default");
        placeField(path + ".calculation", survey, line, "calculation");
        Map<String, String> columns = keptColumns(line, SURVEY_FIELDS);
        warnAppearance(survey, line, columns.get("appearance"));
        if (word.equals("acknowledge") && words.length == 1) {
            // ODK's acknowledge is one box, "OK" when ticked: sipas asks it as a choice of that one option
            if (acknowledgeList == null) {
                acknowledgeList = "acknowledge";
                while (formLists.contains(acknowledgeList)) {
                    acknowledgeList = acknowledgeList + "_ok";
                }
            }
            problems.warn(sheet, line.number(), typeHeader, "acknowledgeAsChoice", line.get("name") == null ? ""
                    : line.get("name"), ACKNOWLEDGED);
            typeText = "select_one " + acknowledgeList;
        }
        Typed typed = kind(typeText, scaleNames, columns);
        String name = line.get("name");
        Label label = label(line, "label");
        if (typed == null) {
            String key = UNSUPPORTED.contains(word) || word.startsWith("select_one_from_file")
                    || word.startsWith("select_multiple_from_file") ? "unsupportedType" : "unknownType";
            problems.addInSheet(sheet, line.number(), typeHeader, key, typeText.strip());
            // the row's other cells are not checked: one error for one cause
            return List.of(new Question(name, null, label == null ? MISSING : label, null, null, null, false, null, null,
                    null, columns));
        }
        if (name == null) {
            problems.addInSheet(sheet, line.number(), survey.header("name"), "missing", survey.header("name"));
        }
        if (label == null && name != null) {
            // ODK shows a question without a label by its name; sipas does the same, and says so
            problems.warn(sheet, line.number(), survey.header("label"), "labelFromName", name);
            label = new Label(Map.of(defaultLanguage, name));
        } else if (label == null) {
            label = MISSING;
        }
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
        String constraint = line.get("constraint");
        if (typed.constraint() != null) {
            constraint = constraint == null ? typed.constraint() : "(" + typed.constraint() + ") and (" + constraint + ")";
        }
        String relevant = and(group == null ? null : group.relevant, line.get("relevant"));
        QuestionKind kind = typed.kind();
        Question question = new Question(name, kind.type(), label, label(line, "hint"),
                kind.scale(), kind.choices(), isRequired && kind.type() != QuestionType.NOTE, relevant, constraint,
                label(line, "constraint_message"), columns);
        if (!typed.orOther() || name == null) {
            return List.of(question);
        }
        // or_other, as pyxform spells it out: the code "other" in the list, and a text asked when it is chosen
        listsWithOther.add(kind.choices());
        Question other = new Question(name + "_other", QuestionType.TEXT,
                new Label(Map.of(defaultLanguage, defaultLanguage.equals("vi") ? "Khác (ghi rõ)" : "Specify other")),
                null, null, null, false,
                and(relevant, "selected(${" + name + "}, 'other')"), null, null);
        String otherPath = Problems.parent(path) + "[" + (Integer.parseInt(path.replaceAll(".*\\[(\\d+)]$", "$1")) + 1) + "]";
        placeRow(otherPath, survey, line);
        return List.of(question, other);
    }

    /**
     * Whether sipas computes a calculation: it parses, reads no bare name and reads only
     * questions (and calculations) before it. Any other is left out with a warning, as before
     * sipas computed any.
     */
    private boolean computable(String calculation) {
        if (calculation == null) {
            return false;
        }
        try {
            Expression expression = Expression.parse(calculation);
            return expression.columns().isEmpty() && askedSoFar.containsAll(expression.references());
        } catch (Expression.SyntaxError e) {
            return false;
        }
    }

    /** A calculate row: a value computed from the answers before it, stored with them; its label, if any, kept. */
    private Question calculate(Table survey, Line line, String path, Group group) {
        placeRow(path, survey, line);
        for (String field : SURVEY_FIELDS) {
            placeField(path + "." + field, survey, line, field);
        }
        placeField(path + ".calculation", survey, line, "calculation");
        String name = line.get("name");
        if (name == null) {
            problems.addInSheet(sheet(survey), line.number(), survey.header("name"), "missing", survey.header("name"));
        }
        Label label = label(line, "label");
        // ODK names a calculation by its name; it is shown to nobody but the codebook
        Label shown = label != null ? label : new Label(Map.of(defaultLanguage, name == null ? "?" : name));
        return new Question(name, QuestionType.CALCULATE, shown, label(line, "hint"), null, null, false,
                and(group == null ? null : group.relevant, line.get("relevant")), null, null,
                keptColumns(line, SURVEY_FIELDS));
    }

    /** The appearances the web page draws; any other is kept and written back, and named in a warning at its cell. */
    private static final Set<String> APPEARANCES = Set.of("minimal", "multiline", "horizontal", "horizontal-compact");

    private void warnAppearance(Table survey, Line line, String appearance) {
        if (appearance == null) {
            return;
        }
        for (String word : appearance.strip().split("\\s+")) {
            if (!APPEARANCES.contains(word.toLowerCase(Locale.ROOT))) {
                Column column = line.column("appearance");
                problems.warn(sheet(survey), line.number(), column == null ? survey.header("appearance") : column.header(),
                        "appearanceIgnored", word);
            }
        }
    }

    /** A type read: its kind, a constraint it implies (range), whether it adds an "other" code. */
    private record Typed(QuestionKind kind, String constraint, boolean orOther) {
    }

    /** A type as ODK writes it; {@code select_one} of a list with satisfied/excluded rows is a scale question. */
    private static Typed kind(String text, Set<String> scaleNames, Map<String, String> columns) {
        String spelled = text.strip().replaceAll("(?i)\\s+or specify other$", " or_other");
        String[] words = spelled.split("\\s+");
        String word = words[0].toLowerCase(Locale.ROOT);
        int listAt = 1;
        String lower = spelled.toLowerCase(Locale.ROOT);
        if (lower.startsWith("select one from ") && words.length >= 4) {
            word = "select_one";
            listAt = 3;
        } else if (lower.startsWith("select all that apply from ") && words.length >= 6) {
            word = "select_multiple";
            listAt = 5;
        } else if (lower.startsWith("select multiple from ") && words.length >= 4) {
            word = "select_multiple";
            listAt = 3;
        } else if (lower.equals("phone number") || lower.equals("phonenumber_field")) {
            return new Typed(new QuestionKind(QuestionType.TEXT, null, null), null, false);
        } else if (words.length >= 3 && word.equals("select") && words[1].equalsIgnoreCase("one")) {
            word = "select_one";
            listAt = 2;
        } else if (words.length >= 5 && lower.startsWith("select all that apply")) {
            word = "select_multiple";
            listAt = 4;
        } else if (words.length >= 3 && word.equals("select") && words[1].equalsIgnoreCase("many")) {
            word = "select_multiple";
            listAt = 2;
        }
        boolean orOther = words.length == listAt + 2 && words[listAt + 1].equalsIgnoreCase("or_other");
        int expected = orOther ? listAt + 2 : listAt + 1;
        switch (word) {
            case "select_one_from_file" -> {
                return words.length == 2 && words[1].equals("officials.csv")
                        ? new Typed(new QuestionKind(QuestionType.OFFICIAL, null, null), null, false) : null;
            }
            case "select_one", "select1" -> {
                if (words.length != expected) {
                    return null;
                }
                String list = words[listAt];
                return scaleNames.contains(list) && !orOther
                        ? new Typed(new QuestionKind(QuestionType.SCALE, list, null), null, false)
                        : new Typed(new QuestionKind(QuestionType.SELECT_ONE, null, list), null, orOther);
            }
            case "select_multiple", "select_many" -> {
                return words.length == expected
                        ? new Typed(new QuestionKind(QuestionType.SELECT_MULTIPLE, null, words[listAt]), null, orOther) : null;
            }
            case "string" -> {
                return words.length == 1 ? new Typed(new QuestionKind(QuestionType.TEXT, null, null), null, false) : null;
            }
            case "int" -> {
                return words.length == 1 ? new Typed(new QuestionKind(QuestionType.INTEGER, null, null), null, false) : null;
            }
            case "range" -> {
                return words.length == 1 ? range(columns.get("parameters")) : null;
            }
            case "scale", "official" -> {
                return null; // sipas's own words are not XLSForm types
            }
            default -> {
                QuestionKind kind = QuestionKind.parse(text);
                return kind == null ? null : new Typed(kind, null, false);
            }
        }
    }

    /** A range is a number between its start and end (ODK's defaults 1 and 10), whole when every bound is. */
    private static Typed range(String parameters) {
        Map<String, String> values = new HashMap<>(Map.of("start", "1", "end", "10", "step", "1"));
        if (parameters != null) {
            for (String part : parameters.strip().split("[\\s;,]+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    values.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
                }
            }
        }
        try {
            BigDecimal start = new BigDecimal(values.get("start"));
            BigDecimal end = new BigDecimal(values.get("end"));
            BigDecimal step = new BigDecimal(values.get("step"));
            boolean whole = start.stripTrailingZeros().scale() <= 0 && end.stripTrailingZeros().scale() <= 0
                    && step.stripTrailingZeros().scale() <= 0;
            BigDecimal low = start.min(end);
            BigDecimal high = start.max(end);
            return new Typed(new QuestionKind(whole ? QuestionType.INTEGER : QuestionType.DECIMAL, null, null),
                    ". >= " + low.toPlainString() + " and . <= " + high.toPlainString(), false);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Set<String> filterColumns(List<Section> sections) {
        Set<String> names = new HashSet<>();
        sections.stream().flatMap(s -> s.questions().stream()).map(Question::choiceFilter)
                .filter(f -> f != null).forEach(f -> {
                    for (String word : f.split("[^A-Za-z0-9_.-]+")) {
                        names.add(word.toLowerCase(Locale.ROOT));
                    }
                });
        return names;
    }

    // ---- choices

    private AnswerScale scale(Table sheet, String name, List<Line> rows, Set<Integer> indexSatisfied,
                              Set<Integer> indexExcluded) {
        String path = "scales." + name;
        placeRow(path, sheet, rows.get(0));
        placeField(path + ".satisfied", sheet, rows.get(0), "satisfied");
        List<AnswerScale.Level> levels = new ArrayList<>();
        List<AnswerScale.Level> excluded = new ArrayList<>();
        Set<Integer> satisfied = new LinkedHashSet<>();
        for (Line row : rows) {
            String code = row.get("name");
            Integer value = null;
            try {
                value = code == null ? null : Integer.valueOf(code);
            } catch (NumberFormatException e) {
                problems.addInSheet(sheet(sheet), row.number(), sheet.header("name"), "notInteger", code);
            }
            boolean isExcluded = yes(row.get("excluded")) || indexExcluded != null && indexExcluded.contains(value);
            String levelPath = path + (isExcluded ? ".excluded[" + excluded.size() + "]" : ".levels[" + levels.size() + "]");
            placeRow(levelPath, sheet, row);
            placeField(levelPath + ".code", sheet, row, "name");
            Label label = label(row, "label");
            if (label == null && code != null) {
                problems.warn(sheet(sheet), row.number(), sheet.header("label"), "labelFromName", code);
                label = new Label(Map.of(defaultLanguage, code));
            } else if (label == null) {
                label = MISSING;
            }
            if (code == null) {
                problems.addInSheet(sheet(sheet), row.number(), sheet.header("name"), "missing", sheet.header("name"));
            }
            if (value == null) {
                continue;
            }
            (isExcluded ? excluded : levels).add(new AnswerScale.Level(value, label));
            if (yes(row.get("satisfied")) || indexSatisfied != null && indexSatisfied.contains(value)) {
                satisfied.add(value);
            }
        }
        return new AnswerScale(name, levels, satisfied, excluded);
    }

    private ChoiceList choiceList(Table sheet, String name, List<Line> rows) {
        List<ChoiceList.Choice> choices = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String path = "choices." + name + "[" + i + "]";
            placeRow(path, sheet, rows.get(i));
            placeField(path + ".code", sheet, rows.get(i), "name");
            if (i == 0) {
                placeRow("choices." + name, sheet, rows.get(i));
            }
            String code = rows.get(i).get("name");
            Label label = label(rows.get(i), "label");
            if (label == null && code != null) {
                problems.warn(sheet(sheet), rows.get(i).number(), sheet.header("label"), "labelFromName", code);
                label = new Label(Map.of(defaultLanguage, code));
            } else if (label == null) {
                label = MISSING;
            }
            if (code == null) {
                problems.addInSheet(sheet(sheet), rows.get(i).number(), sheet.header("name"), "missing", sheet.header("name"));
            } else {
                if (!codes.add(code) && allowChoiceDuplicates) {
                    // as pyxform does under the setting: both choices offered, both answers stored as this one code
                    problems.warn(sheet(sheet), rows.get(i).number(), sheet.header("name"), "choiceDuplicate", code, name);
                }
                choices.add(new ChoiceList.Choice(code, label, keptColumns(rows.get(i), CHOICE_FIELDS)));
            }
        }
        if (listsWithOther.contains(name) && choices.stream().noneMatch(c -> c.code().equals("other"))) {
            choices.add(new ChoiceList.Choice("other", new Label(Map.of(defaultLanguage,
                    defaultLanguage.equals("vi") ? "Khác" : "Other"))));
        }
        return new ChoiceList(name, choices);
    }

    // ---- index

    /**
     * A plain {@code select_one} list becomes a scale when the index sheet binds a criterion to a
     * question of it and says, in its {@code satisfied} (and {@code excluded}) cells, which codes
     * count: {@code 4 5}. The list's codes must then be whole numbers.
     */
    private void scalesFromIndex(Table index, Table survey, Map<String, List<Line>> lists, Set<String> scaleNames,
                                 Map<String, Set<Integer>> satisfied, Map<String, Set<Integer>> excluded) {
        Map<String, String> listOfQuestion = new HashMap<>();
        for (Line line : survey.lines()) {
            String type = line.get("type");
            String name = line.get("name");
            if (type != null && name != null) {
                String[] words = type.strip().split("\\s+");
                if (words.length == 2 && words[0].equalsIgnoreCase("select_one")) {
                    listOfQuestion.put(name, words[1]);
                }
            }
        }
        for (Line row : index.lines()) {
            String question = row.get("question");
            if (question == null || row.get("satisfied") == null && row.get("excluded") == null) {
                continue;
            }
            String list = listOfQuestion.get(question);
            if (list == null || !lists.containsKey(list)) {
                problems.addInSheet(sheet(index), row.number(), index.header("question"), "unknownQuestion", question);
                continue;
            }
            Set<Integer> codes = codes(index, row, "satisfied");
            Set<Integer> out = codes(index, row, "excluded");
            if (codes == null || out == null) {
                continue;
            }
            Set<Integer> before = satisfied.putIfAbsent(list, codes);
            if (before != null && !before.equals(codes)) {
                problems.addInSheet(sheet(index), row.number(), index.header("satisfied"), "satisfiedDiffers", list);
            }
            excluded.computeIfAbsent(list, k -> new LinkedHashSet<>()).addAll(out);
            scaleNames.add(list);
        }
    }

    private Set<Integer> codes(Table sheet, Line row, String field) {
        Set<Integer> codes = new LinkedHashSet<>();
        String text = row.get(field);
        if (text == null) {
            return codes;
        }
        for (String part : text.strip().split("[\\s,;]+")) {
            try {
                codes.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                problems.addInSheet(sheet(sheet), row.number(), sheet.header(field), "notInteger", part);
                return null;
            }
        }
        return codes;
    }

    private IndexNode index(Table sheet) {
        List<Line> rows = sheet.lines();
        Map<String, List<Line>> children = new LinkedHashMap<>();
        List<Line> roots = new ArrayList<>();
        Map<String, Line> byCode = new HashMap<>();
        for (Line row : rows) {
            if (row.get("code") == null) {
                problems.addInSheet(sheet(sheet), row.number(), sheet.header("code"), "missing", sheet.header("code"));
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
                    problems.addInSheet(sheet(sheet), line.number(), sheet.header("parent"), "unknownParent", parent);
                }
            }
        });
        if (roots.size() != 1) {
            problems.addInSheet(sheet(sheet), roots.isEmpty() ? rows.get(0).number() : roots.get(1).number(),
                    sheet.header("parent"), "rootCount", roots.size());
            if (roots.isEmpty()) {
                return null;
            }
        }
        return node(sheet, roots.get(0), "index", children, new HashSet<>());
    }

    private IndexNode node(Table sheet, Line row, String path, Map<String, List<Line>> children, Set<String> visited) {
        placeRow(path, sheet, row);
        placeField(path + ".code", sheet, row, "code");
        placeField(path + ".rule", sheet, row, "rule");
        placeField(path + ".question", sheet, row, "question");
        placeField(path + ".children", sheet, row, "parent");
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
        Label own = label(row, "label");
        Label label = own == null && question != null ? questionLabels.getOrDefault(question, MISSING) : own;
        if (label == null) {
            problems.addInSheet(sheet(sheet), row.number(), sheet.header("label"), "missingLabel");
            label = MISSING;
        }
        List<IndexNode> nodes = new ArrayList<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Line child : children.getOrDefault(code, List.of())) {
            if (visited.contains(child.get("code"))) {
                continue; // a cycle: its rows are reported as unknown parents below the root
            }
            String childPath = path + ".children[" + nodes.size() + "]";
            nodes.add(node(sheet, child, childPath, children, visited));
            String weight = child.get("weight");
            if (weight != null) {
                String weightPath = path + ".weights." + child.get("code");
                placeField(weightPath, sheet, child, "weight");
                try {
                    weights.put(child.get("code"), Double.valueOf(weight));
                } catch (NumberFormatException e) {
                    problems.add(weightPath, "notNumber", weight);
                }
            }
        }
        placeField(path + ".weights", sheet, row, "weight");
        return new IndexNode(code, label, rule, question, nodes, weights);
    }

    // ---- alert rules

    private List<AlertDeclaration> alerts(Table sheet) {
        warnUnknown(sheet, ALERT_FIELDS, "columnIgnored");
        List<AlertDeclaration> alerts = new ArrayList<>();
        for (Line row : sheet.lines()) {
            String path = "alerts[" + alerts.size() + "]";
            placeRow(path, sheet, row);
            for (String field : ALERT_FIELDS) {
                placeField(path + "." + field, sheet, row, field.equals("questions") && row.get("questions") == null ? "question" : field);
            }
            String kindText = row.get("kind");
            AlertKind kind = kindText == null ? null : AlertKind.parse(kindText);
            if (kindText == null) {
                problems.addInSheet(sheet(sheet), row.number(), sheet.header("kind"), "missing", sheet.header("kind"));
            } else if (kind == null) {
                problems.addInSheet(sheet(sheet), row.number(), sheet.header("kind"), "unknownAlertKind", kindText,
                        java.util.Arrays.toString(AlertKind.values()));
            }
            String severityText = row.get("severity");
            AlertSeverity severity = severityText == null ? AlertSeverity.MEDIUM : AlertSeverity.parse(severityText);
            if (severity == null) {
                problems.addInSheet(sheet(sheet), row.number(), sheet.header("severity"), "unknownSeverity", severityText,
                        java.util.Arrays.toString(AlertSeverity.values()));
            }
            Integer level = null;
            if (row.get("level") != null) {
                try {
                    level = Integer.valueOf(row.get("level"));
                } catch (NumberFormatException e) {
                    problems.addInSheet(sheet(sheet), row.number(), sheet.header("level"), "notInteger", row.get("level"));
                }
            }
            String questions = row.get("questions") != null ? row.get("questions") : row.get("question");
            // "label" is a translated column (label, label::vi …): the case is named in Vietnamese when the row says it
            Label named = label(row, "label");
            String label = named == null ? null : named.vi() != null ? named.vi() : named.first();
            alerts.add(new AlertDeclaration(row.get("code"), kind, AlertDeclaration.names(questions), AlertDeclaration.names(row.get("codes")),
                    level, AlertDeclaration.words(row.get("words")), AlertDeclaration.names(row.get("channels")), severity, label,
                    row.get("enabled") == null || yes(row.get("enabled"))));
        }
        return alerts;
    }

    // ---- sheets and cells

    /** A sheet's header and data rows; null when the sheet is absent (a problem when it is required). */
    private Table table(Workbook workbook, String name, boolean required) {
        Sheet sheet = null;
        for (int i = 0; i < workbook.getNumberOfSheets() && sheet == null; i++) {
            if (workbook.getSheetName(i).strip().equalsIgnoreCase(name)) {
                sheet = workbook.getSheetAt(i);
            }
        }
        if (sheet == null || sheet.getPhysicalNumberOfRows() == 0) {
            if (required) {
                problems.addAt(0, name, "missingSheet", name);
            }
            return null;
        }
        String sheetName = sheet.getSheetName();
        Row header = null;
        for (Row row : sheet) {
            // the header is the first row with any text; a blank first row is not the header
            if (rowHasText(row)) {
                header = row;
                break;
            }
        }
        if (header == null) {
            if (required) {
                problems.addAt(0, name, "missingSheet", name);
            }
            return null;
        }
        Map<Integer, Column> columns = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Cell cell : header) {
            String text = text(cell);
            if (text != null) {
                Column column = column(text);
                if (!seen.add(column.field() + "#" + column.language())) {
                    problems.addInSheet(file + " › " + sheetName, header.getRowNum() + 1L, text, "duplicateColumn", text);
                    continue;
                }
                columns.put(cell.getColumnIndex(), column);
            }
        }
        String located = file + " › " + sheetName;
        if (required && columns.values().stream().noneMatch(c -> c.field().equals("type"))) {
            problems.addInSheet(located, header.getRowNum() + 1L, null, "missingColumn", "type");
        }
        List<Line> lines = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() <= header.getRowNum()) {
                continue;
            }
            Map<Column, String> cells = new LinkedHashMap<>();
            for (Cell cell : row) {
                Column column = columns.get(cell.getColumnIndex());
                // words a respondent reads are kept as written, spaces and all; names, types and codes are trimmed
                String text = column != null && WORDS.contains(column.field()) ? written(cell)
                        : column != null && column.field().equals("default") && isDate(cell)
                        // a default typed as a date in Excel is the date ODK writes, yyyy-mm-dd, as pyxform reads it
                        // (POI builds the Date in the JVM zone, so the day is read back in that zone)
                        ? cell.getDateCellValue().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString() : text(cell);
                if (column != null && text != null) {
                    cells.put(column, text);
                }
            }
            if (!cells.isEmpty()) {
                lines.add(new Line(row.getRowNum() + 1L, cells));
            }
        }
        return new Table(sheetName, header.getRowNum() + 1L, List.copyOf(columns.values()), lines);
    }

    private static String plainLabelLanguage(Workbook workbook) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            String name = workbook.getSheetName(i).strip().toLowerCase(Locale.ROOT);
            if (!name.equals(XlsForm.SURVEY) && !name.equals(XlsForm.CHOICES)) {
                continue;
            }
            Set<Integer> plain = new HashSet<>();
            Row header = null;
            for (Row row : workbook.getSheetAt(i)) {
                if (header == null) {
                    if (rowHasText(row)) {
                        header = row;
                        for (Cell cell : row) {
                            String text = text(cell);
                            if (text != null && Set.of("label", "caption").contains(text.toLowerCase(Locale.ROOT))) {
                                plain.add(cell.getColumnIndex());
                            }
                        }
                    }
                    continue;
                }
                for (int column : plain) {
                    Cell cell = row.getCell(column);
                    String text = cell == null ? null : text(cell);
                    if (text != null && VIETNAMESE.matcher(text).find()) {
                        return "vi";
                    }
                }
            }
        }
        return "und";
    }

    private static boolean rowHasText(Row row) {
        for (Cell cell : row) {
            if (text(cell) != null) {
                return true;
            }
        }
        return false;
    }

    /** What a header means: {@code label::Deutsch (de)}, {@code label:English}, {@code bind::relevant}, {@code list name}. */
    private Column column(String header) {
        String rest = header.strip();
        for (String prefix : List.of("bind::", "control::", "body::", "media::")) {
            if (rest.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                rest = rest.substring(prefix.length());
            }
        }
        String base = rest;
        String language = null;
        int cut = rest.indexOf("::");
        if (cut >= 0) {
            base = rest.substring(0, cut);
            language = rest.substring(cut + 2);
        } else if (rest.indexOf(':') > 0 && TRANSLATED.contains(normal(rest.substring(0, rest.indexOf(':'))))) {
            // the legacy spelling label:English
            base = rest.substring(0, rest.indexOf(':'));
            language = rest.substring(rest.indexOf(':') + 1);
        }
        String field = normal(base);
        if (TRANSLATED.contains(field)) {
            return new Column(header, field, language == null || language.isBlank() ? defaultLanguage : language(language));
        }
        return new Column(header, language == null ? field : field + "::" + language.strip(), null);
    }

    private static String normal(String field) {
        String normal = field.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
        return ALIASES.getOrDefault(normal, normal);
    }

    /**
     * The language code of a column's language as written: {@code Deutsch (de)} → de,
     * {@code de} → de, {@code English} → en (by its name in English or in itself); any other
     * name stands for itself.
     */
    static String language(String written) {
        String text = written.strip();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\(([A-Za-z]{2,8}(?:[-_][A-Za-z0-9]+)*)\\)\\s*$")
                .matcher(text);
        if (code.find()) {
            return code.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (text.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            return text;
        }
        String folded = text.toLowerCase(Locale.ROOT);
        for (String iso : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(iso);
            if (locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(folded)
                    || locale.getDisplayLanguage(locale).toLowerCase(locale).equals(text.toLowerCase(locale))) {
                return iso;
            }
        }
        return text;
    }

    private static boolean isDate(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
    }

    /** A cell as its author sees it in Excel, stripped (names, types, codes, headers); null when blank. */
    private static String text(Cell cell) {
        String text = written(cell);
        return text == null ? null : text.strip();
    }

    /** A cell as its author sees it in Excel: a date as a date, a number without a float's noise; null when blank. */
    private static String written(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? new DataFormatter(Locale.ROOT).formatCellValue(cell)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
        return text == null || text.isBlank() ? null : text;
    }

    /** The texts of a translated field by language, the default language first; null when none. */
    private Label label(Line line, String field) {
        Map<String, String> texts = new LinkedHashMap<>();
        String own = null;
        for (Map.Entry<Column, String> cell : line.cells().entrySet()) {
            if (cell.getKey().field().equals(field) && cell.getKey().language() != null) {
                if (cell.getKey().language().equals(defaultLanguage)) {
                    own = cell.getValue();
                }
                texts.putIfAbsent(cell.getKey().language(), cell.getValue());
            }
        }
        if (texts.isEmpty()) {
            return null;
        }
        if (own != null) {
            Map<String, String> ordered = new LinkedHashMap<>();
            ordered.put(defaultLanguage, own);
            ordered.putAll(texts);
            texts = ordered;
        }
        return new Label(texts);
    }

    /** The cells of a row that are not fields of the model, by header as written, to keep and write back. */
    private static Map<String, String> keptColumns(Line line, Set<String> modelFields) {
        Map<String, String> kept = new LinkedHashMap<>();
        line.cells().forEach((column, value) -> {
            boolean modelled = modelFields.contains(column.field())
                    && (column.language() != null || !Set.of("label", "hint", "constraint_message").contains(column.field()));
            if (!modelled) {
                kept.put(keyOf(column), value);
            }
        });
        return kept;
    }

    /** A kept column under its field's plain name (appearance, choice_filter …) or, for any other, its header. */
    private static String keyOf(Column column) {
        return column.language() == null && !column.field().contains("::") && KEPT_SURVEY.contains(column.field())
                ? column.field() : column.header().strip();
    }

    private void warnUnknown(Table table, Set<String> known, String code) {
        for (Column column : table.columns()) {
            String field = column.field().contains("::") ? column.field().substring(0, column.field().indexOf("::"))
                    : column.field();
            if (!known.contains(field)) {
                problems.warn(sheet(table), table.headerRow(), column.header(), code, column.header());
            }
        }
    }

    private int version(Table settings, Line setting) {
        String text = setting == null ? null : setting.get("version");
        if (text == null) {
            return 1;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // ODK takes any text; sipas numbers its versions, so the form's own is named and set aside
            problems.warn(sheet(settings), setting.number(), settings.header("version"), "versionNotNumber", text);
            return 1;
        }
    }

    /** ODK takes any form_id; a sipas code is lower case without accents: an id such as "YesNo" is folded, and said. */
    private String formCode(Table settings, Line setting) {
        String id = setting.get("form_id");
        if (id.matches("[a-z0-9][a-z0-9_-]*")) {
            return id;
        }
        String folded = java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[-_]+|-+$", "");
        if (folded.isEmpty()) {
            return id; // nothing to fold to: the rules name the id as it is
        }
        problems.warn(sheet(settings), setting.number(), settings.header("form_id"), "codeFolded", id, folded);
        return folded;
    }

    private String codeFromFileName() {
        String base = file.replaceFirst("(?i)\\.xlsx?$", "").toLowerCase(Locale.ROOT);
        String code = base.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return code.isEmpty() ? "xlsform" : code;
    }

    private String sheet(Table table) {
        return file + " › " + table.name();
    }

    private void placeRow(String path, Table table, Line line) {
        problems.placeCell(path, sheet(table), line.number(), null);
    }

    private void placeField(String path, Table table, Line line, String field) {
        Column column = line.column(field);
        problems.placeCell(path, sheet(table), line.number(), column == null ? table.header(field) : column.header());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean yes(String text) {
        return text != null && Set.of("yes", "true", "1", "x").contains(text.strip().toLowerCase(Locale.ROOT));
    }
}
