package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sipas.collection.Chromium;
import org.sipas.collection.InTheBrowser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province's survey manager's first week, in Debian's Chromium at a phone's 360 px: signs in
 * with the one-time password and changes it, imports officials and dossiers from the templates the
 * pages offer, creates a campaign from the form's defaults for the own province, draws and starts
 * it, and gives phone and face-to-face cases to an interviewer. On every page visited, at 360 px
 * and at 1280 px: no serious axe-core violation and nothing wider than the window; screenshots are
 * kept under {@code target/screenshots/first-week/}.
 */
class FirstWeekInTheBrowserTest extends InTheBrowser {

    private static final Path SHOTS = Path.of("target", "screenshots", "first-week");
    private static final String PREFIX = "FWK";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    org.sipas.campaign.SampleReviews sampleReviews;

    private final List<String> problems = new ArrayList<>();
    private int step;

    @Test
    void aProvinceManagerSetsUpAndStartsTheFirstSurvey() throws Exception {
        long province = catalog();
        String oneTime = users.runAs(new org.sipas.identity.CurrentUser("admin", Set.of(Role.ADMIN), nation()),
                () -> accounts.create("qlt-fwk", "Quản lý khảo sát tỉnh", province, Set.of(Role.PROVINCE_ADMIN), null));
        users.runAs(new org.sipas.identity.CurrentUser("admin", Set.of(Role.ADMIN), nation()),
                () -> accounts.create("dtv-fwk", "Điều tra viên Tuần Đầu", province, Set.of(Role.INTERVIEWER), "mat-khau-dtv-fwk"));
        chromium.resize(Chromium.PHONE);

        // day 1: sign in with the one-time password, which must be changed first
        signIn("qlt-fwk", oneTime);
        waitFor("/account/password");
        check("password");
        browser.findElement(By.id("current")).sendKeys(oneTime);
        browser.findElement(By.id("replacement")).sendKeys("Tuần-đầu-tiên-2026!");
        browser.findElement(By.id("confirmation")).sendKeys("Tuần-đầu-tiên-2026!");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("p.ok[role=status]")).isEmpty()
                || !d.findElements(By.cssSelector("p.errors[role=alert]")).stream().filter(e -> !e.getText().contains("dùng một lần")).toList().isEmpty());
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Đã đổi mật khẩu");
        check("password-changed");

        // day 2: the officials, from the template the page offers
        open("/officials");
        check("officials");
        String officials = download(browser.findElement(By.cssSelector("a[href='/officials/template.csv']")).getAttribute("href"));
        String header = officials.lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo("\uFEFFstaff_code,full_name,title,unit_code,active");
        upload("/officials", header + "\n" + PREFIX + "-CC1,Trần Thị Bình,Công chức một cửa," + PREFIX + "-C1,có\n"
                + PREFIX + "-CC2,Lê Văn Cường,Công chức một cửa," + PREFIX + "-C2,có\n", "cong-chuc.csv");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("lỗi");
        check("officials-imported");

        // day 3: the dossiers of the quarter, from the dossier template
        open("/dossiers");
        check("dossiers");
        String template = download(browser.findElement(By.cssSelector("a[href='/dossiers/template.csv']")).getAttribute("href"));
        StringBuilder dossiers = new StringBuilder(template.lines().findFirst().orElseThrow()).append('\n');
        for (int i = 1; i <= 40; i++) {
            String commune = PREFIX + (i % 2 == 0 ? "-C1" : "-C2");
            dossiers.append(PREFIX).append("-HS-").append(i).append(',').append(PREFIX).append("-T1,").append(commune)
                    .append(",Công dân,Người dân ").append(i).append(",09123").append(String.format("%05d", i))
                    .append(",").append(String.format("%02d", 1 + i % 28)).append("/11/2026 08:30,,,")
                    .append(PREFIX).append(i % 2 == 0 ? "-CC1" : "-CC2").append(",,Trực tiếp,Đã trả kết quả\n");
        }
        upload("/dossiers", dossiers.toString(), "ho-so-quy-4.csv");
        assertThat(jdbc.sql("SELECT count(*) FROM dossier WHERE receipt_code LIKE 'FWK-HS-%'").query(Long.class).single()).isEqualTo(40);
        check("dossiers-imported");

        // day 4: a campaign from the form's defaults: the own province, nothing invented
        open("/campaigns");
        check("campaigns");
        assertThat(browser.findElement(By.id("scopeUnitCode")).getAttribute("value")).isEqualTo(PREFIX + "-P");
        assertThat(browser.findElement(By.id("target")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("fixedCosts")).getAttribute("value")).isEmpty();
        browser.findElement(By.id("name")).sendKeys("Quý IV/2026 tuần đầu");
        browser.findElement(By.id("target")).sendKeys("20");
        WebElement minimum = browser.findElement(By.id("minimum"));
        minimum.clear();
        minimum.sendKeys("5");
        browser.findElement(By.id("phoneShare")).sendKeys("50");
        browser.findElement(By.id("phoneCost")).sendKeys("40000");
        browser.findElement(By.id("faceToFaceShare")).sendKeys("50");
        browser.findElement(By.id("faceToFaceCost")).sendKeys("120000");
        submit(browser.findElement(By.id("fixedCosts")));
        wait.until(d -> d.getCurrentUrl().matches(".*/campaigns/\\d+$"));
        String campaign = browser.getCurrentUrl().replaceAll(".*/campaigns/", "");
        check("campaign-draft");

        // draw, then start fieldwork
        browser.findElement(By.cssSelector("form[action$='/draw'] button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("form[action$='/start']")).isEmpty());
        check("campaign-drawn");
        // the province-wide sample goes to the level above: the nation's administrator approves it
        users.runAs(new org.sipas.identity.CurrentUser("admin", Set.of(Role.ADMIN), nation()),
                () -> sampleReviews.approve(Long.parseLong(campaign), "Mẫu đạt yêu cầu"));
        open("/campaigns/" + campaign + "/sample-review");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Đã được thông qua");
        open("/campaigns/" + campaign);
        browser.findElement(By.cssSelector("form[action$='/start'] button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("form[action$='/close']")).isEmpty());
        check("campaign-in-field");

        // day 5: phone cases to the interviewer, then every face-to-face case
        open("/cati/supervision?campaign=" + campaign);
        check("cati-supervision");
        List<WebElement> picks = browser.findElements(By.cssSelector("#assign input[name=case]:not([disabled])"));
        assertThat(picks).isNotEmpty();
        picks.forEach(WebElement::click);
        new Select(browser.findElement(By.id("assign-to"))).selectByValue("dtv-fwk");
        browser.findElement(By.cssSelector("#assign button[type=submit]")).click();
        waitFor("/cati/supervision");
        assertThat(browser.findElement(By.cssSelector("p.ok[role=status]")).getText()).contains("ca đã được giao cho dtv-fwk");

        open("/fieldwork/face-to-face?campaign=" + campaign);
        check("face-to-face");
        new Select(browser.findElement(By.id("to"))).selectByValue("dtv-fwk");
        browser.findElement(By.cssSelector("button[name=all]")).click();
        waitFor("/fieldwork/face-to-face");
        assertThat(browser.findElement(By.cssSelector("p.ok[role=status]")).getText()).contains("ca đã được giao cho dtv-fwk");
        check("face-to-face-assigned");

        long held = jdbc.sql("""
                        SELECT count(*) FROM sample_member
                        WHERE campaign_id = :c AND assigned_to = 'dtv-fwk' AND role = 'SAMPLE' AND state = 'ACTIVE'""")
                .param("c", Long.parseLong(campaign)).query(Long.class).single();
        long sample = jdbc.sql("SELECT count(*) FROM sample_member WHERE campaign_id = :c AND role = 'SAMPLE' AND state = 'ACTIVE'")
                .param("c", Long.parseLong(campaign)).query(Long.class).single();
        assertThat(held).isEqualTo(sample);
        assertThat(problems).isEmpty();
    }

    // ---- the steps -----------------------------------------------------------------------------

    private void waitFor(String path) {
        wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    /** The page as it stands, at 360 px and at 1280 px: axe, width and a screenshot of each. */
    private void check(String name) throws IOException {
        step++;
        for (int width : new int[] {Chromium.PHONE, Chromium.DESKTOP}) {
            chromium.resize(width);
            problems.addAll(chromium.problemsAtThisWidth(width + " px " + name));
            chromium.screenshot(SHOTS.resolve(String.format("%02d-%s-%d.png", step, name, width)));
        }
        chromium.resize(Chromium.PHONE);
    }

    /** A file the page links to, fetched with the browser's own session, as the download would be. */
    private String download(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("sipas-session");
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "sipas-session=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).as(href).isEqualTo(200);
        return new String(file.body(), StandardCharsets.UTF_8);
    }

    /** Fills the page's file input with {@code content} saved as {@code name}, and sends the form. */
    private void upload(String page, String content, String name) throws IOException {
        Path file = Files.createTempDirectory("sipas-upload").resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        WebElement input = browser.findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        submit(input);
        chromium.waitUpTo(Duration.ofSeconds(60)).until(d -> URI.create(d.getCurrentUrl()).getPath().startsWith(page)
                && !d.findElements(By.cssSelector("[role=status], [role=alert]")).isEmpty());
    }

    private void submit(WebElement inForm) {
        inForm.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
    }

    // ---- the province: a catalog of its own, inserted as the unit import would leave it ----------

    private long nation() {
        return jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
    }

    private long catalog() {
        long p = unit("P", "Tỉnh Tuần Đầu", "PROVINCE", "Tỉnh", nation(), "/VN/");
        unit("C1", "Phường Một Tuần Đầu", "COMMUNE", "Phường", p, "/VN/" + PREFIX + "-P/");
        unit("C2", "Xã Hai Tuần Đầu", "COMMUNE", "Xã", p, "/VN/" + PREFIX + "-P/");
        jdbc.sql("INSERT INTO procedure (code, name, level) VALUES (:code, 'Đăng ký khai sinh', 'COMMUNE')")
                .param("code", PREFIX + "-T1").update();
        return p;
    }

    private long unit(String local, String name, String kind, String type, long parent, String parentPath) {
        String code = PREFIX + "-" + local;
        return jdbc.sql("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                        VALUES (:code, :name, :kind, :type, :parent, :path, :depth) RETURNING id""")
                .param("code", code).param("name", name).param("kind", kind).param("type", type)
                .param("parent", parent).param("path", parentPath + code + "/")
                .param("depth", parentPath.split("/").length - 1)
                .query(Long.class).single();
    }
}
