package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sipas.collection.InTheBrowser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A province's administrator in Debian's Chromium reads the ranking of 2024, the province's trend
 * (its line drawn from the table by the shared charts script) with the radar of its fields, and two
 * units side by side: axe finds no serious problem and no page is wider than a 360 px phone.
 */
class IndexInTheBrowserTest extends InTheBrowser {

    private static final String PASSWORD = "Chỉ-số-2024-mạnh!";

    @Autowired
    IndexFixtures fixtures;
    @Autowired
    IndexValues values;
    @Autowired
    CurrentUsers users;
    @Autowired
    StaffAccounts accounts;

    @Test
    void theRankingTrendRadarAndComparisonPassAxeAt360And1280AndTheTrendIsDrawn() {
        IndexFixtures.Province p = fixtures.province("IBR");
        String csv = """
                unit_code,year,node_code,value
                %1$s,2023,LV7,12
                %1$s,2023,LV5,11
                %1$s,2024,LV7,13
                %1$s,2024,LV2,9
                %1$s,2024,LV3,12.5
                %1$s,2024,LV5,16
                %1$s,2024,LV1,0.5
                %2$s,2024,LV4,11
                %2$s,2024,LV2,9.5
                """.formatted(p.code(), "IBR-C1");
        users.runAs(p.nationalAdmin(), () -> values.importPublished("par.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "par-index-tinh"));
        accounts.create("ibr-quan-tri", "Quản trị IBR", p.province(), Set.of(Role.PROVINCE_ADMIN), PASSWORD);
        signIn("ibr-quan-tri", PASSWORD);

        open("/indices");
        checkAtPhoneAndDesktop("the indices");
        open("/indices/par-index-tinh?year=2024");
        assertThat(browser.findElement(By.id("ranking")).getText()).contains("Tỉnh IBR").contains("51");
        checkAtPhoneAndDesktop("the ranking of 2024");
        open("/indices/par-index-tinh/units/" + p.code());
        wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn")));
        assertThat(browser.findElements(By.cssSelector(".radar svg polygon"))).hasSize(5);
        checkAtPhoneAndDesktop("the province's trend and radar");
        open("/indices/par-index-tinh/compare?a=" + p.code() + "&b=IBR-C1&year=2024");
        assertThat(browser.findElement(By.id("compare")).getText()).contains("Phường Một IBR");
        checkAtPhoneAndDesktop("two units side by side");
    }
}
