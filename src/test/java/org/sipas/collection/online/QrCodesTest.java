package org.sipas.collection.online;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void aSurveyLinkDrawnAsSvgDecodesBackToTheLink() {
        String link = "https://khaosat.dongnai.gov.vn/s/Abc-_0123456789xyzXYZ_-ab";
        String svg = QrCodes.svg(link, "Mã QR \"hồ sơ\" <1>");

        assertThat(QrReading.texts(svg)).containsExactly(link);
        // the label is escaped, so a receipt code cannot break the page
        assertThat(svg).contains("aria-label=\"Mã QR &quot;hồ sơ&quot; &lt;1&gt;\"").doesNotContain("<1>");
    }

    @Test
    void theCodeKeepsItsQuietZoneOfFourModules() {
        String svg = QrCodes.svg("https://x.vn/s/abc", "QR");
        assertThat(svg).doesNotContainPattern("M[0-3],").doesNotContainPattern("M\\d+,[0-3]\\.5h");
    }
}
