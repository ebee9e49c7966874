package org.sipas.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sipas.collection.InTheBrowser;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * In Debian's Chromium: an editor writes an article in Markdown, previews it (htmx swaps in the
 * server's sanitised rendering), saves and sends it for review; a second editor publishes it; a
 * visitor then finds it on the portal's home and opens it; the Atom feed parses and holds it. axe
 * finds no serious problem on the writing page and the article, at 360 and 1280 px.
 */
class ArticleInTheBrowserTest extends InTheBrowser {

    private static final String PASSWORD = "Biên-tập-2027-mạnh!";
    private static final String TITLE = "Công bố Chỉ số SIPAS 2026 của tỉnh";

    @Autowired
    StaffAccounts accounts;
    @Autowired
    ArticleFixtures fixtures;

    @Test
    void anEditorWritesPreviewsAndSendsAnArticleASecondPublishesItThePortalHomeShowsItAndTheFeedParses() throws Exception {
        long nation = fixtures.jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        accounts.create("bt-trinh-duyet-a", "Biên tập A", nation, Set.of(Role.EDITOR), PASSWORD);
        accounts.create("bt-trinh-duyet-b", "Biên tập B", nation, Set.of(Role.EDITOR), PASSWORD);

        signIn("bt-trinh-duyet-a", PASSWORD);
        browser.get(url("/articles/new"));
        checkAtPhoneAndDesktop("the writing page");
        new Select(browser.findElement(By.name("section"))).selectByValue("results");
        browser.findElement(By.name("title")).sendKeys(TITLE);
        browser.findElement(By.name("summary")).sendKeys("Chỉ số chung đạt 82,5%.");
        browser.findElement(By.name("body")).sendKeys("## Kết quả chính\n\nChỉ số **cải cách** hành chính tăng.\n\n"
                + "| Yếu tố | % |\n|---|---:|\n| Tiếp cận | 85,1 |\n\n<script>document.title='x'</script>");
        browser.findElement(By.id("preview-button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#preview .article-body strong")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("htmx swapped the preview in, the page stayed").endsWith("/articles/new");
        assertThat(browser.findElement(By.cssSelector("#preview .article-body")).getText()).contains("cải cách", "Tiếp cận")
                .doesNotContain("document.title");
        assertThat(browser.findElements(By.cssSelector("#preview table td"))).hasSize(2);
        checkAtPhoneAndDesktop("the writing page with its preview");
        browser.findElement(By.id("save-button")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/articles/\\d+$"));
        String articlePath = URI.create(browser.getCurrentUrl()).getPath();
        browser.findElement(By.cssSelector("#submit-form button")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Chờ duyệt"));

        signIn("bt-trinh-duyet-b", PASSWORD);
        browser.get(url(articlePath));
        browser.findElement(By.cssSelector("#publish-form button")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("Đăng lúc"));
        String portalPath = URI.create(browser.findElement(By.id("view-on-portal")).getAttribute("href")).getPath();

        browser.manage().deleteAllCookies();
        browser.get(url("/portal"));
        wait.until(d -> d.findElement(By.id("latest-articles")).getText().contains(TITLE));
        browser.findElement(By.linkText(TITLE)).click();
        wait.until(d -> d.getCurrentUrl().endsWith(portalPath));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE);
        assertThat(browser.findElement(By.cssSelector("article .article-body")).getText()).contains("cải cách");
        assertThat(browser.getTitle()).isNotEqualTo("x");
        checkAtPhoneAndDesktop("the article on the portal");

        HttpResponse<byte[]> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/portal/articles/feed.atom"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(feed.statusCode()).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body()));
        NodeList titles = atom.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        boolean found = false;
        for (int i = 0; i < titles.getLength(); i++) {
            Element title = (Element) titles.item(i);
            found |= title.getParentNode().getLocalName().equals("entry") && title.getTextContent().equals(TITLE);
        }
        assertThat(found).as("the feed holds the article").isTrue();
    }

}
