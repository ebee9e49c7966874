package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sipas.methodology.MethodologyRepository.Origin;
import org.sipas.web.ImportRejectedException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** XLSForm is the exchange format: what sipas exports it imports unchanged, and a form written for ODK imports. */
class XlsFormTest {

    @Test
    void everyShippedMethodologySurvivesExportAndImportAsXlsForm() throws IOException {
        for (Resource file : ShippedMethodologies.files()) {
            Methodology shipped = read(file.getFilename(), file.getContentAsByteArray());

            MethodologyFiles.Read imported = MethodologyFiles.read(shipped.code() + ".xlsx", XlsFormWriter.write(shipped),
                    Origin.YAML);

            assertThat(imported.origin()).isEqualTo(Origin.XLSFORM);
            assertThat(imported.methodology()).as(file.getFilename()).isEqualTo(shipped);
            // the YAML stored for an XLSForm upload reads back as the same model
            assertThat(read("stored.yaml", imported.source().getBytes(StandardCharsets.UTF_8))).isEqualTo(shipped);
        }
    }

    @Test
    void aScaleQuestionIsASelectOneForOdkWithSatisfiedAndExcludedColumns() throws IOException {
        Methodology sipas = read("sipas-2017.yaml", new ClassPathResource("methodology/sipas-2017.yaml").getContentAsByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(XlsFormWriter.write(sipas)))) {
            Sheet survey = workbook.getSheet("survey");
            assertThat(survey.getRow(0).getCell(2).getStringCellValue()).isEqualTo("label::Vietnamese (vi)");
            boolean found = false;
            for (Row row : survey) {
                if (row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("c09")) {
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("select_one sipas5");
                    found = true;
                }
            }
            assertThat(found).isTrue();
            Sheet choices = workbook.getSheet("choices");
            assertThat(choices.getRow(4).getCell(1).getStringCellValue()).isEqualTo("4");
            assertThat(choices.getRow(4).getCell(4).getStringCellValue()).isEqualTo("yes");
            assertThat(workbook.getSheet("settings").getRow(1).getCell(0).getStringCellValue()).isEqualTo("sipas-2017");
            assertThat(workbook.getSheet("index").getRow(1).getCell(0).getStringCellValue()).isEqualTo("SIPAS");
        }
    }

    /** A form as one writes it for ODK (pyxform's test forms): plain label column, a group, a select, a constraint. */
    static byte[] handWrittenForm(String relevantOfVisits) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet survey = workbook.createSheet("survey");
            rows(survey, new String[][] {
                    {"type", "name", "label", "required", "relevant", "constraint", "constraint_message"},
                    {"begin group", "visit", "Lần đến bộ phận một cửa"},
                    {"select_one yes_no", "visited", "Ông/Bà đã đến bộ phận một cửa chưa?", "yes"},
                    {"integer", "visits", "Ông/Bà đã đến mấy lần?", "", relevantOfVisits, ". > 0 and . < 20",
                            "Từ 1 đến 19 lần"},
                    {"end group"},
                    {"text", "comment", "Góp ý khác"},
            });
            rows(workbook.createSheet("choices"), new String[][] {
                    {"list_name", "name", "label"},
                    {"yes_no", "yes", "Có"},
                    {"yes_no", "no", "Không"},
            });
            rows(workbook.createSheet("settings"), new String[][] {
                    {"form_title", "form_id", "version"},
                    {"Phiếu viết tay", "hand_form", "2024061801"},
            });
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aHandWrittenOdkFormImports() throws IOException {
        Methodology form = MethodologyFiles.read("hand.xlsx", handWrittenForm("${visited} = 'yes'"), Origin.YAML)
                .methodology();

        assertThat(form.code()).isEqualTo("hand_form");
        assertThat(form.version()).isEqualTo(2024061801);
        assertThat(form.title()).isEqualTo(Label.of("Phiếu viết tay", null));
        assertThat(form.index()).isNull();
        assertThat(form.sections()).extracting(Section::name).containsExactly("visit", "section_2");
        assertThat(form.sections().get(0).title().vi()).isEqualTo("Lần đến bộ phận một cửa");
        assertThat(form.question("visited")).get().satisfies(q -> {
            assertThat(q.type()).isEqualTo(QuestionType.SELECT_ONE);
            assertThat(q.choices()).isEqualTo("yes_no");
            assertThat(q.required()).isTrue();
        });
        assertThat(form.question("visits")).get().satisfies(q -> {
            assertThat(q.type()).isEqualTo(QuestionType.INTEGER);
            assertThat(q.relevant()).isEqualTo("${visited} = 'yes'");
            assertThat(q.constraint()).isEqualTo(". > 0 and . < 20");
            assertThat(q.constraintMessage()).isEqualTo(Label.of("Từ 1 đến 19 lần", null));
        });
        assertThat(form.choiceList("yes_no").orElseThrow().choices()).extracting(ChoiceList.Choice::code)
                .containsExactly("yes", "no");
    }

    @Test
    void aProblemInAWorkbookIsLocatedAtItsSheetAndRow() throws IOException {
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("hand.xlsx", handWrittenForm("${visted} = 'yes'"), Origin.YAML));

        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("hand.xlsx › survey");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("relevant");
            assertThat(e.code()).isEqualTo("methodology.error.unknownReference");
        });
    }

    @Test
    void anIndexRowHangingFromAnUnknownParentIsLocatedOnTheIndexSheet() throws IOException {
        byte[] form = handWrittenForm("${visited} = 'yes'");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(form));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rows(workbook.createSheet("index"), new String[][] {
                    {"code", "label", "rule", "question", "parent", "weight"},
                    {"ALL", "Chung", "mean", "", "", ""},
                    {"X", "Lạc", "mean", "", "NOWHERE", ""},
            });
            workbook.write(out);
            form = out.toByteArray();
        }
        byte[] withIndex = form;

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("hand.xlsx", withIndex, Origin.YAML));

        assertThat(rejected.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("hand.xlsx › index");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.code()).isEqualTo("methodology.error.unknownParent");
        });
    }

    @Test
    void aZipThatIsNoWorkbookIsRejectedAsADamagedWorkbook() {
        byte[] zipButNoWorkbook = {'P', 'K', 3, 4, 0, 0, 0, 0};
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("x.xlsx", zipButNoWorkbook, Origin.YAML));

        assertThat(rejected.errors()).extracting(e -> e.code()).containsExactly("methodology.error.damaged");
    }

    private static Methodology read(String name, byte[] content) {
        return MethodologyFiles.read(name, content, Origin.SHIPPED).methodology();
    }

    private static void rows(Sheet sheet, String[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].isEmpty()) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
    }
}
