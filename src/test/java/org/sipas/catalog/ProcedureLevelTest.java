package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcedureLevelTest {

    @ParameterizedTest
    @CsvSource({
            "Trung ương, CENTRAL", "Cấp Tỉnh, PROVINCE", "tinh, PROVINCE", "Xã, COMMUNE", "CẤP XÃ, COMMUNE",
            "Nhiều cấp, MULTI", "nhieu  cap, MULTI", "COMMUNE, COMMUNE", "central, CENTRAL"})
    void theNationalCatalogsWordsAndTheEnglishNamesAreLevels(String written, ProcedureLevel level) {
        assertThat(ProcedureLevel.parse(written)).contains(level);
    }

    @ParameterizedTest
    @CsvSource({"Huyện", "Cấp", "''"})
    void otherWordsAreNotLevels(String written) {
        assertThat(ProcedureLevel.parse(written)).isEmpty();
    }
}
