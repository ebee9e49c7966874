package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sipas.methodology.MethodologyRepository.Origin;

class CodebookCsvTest {

    private static String shipped(String name) throws IOException {
        try (InputStream in = CodebookCsvTest.class.getResourceAsStream("/methodology/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNegativeScaleCodeStaysANumberWhileALabelStartingLikeAFormulaIsNeutralised() throws IOException {
        String yaml = shipped("dong-nai-2020.yaml")
                .replace("{code: 9, vi: \"Không trả lời\"", "{code: -9, vi: \"Không trả lời\"")
                .replace("vi: \"Không áp dụng\"", "vi: \"=HYPERLINK(\\\"http://x.example\\\")\"");
        Methodology methodology = MethodologyFiles.read("dong-nai.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                Origin.YAML).methodology();

        String csv = new String(Codebook.of(methodology).csv(), StandardCharsets.UTF_8);

        assertThat(csv).contains(",SCALE,-9,Không trả lời,No answer,true,false")
                .contains(",SCALE,0,\"'=HYPERLINK(\"\"http://x.example\"\")\",Not applicable,true,false")
                .doesNotContain(",=HYPERLINK");
    }
}
