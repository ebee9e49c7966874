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
            return in.readAllBytes();
        }
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
            if (e.outcome().equals("imported")) {
                MethodologyFiles.Read read = MethodologyFiles.read(e.file(), content, Origin.YAML);
                Methodology m = read.methodology();
                assertThat(MethodologyFiles.readStored(m.code(), m.version(), read.source())).as(e.file()).isEqualTo(m);
                assertThat(MethodologyFiles.read("export.xlsx", XlsFormWriter.write(m), Origin.YAML).methodology())
                        .as(e.file() + " exported and imported again").isEqualTo(m);
            }
        }
        assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
    }

    @Test
    void theCorpusHoldsThirtyFormsInFiveLanguagesWithRightToLeftCjkACascadeAndARepeat() throws IOException {
        List<Expected> expected = expected();
        Set<String> languages = new LinkedHashSet<>();
        expected.forEach(e -> languages.addAll(List.of(e.languages().split(" "))));
        languages.remove("");

        assertThat(expected).hasSizeGreaterThanOrEqualTo(30);
        assertThat(languages).hasSizeGreaterThanOrEqualTo(5).contains("ar", "zh");
        assertThat(expected).anyMatch(e -> e.file().contains("cascad") && e.outcome().equals("imported"));
        assertThat(expected).anyMatch(e -> e.error().equals("repeatUnsupported"));
    }

    /** Prints the facts of every workbook under {@code -Dcorpus.dir}, to write expected.csv after reading each form. */
    @Test
    void printFactsOfAFolderWhenAsked() throws IOException {
        String dir = System.getProperty("corpus.dir");
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path path : files.sorted().toList()) {
                System.out.println("FACTS " + facts(path.getFileName().toString(), Files.readAllBytes(path)));
                try {
                    MethodologyFiles.read(path.getFileName().toString(), Files.readAllBytes(path), Origin.YAML);
                } catch (ImportRejectedException e) {
                    e.errors().stream().limit(4).forEach(r -> System.out.println("   ERR " + r.line() + " " + r.column() + " " + r.code() + " " + r.args()));
                }
            }
        }
    }
}
