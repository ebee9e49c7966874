package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.XlsFormWorkbooks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A questionnaire imported from an XLSForm written in Vietnamese, Arabic and Chinese, opened by a
 * citizen in Debian's Chromium: in Arabic the questions are laid out right to left and read in
 * Arabic, in Chinese they are marked as Chinese, left to right.
 */
class RightToLeftQuestionnaireInTheBrowserTest extends BrowserJourney {

    private static final String ARABIC_QUESTION = "ما مدى رضاك عن خدمة مركز الإدارة العامة (Một cửa)؟";
    private static final String ARABIC_SATISFIED = "راضٍ جدًا";
    private static final String ARABIC_NOT_SATISFIED = "غير راضٍ";
    private static final String CHINESE_QUESTION = "您对“一站式”窗口的服务满意吗？";
    private static final String CHINESE_SATISFIED = "非常满意";

    @Autowired
    Methodologies methodologies;

    RightToLeftQuestionnaireInTheBrowserTest() {
        super(true);
    }

    /** The form as a province's survey firm writes it for ODK, one label column per language. */
    private static byte[] form(String code) {
        return XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label::Tiếng Việt (vi)", "label::Arabic (ar)", "label::Chinese (zh)"},
                        {"select_one muc_do", "hai_long", "Ông/Bà hài lòng với dịch vụ của Bộ phận Một cửa không?",
                                ARABIC_QUESTION, CHINESE_QUESTION},
                        {"text", "gop_y", "Góp ý của Ông/Bà", "ملاحظاتك", "您的意见"},
                },
                "choices", new String[][] {
                        {"list_name", "name", "label::Tiếng Việt (vi)", "label::Arabic (ar)", "label::Chinese (zh)"},
                        {"muc_do", "1", "Rất hài lòng", ARABIC_SATISFIED, CHINESE_SATISFIED},
                        {"muc_do", "2", "Không hài lòng", ARABIC_NOT_SATISFIED, "不满意"},
                },
                "settings", new String[][] {{"form_id", "form_title::Tiếng Việt (vi)", "form_title::Arabic (ar)"},
                        {code, "Phiếu ba thứ tiếng", "استبيان الرضا"}}));
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    @Test
    void inArabicTheQuestionnaireReadsRightToLeftInArabicAndInChineseItIsMarkedChinese() {
        String code = "rtl-" + UUID.randomUUID().toString().substring(0, 8);
        XlsFormWorkbooks.store(methodologies, "ba-thu-tieng.xlsx", form(code));
        methodologies.freeze(code, 1);
        String token = tokens.issue(code, 1, null, null);
        List<String> violations = new ArrayList<>();

        browser.get(url("/s/" + token + "?lang=ar"));
        WebElement main = browser.findElement(By.tagName("main"));
        assertThat(main.getDomAttribute("lang")).isEqualTo("ar");
        assertThat(main.getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(script("return getComputedStyle(document.querySelector('main')).direction")).isEqualTo("rtl");
        WebElement satisfied = browser.findElement(By.id("a-hai_long-1"));
        assertThat(script("return getComputedStyle(arguments[0]).direction", satisfied)).isEqualTo("rtl");
        assertThat(main.getText()).contains(ARABIC_QUESTION, ARABIC_SATISFIED, ARABIC_NOT_SATISFIED, "ملاحظاتك")
                .doesNotContain("Rất hài lòng", CHINESE_QUESTION);
        // the radio of the first choice sits right of its Arabic words, as a right-to-left reader expects
        WebElement words = satisfied.findElement(By.xpath("following-sibling::span"));
        assertThat(satisfied.getRect().getX()).isGreaterThan(words.getRect().getX());
        assertThat(browser.findElement(By.cssSelector("header nav a[lang=ar]")).getText()).isEqualTo("العربية");
        violations.addAll(Axe.seriousViolations(browser, "the questionnaire in Arabic"));

        browser.get(url("/s/" + token + "?lang=zh"));
        main = browser.findElement(By.tagName("main"));
        assertThat(main.getDomAttribute("lang")).isEqualTo("zh");
        assertThat(main.getDomAttribute("dir")).isNull();
        assertThat(script("return getComputedStyle(document.querySelector('main')).direction")).isEqualTo("ltr");
        assertThat(main.getText()).contains(CHINESE_QUESTION, CHINESE_SATISFIED).doesNotContain(ARABIC_QUESTION);

        violations.forEach(System.out::println);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }
}
