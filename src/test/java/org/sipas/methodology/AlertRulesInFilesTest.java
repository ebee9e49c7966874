package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sipas.methodology.MethodologyRepository.Origin;
import org.sipas.web.ImportRejectedException;

/** A methodology file carries its alert rules, in YAML and in an XLSForm's alerts sheet, checked like the rest of it. */
class AlertRulesInFilesTest {

    static final Set<String> CHANNELS = Set.of("WEB", "PORTAL", "KIOSK", "CATI", "CAPI", "PAPER");

    static String form() {
        return MethodologyFileProblemsTest.resource("/methodology/forms/small-alerts.yaml");
    }

    static Methodology read(String file, byte[] content) {
        return MethodologyFiles.read(file, content, Origin.YAML, CHANNELS).methodology();
    }

    @Test
    void theYamlFileDeclaresItsRulesWithEveryField() {
        Methodology m = read("small-alerts.yaml", form().getBytes(StandardCharsets.UTF_8));

        assertThat(m.alerts()).extracting(AlertDeclaration::code).containsExactly("officials", "overall-low", "fees", "watch-list");
        assertThat(m.alerts().get(1)).isEqualTo(new AlertDeclaration("overall-low", AlertKind.RATING_AT_MOST, List.of("q1"),
                List.of(), 1, List.of(), List.of("KIOSK"), AlertSeverity.LOW, "Đánh giá thấp tại quầy", false));
        assertThat(m.alerts().get(2).codes()).containsExactly("co");
        assertThat(m.alerts().get(3).words()).containsExactly("nhũng nhiễu", "gây khó dễ", "bồi dưỡng");
        assertThat(m.alerts().get(0).severity()).isEqualTo(AlertSeverity.MEDIUM);
        assertThat(m.alerts().get(0).enabled()).isTrue();
    }

    @Test
    void theRulesSurviveTheYamlWriterAndTheXlsFormBothWays() {
        Methodology m = read("small-alerts.yaml", form().getBytes(StandardCharsets.UTF_8));

        Methodology fromYaml = read("again.yaml", YamlMethodologyWriter.write(m).getBytes(StandardCharsets.UTF_8));
        Methodology fromXlsForm = read("small-alerts.xlsx", XlsFormWriter.write(m));

        assertThat(fromYaml.alerts()).isEqualTo(m.alerts());
        assertThat(fromXlsForm.alerts()).isEqualTo(m.alerts());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kind: NOT_SATISFIED             | kind: UNHAPPY                   | alerts[0].kind      | 39 | unknownAlertKind
            questions: [q1]                 | questions: [q9]                 | alerts[0].questions | 40 | unknownQuestion
            questions: [q3]                 | questions: [q1]                 | alerts[3].questions | 59 | alertNeedsText
            level: 1                        | level: 4                        | alerts[1].level     | 46 | alertLevelNotInScale
            codes: [co]                     | codes: [maybe]                  | alerts[2].codes     | 54 | alertCodeNotOffered
            channels: [KIOSK]               | channels: [FAX]                 | alerts[1].channels  | 47 | unknownChannel
            severity: low                   | severity: URGENT                | alerts[1].severity  | 48 | unknownSeverity
            - code: fees                    | - code: officials               | alerts[2].code      | 51 | duplicateAlert
            - code: fees                    | - code: Phí                     | alerts[2].code      | 51 | badAlertCode
            """)
    void aBrokenRuleIsRejectedAtItsLineAndField(String snippet, String broken, String path, long line, String code) {
        String yaml = form().replace(snippet, broken);
        assertThat(yaml).isNotEqualTo(form());

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("broken.yaml", yaml.getBytes(StandardCharsets.UTF_8), Origin.YAML, CHANNELS));

        assertThat(rejected).isNotNull();
        assertThat(rejected.errors()).extracting(e -> e.file() + ":" + e.line() + " " + e.column() + " " + e.code())
                .contains("broken.yaml:" + line + " " + path + " methodology.error." + code);
    }

    @Test
    void aRuleOfTheNotSatisfiedKindReadsOnlyRatings() {
        String yaml = form().replace("kind: NOT_SATISFIED\n    questions: [q1]", "kind: NOT_SATISFIED\n    questions: [q1, q2]");

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("broken.yaml", yaml.getBytes(StandardCharsets.UTF_8), Origin.YAML, CHANNELS));

        assertThat(rejected.errors()).extracting(e -> e.column() + " " + e.code())
                .containsExactly("alerts[0].questions methodology.error.alertNeedsScale");
    }

    @Test
    void aBrokenRowOfTheAlertsSheetIsNamedBySheetRowAndColumnHeader() throws Exception {
        byte[] workbook = XlsFormWriter.write(read("small-alerts.yaml", form().getBytes(StandardCharsets.UTF_8)));
        byte[] broken;
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(workbook));
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            Sheet alerts = book.getSheet(XlsForm.ALERTS);
            Row fees = alerts.getRow(3); // header, officials, overall-low, fees: spreadsheet row 4
            assertThat(fees.getCell(0).getStringCellValue()).isEqualTo("fees");
            fees.getCell(3).setCellValue("maybe");
            alerts.getRow(1).getCell(1).setCellValue("UNHAPPY");
            book.write(out);
            broken = out.toByteArray();
        }

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("form.xlsx", broken, Origin.YAML, CHANNELS));

        assertThat(rejected.errors()).extracting(e -> e.file() + ":" + e.line() + " " + e.column() + " " + e.code())
                .containsExactlyInAnyOrder("form.xlsx › alerts:2 kind methodology.error.unknownAlertKind",
                        "form.xlsx › alerts:4 codes methodology.error.alertCodeNotOffered");
    }

    @Test
    void aFormWithoutRulesReadsAsBefore() {
        Methodology m = read("small.yaml", MethodologyFileProblemsTest.small().getBytes(StandardCharsets.UTF_8));

        assertThat(m.alerts()).isEmpty();
        assertThat(YamlMethodologyWriter.write(m)).doesNotContain("alerts");
    }
}
