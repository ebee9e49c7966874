package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiacriticsTest {

    @Test
    void vietnameseWithAndWithoutMarksFoldsToTheSameWords() {
        assertThat(Diacritics.fold("  Cấp   Tỉnh ")).isEqualTo("cap tinh");
        assertThat(Diacritics.fold("CAP TINH")).isEqualTo("cap tinh");
        assertThat(Diacritics.fold("Đường Đồng Khởi")).isEqualTo("duong dong khoi");
        // composed (NFC) and decomposed (NFD) input fold alike
        assertThat(Diacritics.fold("Nhie\u0302\u0300u ca\u0302\u0301p")).isEqualTo(Diacritics.fold("Nhiều cấp")).isEqualTo("nhieu cap");
    }
}
