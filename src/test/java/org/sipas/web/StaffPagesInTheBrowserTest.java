package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.Chromium;
import org.sipas.collection.InTheBrowser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff pages in Debian's Chromium at a phone's 360 px and at a desktop's 1280 px: none is
 * wider than the window (a wide table scrolls inside its own frame, which the keyboard can
 * reach), axe-core finds no serious problem, and the grouped navigation opens. Screenshots are
 * kept under {@code target/screenshots/staff/}.
 */
class StaffPagesInTheBrowserTest extends InTheBrowser {

    private static final Path SHOTS = Path.of("target", "screenshots", "staff");

    @Autowired
    FieldworkFixtures fixtures;

    @Test
    void everyPageTheAdministratorOpensFitsAPhoneAndADesktop() throws IOException {
        FieldworkFixtures.InField field = fixtures.inField("SPB", "mot-cua-2018", 120, Map.of("ONLINE", 1));
        signIn("admin", "test-admin-password");

        List<String> pages = new ArrayList<>();
        Navigation.pages().forEach(p -> pages.add(p.path()));
        pages.removeAll(List.of("/cati", "/capi", "/paper/entry", "/rechecks", "/partner/cases")); // the interviewers', clerks', re-checkers' and partners' own
        long id = field.campaignId();
        pages.addAll(List.of("/campaigns/" + id, "/campaigns/" + id + "/response-rates", "/campaigns/" + id + "/slips",
                "/campaigns/new", "/methodologies/mot-cua-2018/1", "/dashboards?campaign=" + id, "/account/password",
                "/campaigns/" + id + "/sample-review", "/campaigns/" + id + "/paper/handout", "/campaigns/" + id + "/training",
                "/campaigns/" + id + "/training/quiz", "/training/" + id + "/practice/1"));

        List<String> problems = new ArrayList<>();
        for (int width : new int[] {Chromium.PHONE, Chromium.DESKTOP}) {
            chromium.resize(width);
            for (String page : pages) {
                open(page);
                problems.addAll(chromium.problemsAtThisWidth(width + " px " + page));
                String name = page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
                chromium.screenshot(SHOTS.resolve((name.isEmpty() ? "home" : name) + "-" + width + ".png"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theNavigationGroupsOpenAndLeadToTheirPages() {
        chromium.resize(Chromium.PHONE);
        signIn("admin", "test-admin-password");
        open("/");
        browser.findElement(By.xpath("//nav[@class='menu']//summary[.='Khảo sát']")).click();
        browser.findElement(By.xpath("//nav[@class='menu']//a[.='Đợt khảo sát']")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/campaigns"));
        assertThat(browser.findElement(By.cssSelector("nav.menu a[aria-current='page']")).getAttribute("textContent")).isEqualTo("Đợt khảo sát");
    }
}
