package org.sipas.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The articles' pages over HTTP: an editor previews without JavaScript and with htmx and sees the
 * sanitised HTML that will be stored; the public list, article and Atom feed answer with an ETag and a
 * 304 for it; the feed is Atom 1.0 that the JDK's parser reads with the right entries in order;
 * a loop of searches from one address meets the rate limit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArticlePagesTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    MockMvc mvc;
    @Autowired
    ArticleFixtures fixtures;
    @Autowired
    Articles articles;

    @Test
    void anEditorPreviewsWithoutJavaScriptAndWithHtmxAndSeesTheSanitisedHtml() throws Exception {
        CurrentUser editor = fixtures.editor("bt-xem-truoc");
        String body = "**Đậm** <script>alert(1)</script> <img src=x onerror=alert(2)>";
        MockHttpServletResponse withoutJs = mvc.perform(post("/articles").with(SignedIn.as(editor)).with(csrf())
                .param("section", "news").param("language", "vi").param("title", "Xem trước không JS")
                .param("body", body).param("action", "preview")).andReturn().getResponse();
        String page = withoutJs.getContentAsString(StandardCharsets.UTF_8);
        assertThat(withoutJs.getStatus()).isEqualTo(200);
        assertThat(page).contains("value=\"Xem trước không JS\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;") // the words kept in the textarea, as text
                .doesNotContain("<script>alert");
        String shown = page.substring(page.indexOf("<div id=\"preview\""));
        assertThat(shown).contains("<strong>Đậm</strong>").doesNotContain("script", "onerror");

        String fragment = mvc.perform(post("/articles/preview").with(SignedIn.as(editor)).with(csrf()).header("HX-Request", "true")
                .param("body", body)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).startsWith("<div id=\"preview\"").contains("<strong>Đậm</strong>").doesNotContain("script", "onerror");

        MockHttpServletResponse saved = mvc.perform(post("/articles").with(SignedIn.as(editor)).with(csrf())
                .param("section", "news").param("language", "vi").param("title", "Bài đã lưu")
                .param("body", body).param("action", "save")).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).matches("/articles/\\d+");
        long id = Long.parseLong(saved.getRedirectedUrl().substring("/articles/".length()));
        assertThat(articles.get(id).bodyHtml()).isEqualTo(articles.preview(id, body));
    }

    @Test
    void theAtomFeedParsesWithTheJdkParserAndHoldsTheVisibleArticlesNewestFirst() throws Exception {
        CurrentUser author = fixtures.editor("bt-feed-a");
        CurrentUser reviewer = fixtures.editor("bt-feed-b");
        Article older = fixtures.published(author, reviewer, "results", "vi", "Kết quả quý I & <năm> 2027", "Tóm tắt quý I", "Bảng **kết quả**.",
                Instant.now().minusSeconds(120));
        Article newer = fixtures.published(author, reviewer, "news", "vi", "Tin mới nhất về cải cách", "", "Nội dung.",
                Instant.now().minusSeconds(60));
        Article scheduled = fixtures.published(author, reviewer, "news", "vi", "Chưa đến giờ đăng", "", "Sau.",
                Instant.now().plusSeconds(3600));
        Article english = fixtures.published(author, reviewer, "news", "en", "English news", "", "Text.", null);

        MockHttpServletResponse answer = mvc.perform(get("/portal/articles/feed.atom")).andReturn().getResponse();
        assertThat(answer.getContentType()).startsWith("application/atom+xml");
        assertThat(answer.getHeader("ETag")).isNotBlank();
        assertThat(answer.getHeader("Cache-Control")).contains("max-age=300", "public");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.getContentAsByteArray()));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(root, required)).as("feed/" + required).hasSize(1);
        }
        assertThat(children(root, "link")).extracting(l -> l.getAttribute("rel")).contains("self", "alternate");
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Element entry : children(root, "entry")) {
            for (String required : List.of("id", "title", "updated", "published", "link", "content")) {
                assertThat(children(entry, required)).as("entry/" + required).isNotEmpty();
            }
            titles.add(children(entry, "title").get(0).getTextContent());
            ids.add(children(entry, "id").get(0).getTextContent());
        }
        assertThat(titles).containsSubsequence(newer.title(), older.title()).doesNotContain(scheduled.title(), english.title());
        assertThat(ids).contains("urn:uuid:" + older.uuid());
        Element first = children(root, "entry").stream().filter(e -> children(e, "title").get(0).getTextContent().equals(older.title()))
                .findFirst().orElseThrow();
        assertThat(children(first, "content").get(0).getTextContent()).isEqualTo(older.bodyHtml());
        assertThat(children(first, "link").get(0).getAttribute("href")).isEqualTo("/portal/articles/" + older.slug());

        Document en = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                mvc.perform(get("/portal/articles/feed.atom").queryParam("language", "en")).andReturn().getResponse().getContentAsByteArray()));
        List<String> enTitles = children(en.getDocumentElement(), "entry").stream().map(e -> children(e, "title").get(0).getTextContent()).toList();
        assertThat(enTitles).contains(english.title()).doesNotContain(older.title());

        int again = mvc.perform(get("/portal/articles/feed.atom").header("If-None-Match", answer.getHeader("ETag")))
                .andReturn().getResponse().getStatus();
        assertThat(again).isEqualTo(304);
    }

    @Test
    void publicPagesAnswerWithAnETagAndA304ForItAndAPublicationChangesTheTag() throws Exception {
        CurrentUser author = fixtures.editor("bt-etag-a");
        CurrentUser reviewer = fixtures.editor("bt-etag-b");
        Article a = fixtures.published(author, reviewer, "documents", "vi", "Quyết định ban hành phương pháp", "", "Văn bản.", null);
        for (String path : List.of("/portal/articles", "/portal/articles?section=documents", "/portal/articles/" + a.slug(),
                "/portal/articles?q=quyet+dinh")) {
            MockHttpServletResponse first = mvc.perform(get(path).with(r -> {
                r.setRemoteAddr("10.23.0.1");
                return r;
            })).andReturn().getResponse();
            assertThat(first.getStatus()).as(path).isEqualTo(200);
            assertThat(first.getHeader("Cache-Control")).as(path).contains("public");
            String tag = first.getHeader("ETag");
            assertThat(tag).as(path).isNotBlank();
            assertThat(mvc.perform(get(path).header("If-None-Match", tag)).andReturn().getResponse().getStatus()).as(path).isEqualTo(304);
        }
        String list = mvc.perform(get("/portal/articles?section=documents")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(a.title());
        String search = mvc.perform(get("/portal/articles?q=quyet+dinh")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(search).contains(a.title());

        String before = mvc.perform(get("/portal/articles/" + a.slug())).andReturn().getResponse().getHeader("ETag");
        fixtures.published(author, reviewer, "news", "vi", "Một bài nữa", "", "Nữa.", null);
        String after = mvc.perform(get("/portal/articles/" + a.slug())).andReturn().getResponse().getHeader("ETag");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aLoopOfSearchesFromOneAddressMeetsTheRateLimitAndAnotherAddressDoesNot() throws Exception {
        int refused = 0;
        for (int i = 0; i < 1000 && refused == 0; i++) {
            MockHttpServletResponse r = mvc.perform(get("/portal/articles").queryParam("q", "vong " + i).with(req -> {
                req.setRemoteAddr("10.99.0.7");
                return req;
            })).andReturn().getResponse();
            if (r.getStatus() == 429) {
                refused++;
                assertThat(r.getHeader("Retry-After")).isNotBlank();
                assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("rate-limited");
            } else {
                assertThat(r.getStatus()).isEqualTo(200);
            }
        }
        assertThat(refused).as("past the burst of 60, faster than 5 a second").isEqualTo(1);
        assertThat(mvc.perform(get("/portal/articles").queryParam("q", "khac").with(req -> {
            req.setRemoteAddr("10.99.0.8");
            return req;
        })).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void onlyANationalAdministratorNamesAnEditor() throws Exception {
        long nation = fixtures.jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser provinceAdmin = new CurrentUser("qt-tinh-bt", java.util.Set.of(org.sipas.identity.Role.PROVINCE_ADMIN), nation);
        CurrentUser admin = new CurrentUser("qt-bt", java.util.Set.of(org.sipas.identity.Role.ADMIN), nation);
        String form = mvc.perform(get("/admin/users").with(SignedIn.as(provinceAdmin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("value=\"ANALYST\"").doesNotContain("value=\"EDITOR\"");
        int refused = mvc.perform(post("/admin/users").with(SignedIn.as(provinceAdmin)).with(csrf()).param("username", "bt-moi-1")
                .param("displayName", "Biên tập mới").param("unitCode", "VN").param("roles", "EDITOR")).andReturn().getResponse().getStatus();
        assertThat(refused).isEqualTo(403);
        String adminForm = mvc.perform(get("/admin/users").with(SignedIn.as(admin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(adminForm).contains("value=\"EDITOR\"", "Biên tập viên");
        mvc.perform(post("/admin/users").with(SignedIn.as(admin)).with(csrf()).param("username", "bt-moi-2")
                .param("displayName", "Biên tập mới").param("unitCode", "VN").param("roles", "EDITOR")).andReturn();
        assertThat(fixtures.jdbc.sql("SELECT role FROM app_user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = 'bt-moi-2'")
                .query(String.class).list()).containsExactly("EDITOR");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
