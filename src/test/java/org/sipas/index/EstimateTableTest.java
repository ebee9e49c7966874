package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class EstimateTableTest {

    @Test
    void numbersKeepEveryDigitWithoutAnExponentAndAnEmptyFigureIsNa() {
        for (double value : new double[] {84.6799782188944, 1e-5, 0.1 + 0.2, 123456789.125, -3.25, 5e-324, 0.0, 50.0}) {
            String written = lastLine(new IndexEstimate("c1", "criterion", 3, value, null, null, null, null)).split(",")[5];
            assertThat(written).doesNotContain("E").doesNotStartWith("'");
            assertThat(Double.parseDouble(written)).isEqualTo(value);
        }
        assertThat(lastLine(new IndexEstimate("c1", "criterion", 3, 0.0, 50.0, null, null, null)))
                .isEqualTo("channel,web,criterion,c1,3,0,50,NA,NA,NA");
    }

    private static String lastLine(IndexEstimate estimate) {
        String csv = new String(EstimateTable.csv(List.of(new AnalysisSample.DomainEstimate("channel", "web", estimate)), false),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        return lines[lines.length - 1];
    }

    @Test
    void aDomainNamedLikeAFormulaIsTextInEitherCsvAsTheProductsOneCsvWriterWritesIt() {
        List<AnalysisSample.DomainEstimate> rows = List.of(new AnalysisSample.DomainEstimate("channel", "=cmd()",
                new IndexEstimate("c1", "criterion", 3, 50.0, 50.0, 0.0, 50.0, 50.0)));
        String forExcel = new String(EstimateTable.csv(rows, true), StandardCharsets.UTF_8);
        String forPrograms = new String(EstimateTable.csv(rows, false), StandardCharsets.UTF_8);

        assertThat(forExcel).isEqualTo("\uFEFF" + String.join(",", EstimateTable.COLUMNS)
                + "\r\nchannel,'=cmd(),criterion,c1,3,50,50,0,50,50\r\n");
        assertThat(forPrograms).isEqualTo(String.join(",", EstimateTable.COLUMNS) + "\r\nchannel,'=cmd(),criterion,c1,3,50,50,0,50,50\r\n");
    }
}
