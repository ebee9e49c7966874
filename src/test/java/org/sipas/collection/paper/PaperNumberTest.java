package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaperNumberTest {

    @Test
    void aNumberReadsBackAsKeyedPrintedOrScanned() {
        PaperNumber number = new PaperNumber(12, 47);
        assertThat(number.text()).hasSize(8).startsWith("1200047");
        assertThat(number.printed()).isEqualTo("12 00047 " + number.text().charAt(7));
        assertThat(PaperNumber.parse(number.text())).isEqualTo(number);
        assertThat(PaperNumber.parse(number.printed())).isEqualTo(number);
        assertThat(PaperNumber.parse("https://sipas.example.vn/paper/entry/" + number.text())).isEqualTo(number);
    }

    @Test
    void everySingleWrongDigitAndEverySwapOfNeighboursIsRefused() {
        String text = new PaperNumber(3081, 12345).text();
        for (int i = 0; i < text.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != text.charAt(i) && !(i == 0 && d == '0')) {
                    String typo = text.substring(0, i) + d + text.substring(i + 1);
                    assertThatThrownBy(() -> PaperNumber.parse(typo)).as(typo).isInstanceOf(PaperNumber.Invalid.class);
                }
            }
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) != text.charAt(i + 1) && !(i == 0 && text.charAt(1) == '0')) {
                String swapped = text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);
                assertThatThrownBy(() -> PaperNumber.parse(swapped)).as(swapped).isInstanceOf(PaperNumber.Invalid.class);
            }
        }
    }

    @Test
    void aWrongCheckDigitIsNamedAsSuch() {
        String text = new PaperNumber(7, 1).text();
        String wrong = text.substring(0, text.length() - 1) + (char) ('0' + (text.charAt(text.length() - 1) - '0' + 1) % 10);
        assertThatThrownBy(() -> PaperNumber.parse(wrong)).hasMessage("paper.number.check");
        assertThatThrownBy(() -> PaperNumber.parse("")).hasMessage("paper.number.required");
        assertThatThrownBy(() -> PaperNumber.parse("12a45678")).hasMessage("paper.number.digits");
        assertThatThrownBy(() -> PaperNumber.parse("123")).hasMessage("paper.number.length");
    }
}
