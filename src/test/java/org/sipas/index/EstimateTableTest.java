package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class EstimateTableTest {

    @Test
    void numbersKeepEveryDigitWithoutAnExponentAndAnEmptyFigureIsNa() {
        for (double value : new double[] {84.6799782188944, 1e-5, 0.1 + 0.2, 123456789.125, -3.25, 5e-324}) {
            String written = EstimateTable.number(value);
            assertThat(written).doesNotContain("E");
            assertThat(Double.parseDouble(written)).isEqualTo(value);
        }
        assertThat(EstimateTable.number(0.0)).isEqualTo("0");
        assertThat(EstimateTable.number(50.0)).isEqualTo("50");
        assertThat(EstimateTable.number(null)).isEqualTo("NA");
    }

    @Test
    void aDomainNamedLikeAFormulaIsTextInTheSpreadsheetCsvAndUntouchedForPrograms() {
        List<AnalysisSample.DomainEstimate> rows = List.of(new AnalysisSample.DomainEstimate("channel", "=cmd()",
                new IndexEstimate("c1", "criterion", 3, 50.0, 50.0, 0.0, 50.0, 50.0)));
        String forExcel = new String(EstimateTable.csv(rows, true), StandardCharsets.UTF_8);
        String forPrograms = new String(EstimateTable.csv(rows, false), StandardCharsets.UTF_8);

        assertThat(forExcel).isEqualTo("\uFEFF" + String.join(",", EstimateTable.COLUMNS)
                + "\nchannel,'=cmd(),criterion,c1,3,50,50,0,50,50\n");
        assertThat(forPrograms).endsWith("\nchannel,=cmd(),criterion,c1,3,50,50,0,50,50\n");
    }
}
