package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The firewall's character-by-character rules accept and refuse exactly what its regular expressions did. */
class HeaderRulesTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsRegularExpressionsJudgeIt() {
        List<String> texts = new ArrayList<>(List.of("", "Idempotency-Key", "Thủ tục hành chính", "a\tb", "a\nb", "a|b",
                "\u0000", "\u007f", "\u0085", "\ud83d\ude00", "\ud800", "x\udc00y"));
        for (int c = 0; c <= Character.MAX_CODE_POINT; c += c < 0x3000 ? 1 : 97) {
            texts.add("k" + new String(Character.toChars(c)));
        }
        for (String text : texts) {
            assertThat(HeaderRules.isAssignedWithoutControls(text)).as("name %s", text.codePoints().boxed().toList())
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderRules.isAssignedWithoutControlsButTabs(text)).as("value %s", text.codePoints().boxed().toList())
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }
}
