package org.sipas.methodology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a methodology version as an XLSForm workbook (see {@link XlsForm}). */
final class XlsFormWriter {

    private XlsFormWriter() {
    }

    static byte[] write(Methodology m) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            survey(sheet(workbook, XlsForm.SURVEY, XlsForm.SURVEY_COLUMNS), m);
            choices(sheet(workbook, XlsForm.CHOICES, XlsForm.CHOICE_COLUMNS), m);
            Sheet settings = sheet(workbook, XlsForm.SETTINGS, XlsForm.SETTINGS_COLUMNS);
            row(settings, m.code(), Integer.toString(m.version()), m.title().vi(), m.title().en(), XlsForm.VI);
            if (m.index() != null) {
                index(sheet(workbook, XlsForm.INDEX, XlsForm.INDEX_COLUMNS), m.index(), null, null);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void survey(Sheet sheet, Methodology m) {
        for (Section section : m.sections()) {
            row(sheet, XlsForm.BEGIN_GROUP, section.name(), section.title().vi(), section.title().en());
            for (Question q : section.questions()) {
                row(sheet, type(q), q.name(), q.label().vi(), q.label().en(), vi(q.hint()), en(q.hint()),
                        q.required() ? "yes" : null, q.relevant(), q.constraint(), vi(q.constraintMessage()),
                        en(q.constraintMessage()));
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

    private static void choices(Sheet sheet, Methodology m) {
        for (AnswerScale scale : m.scales()) {
            for (AnswerScale.Level level : scale.levels()) {
                row(sheet, scale.name(), Integer.toString(level.code()), level.label().vi(), level.label().en(),
                        scale.satisfied().contains(level.code()) ? "yes" : null, null);
            }
            for (AnswerScale.Level level : scale.excluded()) {
                row(sheet, scale.name(), Integer.toString(level.code()), level.label().vi(), level.label().en(), null,
                        "yes");
            }
        }
        for (ChoiceList list : m.choiceLists()) {
            for (ChoiceList.Choice choice : list.choices()) {
                row(sheet, list.name(), choice.code(), choice.label().vi(), choice.label().en());
            }
        }
    }

    private static void index(Sheet sheet, IndexNode node, String parent, Double weight) {
        row(sheet, node.code(), node.label().vi(), node.label().en(), node.rule().name().toLowerCase(Locale.ROOT),
                node.question(), parent, weight == null ? null : weight.toString());
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

    private static String vi(Label label) {
        return label == null ? null : label.vi();
    }

    private static String en(Label label) {
        return label == null ? null : label.en();
    }
}
