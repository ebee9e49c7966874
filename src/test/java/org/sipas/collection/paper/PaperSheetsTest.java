package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shipped Đồng Nai 2020 questionnaire laid out on paper: skip instructions and keyed codes derived from its rules. */
@SpringBootTest
class PaperSheetsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    PaperSheets sheets;
    @Autowired
    JdbcClient jdbc;

    @Test
    void skipInstructionsAndConditionsAreDerivedFromTheRelevanceRules() {
        PaperSheet sheet = sheets.sheet("dong-nai-2020", 1, nation(), VI);
        PaperQuestion sent = sheet.question("feedback_sent").orElseThrow();
        PaperQuestion asked = sheet.question("dn08").orElseThrow();
        assertThat(asked.number()).isEqualTo(sent.number() + 2);
        assertThat(asked.onlyIf()).isEqualTo("Chỉ trả lời nếu câu " + sent.number() + " là 1.");
        // dn07, right after it, is asked of everybody: the paper says which question to leave out
        assertThat(sent.skips()).containsExactly("Nếu trả lời 2, bỏ qua câu " + asked.number() + ".");

        PaperQuestion online = sheet.question("utilities_used").orElseThrow();
        assertThat(sheet.questions().get(online.number()).onlyIf())
                .isEqualTo("Chỉ trả lời nếu câu " + online.number() + " có chọn 1.");
        // a condition on several questions is printed in words, with question numbers
        String role = sheet.questions().stream().filter(q -> q.onlyIf() != null && q.onlyIf().startsWith("Chỉ trả lời nếu: "))
                .findFirst().orElseThrow().onlyIf();
        assertThat(role).contains("câu 2 <= 2 hoặc câu 3 <= 2 hoặc câu 4 <= 2");
    }

    @Test
    void choicesAreKeyedByTheirPrintedPositionAndDatesAsEightDigits() {
        PaperSheet sheet = sheets.sheet("dong-nai-2020", 1, nation(), VI);
        assertThat(sheet.typed(Map.of("utilities_used", "1, 2", "feedback_sent", "2", "respondent_type", "9")))
                .containsEntry("utilities_used", "truc_tuyen buu_chinh").containsEntry("feedback_sent", "khong")
                .containsEntry("respondent_type", "9");
        assertThat(sheet.keyed("utilities_used", "truc_tuyen buu_chinh")).isEqualTo("1 2");
        assertThat(sheet.shown("feedback_sent", "co")).isEqualTo("1 · Có");
    }

    private long nation() {
        return jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
    }
}
