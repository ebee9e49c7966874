package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sipas.methodology.MethodologyRepository.Origin;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;

/**
 * Public XLSForms from well-known projects (see {@code xlsform-corpus/README.md}) import as their
 * sources say, or are refused with the located message of the feature sipas does not take. The
 * expected facts stand beside the forms in {@code expected.csv}: per form either
 * {@code imported} with its languages, question count and section count, or {@code refused} with
 * the first error's code, sheet and row. An accepted form must also be stored, read back and
 * exported to XLSX and imported again unchanged.
 */
class XlsFormCorpusTest {

    private static final String CORPUS = "/methodology/xlsform-corpus/";

    /** One line of expected.csv. */
    record Expected(String file, String outcome, String languages, int questions, int sections, String error,
                    String sheet, long row) {
        static Expected parse(String line) {
            String[] f = line.split(",", -1);
            return new Expected(f[0], f[1], f[2], f[3].isEmpty() ? -1 : Integer.parseInt(f[3]),
                    f[4].isEmpty() ? -1 : Integer.parseInt(f[4]), f[5], f[6], f[7].isEmpty() ? -1 : Long.parseLong(f[7]));
        }
    }

    /** The facts of one form as sipas reads it, in the shape of a line of expected.csv. */
    static String facts(String file, byte[] content) {
        try {
            MethodologyFiles.Read read = MethodologyFiles.read(file, content, Origin.YAML);
            Methodology m = read.methodology();
            return file + ",imported," + String.join(" ", m.languages()) + "," + m.questions().count() + ","
                    + m.sections().size() + ",,,";
        } catch (ImportRejectedException e) {
            RowError first = e.errors().get(0);
            String sheet = first.file().contains(" › ") ? first.file().substring(first.file().indexOf(" › ") + 3) : "";
            return file + ",refused,,,," + first.code().replace("methodology.error.", "") + "," + sheet + "," + first.line();
        }
    }

