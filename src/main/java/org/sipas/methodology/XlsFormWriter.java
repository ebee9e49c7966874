package org.sipas.methodology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a methodology version as an XLSForm workbook (see {@link XlsForm}): one label, hint
 * and message column per language of the form, and every column kept from an imported form
 * written back under its header.
 */
final class XlsFormWriter {

    private final List<String> languages;

    private XlsFormWriter(Methodology m) {
        // every language any text is written in, so a language only the choices have is written back too
        Set<String> all = new LinkedHashSet<>(m.languages());
        java.util.function.Consumer<Label> add = label -> {
            if (label != null) {
                all.addAll(label.texts().keySet());
            }
        };
        m.sections().forEach(s -> add.accept(s.title()));
        m.questions().forEach(q -> {
            add.accept(q.hint());
            add.accept(q.constraintMessage());
        });
        m.choiceLists().forEach(l -> l.choices().forEach(c -> add.accept(c.label())));
        m.scales().forEach(sc -> {
            sc.levels().forEach(l -> add.accept(l.label()));
            sc.excluded().forEach(l -> add.accept(l.label()));
        });
        if (m.index() != null) {
            indexLabels(m.index(), add);
        }
        if (all.isEmpty() || Set.of("vi", "en").containsAll(all)) {
            // sipas's own methodologies keep their two columns, translated or not
            this.languages = List.of("vi", "en");
        } else {
            this.languages = List.copyOf(all);
        }
    }

    private static void indexLabels(IndexNode node, java.util.function.Consumer<Label> add) {
        add.accept(node.label());
        node.children().forEach(child -> indexLabels(child, add));
    }

    static byte[] write(Methodology m) {
        return new XlsFormWriter(m).workbook(m);
    }