    private static List<Expected> expected() throws IOException {
        try (InputStream in = XlsFormCorpusTest.class.getResourceAsStream(CORPUS + "expected.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return lines.subList(1, lines.size()).stream().map(Expected::parse).toList();
        }
    }

    private static byte[] form(String file) throws IOException {
        try (InputStream in = XlsFormCorpusTest.class.getResourceAsStream(CORPUS + file)) {
            assertThat(in).as(file).isNotNull();
            byte[] content = in.readAllBytes();
            return file.endsWith(".md") ? workbookOfMarkdown(new String(content, StandardCharsets.UTF_8)) : content;
        }
    }

    /**
     * A form written as pyxform's tests write one: a markdown table whose first column names the
     * sheet where it starts and is empty on the sheet's rows; made into the workbook it stands for.
     */
    static byte[] workbookOfMarkdown(String markdown) {
        java.util.Map<String, List<String[]>> sheets = new java.util.LinkedHashMap<>();
        List<String[]> rows = null;
        for (String line : markdown.lines().map(String::strip).filter(l -> l.startsWith("|")).toList()) {
            String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            if (!cells[0].isEmpty()) {
                rows = sheets.computeIfAbsent(cells[0], k -> new ArrayList<>());
            }
            String[] rest = java.util.Arrays.copyOfRange(cells, 1, cells.length);
            if (rows != null && java.util.Arrays.stream(rest).anyMatch(c -> !c.isEmpty())) {
                rows.add(rest);
            }
        }
        java.util.Map<String, String[][]> tables = new java.util.LinkedHashMap<>();
        sheets.forEach((name, r) -> tables.put(name, r.toArray(String[][]::new)));
        return XlsFormWorkbooks.workbook(tables);
    }

    @Test
    void everyFormOfTheCorpusImportsAsItsSourceSaysOrIsRefusedWithTheFeatureNamed() throws IOException {
        List<Expected> expected = expected();
        List<String> wrong = new ArrayList<>();
        for (Expected e : expected) {
            byte[] content = form(e.file());
            String line = facts(e.file(), content);
            String want = e.file() + "," + e.outcome() + "," + e.languages() + "," + (e.questions() < 0 ? "" : e.questions())
                    + "," + (e.sections() < 0 ? "" : e.sections()) + "," + e.error() + "," + e.sheet() + ","
                    + (e.row() < 0 ? "" : e.row());
            if (!line.equals(want)) {
                wrong.add("expected " + want + "\n     got " + line);
            }
            if (e.outcome().equals("imported") && line.equals(want)) {
                MethodologyFiles.Read read = MethodologyFiles.read(e.file(), content, Origin.YAML);
                Methodology m = read.methodology();
                assertThat(MethodologyFiles.readStored(m.code(), m.version(), read.source())).as(e.file()).isEqualTo(m);
                assertThat(MethodologyFiles.read("export.xlsx", XlsFormWriter.write(m), Origin.YAML).methodology())
                        .as(e.file() + " exported and imported again").isEqualTo(m);
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    /** The languages a form's label columns are written in, as its headers name them, whether sipas takes the form or not. */
    static Set<String> written(byte[] workbook) throws IOException {
        Set<String> languages = new LinkedHashSet<>();
        try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(workbook))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : book) {
                org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
                for (org.apache.poi.ss.usermodel.Cell cell : header == null ? List.<org.apache.poi.ss.usermodel.Cell>of() : header) {
                    String text = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            ? cell.getStringCellValue().strip() : "";
                    if (text.toLowerCase(java.util.Locale.ROOT).startsWith("label:")) {
                        languages.add(XlsFormReader.language(text.substring(text.lastIndexOf(':') + 1)));
                    }
                }
            }
        }
        return languages;
    }

    @Test
    void theCorpusHoldsThirtyFormsInFiveLanguagesWithArabicKoreanACascadeAndARepeat() throws IOException {
        List<Expected> expected = expected();
        Set<String> languages = new LinkedHashSet<>();
        for (Expected e : expected) {
            languages.addAll(written(form(e.file())));
        }

        assertThat(expected).hasSizeGreaterThanOrEqualTo(30);
        assertThat(languages).as("languages written in the corpus").contains("en", "fr", "ko", "ru", "ky", "ach", "id", "ar");
        assertThat(expected).anyMatch(e -> e.file().contains("cascad") && e.outcome().equals("imported"));
        assertThat(expected).anyMatch(e -> e.error().equals("repeatUnsupported"));
        assertThat(expected).as("a CJK form that imports")
                .anyMatch(e -> e.outcome().equals("imported") && List.of(e.languages().split(" ")).contains("ko"));
    }

    /**
     * pyxform's {@code test_duplicate_choices_with_allow_choice_duplicates_setting_and_translations}
     * (tests/test_choices_sheet.py, line 251): under {@code allow_choice_duplicates: Yes} the list
     * keeps its four choices, the code {@code c} twice, in English and Korean, as pyxform's
     * expected itext says; sipas says so in a warning at the second {@code c}.
     */
    @Test
    void theKoreanFormThatAllowsChoiceDuplicatesKeepsEveryLabelAndSaysSo() throws IOException {
        MethodologyFiles.Read read = MethodologyFiles.read("pyxform-choices-duplicates-en-ko.md",
                form("pyxform-choices-duplicates-en-ko.md"), Origin.YAML);

        Methodology m = read.methodology();
        assertThat(m.allowChoiceDuplicates()).isTrue();
        List<ChoiceList.Choice> choices = m.choiceList("list").orElseThrow().choices();
        assertThat(choices).extracting(ChoiceList.Choice::code).containsExactly("a", "b", "c", "c");
        assertThat(choices).extracting(c -> c.label().text("en")).containsExactly("Pass", "Fail", "Skipped", "Not Applicable");
        assertThat(choices).extracting(c -> c.label().text("ko")).containsExactly("패스", "실패", "건너뛴", "해당 없음");
        assertThat(m.question("S1").orElseThrow().label().text("ko")).isEqualTo("질문 1");
        assertThat(read.problems().warnings()).filteredOn(w -> w.code().equals("methodology.warning.choiceDuplicate"))
                .singleElement().satisfies(w -> {
                    assertThat(w.file()).endsWith(" › choices");
                    assertThat(w.line()).isEqualTo(5);
                    assertThat(w.column()).isEqualTo("name");
                    assertThat(w.args()).containsExactly("c", "list");
                });
    }

    /**
     * Prints the facts of every form in a folder, each in the shape of a line of expected.csv:
     * how a new form's line is drafted, before it is checked against the form's own source.
     */
    public static void main(String[] args) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path path : files.sorted().filter(p -> !p.endsWith("README.md") && !p.endsWith("expected.csv")).toList()) {
                byte[] bytes = path.toString().endsWith(".md")
                        ? workbookOfMarkdown(Files.readString(path)) : Files.readAllBytes(path);
                System.out.println(facts(path.getFileName().toString(), bytes));
                try {
                    MethodologyFiles.read(path.getFileName().toString(), bytes, Origin.YAML);
                } catch (ImportRejectedException e) {
                    e.errors().forEach(r -> System.out.println("   " + r));
                }
            }
        }
    }
}