    private byte[] workbook(Methodology m) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            survey(workbook, m);
            choices(workbook, m);
            List<String> settingsColumns = new ArrayList<>(List.of("form_id", "version"));
            List<String> settingsRow = new ArrayList<>(List.of(m.code(), Integer.toString(m.version())));
            for (String language : languages) {
                settingsColumns.add(translated("form_title", language));
                settingsRow.add(m.title().text(language));
            }
            settingsColumns.add("default_language");
            settingsRow.add(XlsForm.languageHeader(languages.get(0)));
            if (m.allowChoiceDuplicates()) {
                settingsColumns.add("allow_choice_duplicates");
                settingsRow.add("yes");
            }
            Sheet settings = sheet(workbook, XlsForm.SETTINGS, settingsColumns);
            row(settings, settingsRow.toArray(String[]::new));
            if (m.index() != null) {
                List<String> columns = new ArrayList<>(List.of("code"));
                languages.forEach(l -> columns.add(translated("label", l)));
                columns.addAll(List.of("rule", "question", "parent", "weight"));
                index(sheet(workbook, XlsForm.INDEX, columns), m.index(), null, null);
            }
            if (!m.alerts().isEmpty()) {
                Sheet alerts = sheet(workbook, XlsForm.ALERTS, List.of("code", "kind", "questions", "codes", "level", "words",
                        "channels", "severity", "label", "enabled"));
                for (AlertDeclaration a : m.alerts()) {
                    row(alerts, a.code(), a.kind().name(), String.join(" ", a.questions()), blank(String.join(" ", a.codes())),
                            a.level() == null ? null : a.level().toString(), blank(String.join(", ", a.words())),
                            blank(String.join(" ", a.channels())), a.severity().name(), a.label(), a.enabled() ? "yes" : "no");
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String translated(String field, String language) {
        return field + "::" + XlsForm.languageHeader(language);
    }

    private void survey(XSSFWorkbook workbook, Methodology m) {
        Set<String> kept = new LinkedHashSet<>();
        m.questions().forEach(q -> kept.addAll(q.columns().keySet()));
        List<String> columns = new ArrayList<>(List.of("type", "name"));
        languages.forEach(l -> columns.add(translated("label", l)));
        languages.forEach(l -> columns.add(translated("hint", l)));
        columns.addAll(List.of("required", "relevant", "constraint"));
        languages.forEach(l -> columns.add(translated("constraint_message", l)));
        columns.addAll(kept);
        Sheet sheet = sheet(workbook, XlsForm.SURVEY, columns);
        for (Section section : m.sections()) {
            List<String> cells = new ArrayList<>(List.of(XlsForm.BEGIN_GROUP, section.name()));
            languages.forEach(l -> cells.add(section.title().text(l)));
            row(sheet, cells.toArray(String[]::new));
            for (Question q : section.questions()) {
                List<String> row = new ArrayList<>(List.of(type(q), q.name()));
                languages.forEach(l -> row.add(q.label().text(l)));
                languages.forEach(l -> row.add(q.hint() == null ? null : q.hint().text(l)));
                row.add(q.required() ? "yes" : null);
                row.add(q.relevant());
                row.add(q.constraint());
                languages.forEach(l -> row.add(q.constraintMessage() == null ? null : q.constraintMessage().text(l)));
                kept.forEach(column -> row.add(q.columns().get(column)));
                row(sheet, row.toArray(String[]::new));
            }
            row(sheet, XlsForm.END_GROUP, section.name());
        }
    }

    private static String type(Question q) {
        return switch (q.type()) {
            case SCALE -> "select_one " + q.scale();
            case OFFICIAL -> XlsForm.OFFICIAL;
            default -> QuestionKind.of(q).text();
        };
    }

    private void choices(XSSFWorkbook workbook, Methodology m) {
        Set<String> kept = new LinkedHashSet<>();
        m.choiceLists().forEach(list -> list.choices().forEach(c -> kept.addAll(c.columns().keySet())));
        List<String> columns = new ArrayList<>(List.of("list_name", "name"));
        languages.forEach(l -> columns.add(translated("label", l)));
        columns.addAll(List.of("satisfied", "excluded"));
        columns.addAll(kept);
        Sheet sheet = sheet(workbook, XlsForm.CHOICES, columns);
        for (AnswerScale scale : m.scales()) {
            for (AnswerScale.Level level : scale.levels()) {
                level(sheet, scale.name(), level, scale.satisfied().contains(level.code()) ? "yes" : null, null);
            }
            for (AnswerScale.Level level : scale.excluded()) {
                level(sheet, scale.name(), level, null, "yes");
            }
        }
        for (ChoiceList list : m.choiceLists()) {
            for (ChoiceList.Choice choice : list.choices()) {
                List<String> row = new ArrayList<>(List.of(list.name(), choice.code()));
                languages.forEach(l -> row.add(choice.label().text(l)));
                row.add(null);
                row.add(null);
                kept.forEach(column -> row.add(choice.columns().get(column)));
                row(sheet, row.toArray(String[]::new));
            }
        }
    }

    private void level(Sheet sheet, String scale, AnswerScale.Level level, String satisfied, String excluded) {
        List<String> row = new ArrayList<>(List.of(scale, Integer.toString(level.code())));
        languages.forEach(l -> row.add(level.label().text(l)));
        row.add(satisfied);
        row.add(excluded);
        row(sheet, row.toArray(String[]::new));
    }

    private void index(Sheet sheet, IndexNode node, String parent, Double weight) {
        List<String> row = new ArrayList<>(List.of(node.code()));
        languages.forEach(l -> row.add(node.label().text(l)));
        row.add(node.rule().name().toLowerCase(Locale.ROOT));
        row.add(node.question());
        row.add(parent);
        row.add(weight == null ? null : weight.toString());
        row(sheet, row.toArray(String[]::new));
        for (IndexNode child : node.children()) {
            index(sheet, child, node.code(), node.weights().get(child.code()));
        }
    }

    private static Sheet sheet(XSSFWorkbook workbook, String name, List<String> columns) {
        Sheet sheet = workbook.createSheet(name);
        row(sheet, columns.toArray(String[]::new));
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** Every cell is text, so codes such as "01" and weights keep exactly what they are. */
    private static void row(Sheet sheet, String... cells) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                row.createCell(i).setCellValue(cells[i]);
            }
        }
    }
}
