package org.sipas.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;

/**
 * Articles stored and shown: the body's HTML sanitised when saved and that HTML shown; search with and
 * without diacritics; two editors to publish; a scheduled article visible at its time with no job;
 * images only from the article's own files or https; every change in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArticlesTest {

    private static final Pattern BODY = Pattern.compile("<div class=\"article-body\">(.*?)</div>\\s*</article>", Pattern.DOTALL);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @Autowired
    ArticleFixtures fixtures;
    @Autowired
    Articles articles;
    @Autowired
    PublishedArticles published;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private CurrentUser author() {
        return fixtures.editor("bt-tac-gia");
    }

    private CurrentUser reviewer() {
        return fixtures.editor("bt-duyet");
    }

    @Test
    void aBodyHoldingAScriptOrAnOnerrorAttributeIsStoredAndShownWithoutThem() throws Exception {
        String body = """
                ## Kết quả năm 2026

                Đoạn có <script>alert('x')</script> chữ **đậm**.

                <img src="x" onerror="alert(document.cookie)"> <a href="javascript:alert(1)">bấm</a> [trang](https://sipas.gov.vn)

                <p onclick="steal()">đoạn văn</p>
                """;
        Article a = fixtures.published(author(), reviewer(), "news", "vi", "Bài có mã độc", "", body, null);

        assertThat(a.bodyHtml()).doesNotContain("<script", "alert", "onerror", "onclick", "javascript:")
                .contains("<h2>Kết quả năm 2026</h2>", "<strong>đậm</strong>", "<p>đoạn văn</p>",
                        "<a href=\"https://sipas.gov.vn\" rel=\"nofollow\">trang</a>");
        String page = mvc.perform(get("/portal/articles/" + a.slug())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher shown = BODY.matcher(page);
        assertThat(shown.find()).as(page).isTrue();
        assertThat(shown.group(1)).isEqualTo(a.bodyHtml()).doesNotContain("<script", "onerror", "alert(");
    }

    @Test
    void aSearchFindsAVietnameseWordWithOrWithoutItsDiacriticsAndDIsD() {
        Article reform = fixtures.published(author(), reviewer(), "news", "vi", "Đẩy mạnh cải cách hành chính ở Đồng Nai",
                "Tóm tắt về cải cách", "Nội dung: **cải cách** thủ tục, đường dây nóng.", null);
        fixtures.published(author(), reviewer(), "methodology", "vi", "Phương pháp chọn mẫu", "", "Chọn mẫu phân tầng.", null);

        assertThat(jdbc.sql("SELECT fold('Đường ĐI đẹp, Cải Cách')").query(String.class).single())
                .isEqualTo("duong di dep, cai cach");
        for (String typed : List.of("cai cach", "cải cách", "CẢI CÁCH", "dong nai", "Đồng Nai", "duong day nong",
                "cải cach", "ca\u0309i ca\u0301ch")) {
            assertThat(published.search(typed, 1, 10).items()).as(typed).extracting(Article::id).contains(reform.id());
        }
        assertThat(published.search("chọn mẫu", 1, 10).items()).extracting(Article::id).doesNotContain(reform.id());
        assertThat(published.search("\"cai cach hanh chinh\"", 1, 10).items()).extracting(Article::id).contains(reform.id());
        assertThat(published.search("   ", 1, 10).items()).isEmpty();
        // a handful of rows is read faster without an index: with sequential scans off, the plan shows the search can use it
        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN SELECT id FROM article WHERE search @@ websearch_to_tsquery('simple', fold('cai cach'))")
                    .query(String.class).list().toString();
        });
        assertThat(plan).contains("article_search_idx");
    }

    @Test
    void whoeverWroteOrSentAnArticleForReviewDoesNotPublishItAnotherEditorDoes() {
        CurrentUser author = author();
        long id = fixtures.draft(author, "process", "vi", "Quy trình khảo sát", "", "Các bước.");
        fixtures.as(author, () -> {
            articles.submit(id);
            return null;
        });
        assertThatThrownBy(() -> fixtures.as(author, () -> {
            articles.publish(id, null);
            return null;
        })).isInstanceOf(ResponseStatusException.class).hasMessageContaining("another editor");
        CurrentUser sender = fixtures.editor("bt-gui-duyet");
        long sent = fixtures.draft(author, "process", "vi", "Quy trình phúc tra", "", "Gọi lại.");
        fixtures.as(sender, () -> {
            articles.submit(sent);
            return null;
        });
        assertThatThrownBy(() -> fixtures.as(sender, () -> {
            articles.publish(sent, null);
            return null;
        })).hasMessageContaining("another editor");
        assertThatThrownBy(() -> fixtures.as(author, () -> {
            articles.update(id, new ArticleForm("process", "vi", "Sửa khi chờ duyệt", null, "", ""));
            return null;
        })).hasMessageContaining("only a draft is changed");

        fixtures.as(reviewer(), () -> {
            articles.publish(id, null);
            return null;
        });
        Article done = articles.get(id);
        assertThat(done.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(done.publishedBy()).isEqualTo("bt-duyet");
        assertThat(done.submittedBy()).isEqualTo("bt-tac-gia");
        assertThat(audit.page("article", 1000, 0)).filteredOn(e -> e.entityId().equals(Long.toString(id)))
                .extracting(AuditLog.Entry::action).containsExactly("article.publish", "article.submit", "article.create");
    }

    @Test
    void aScheduledArticleIsNotVisibleBeforeItsTimeAndVisibleFromItWithNoJob() throws Exception {
        Instant at = Instant.now().plusSeconds(3);
        Article a = fixtures.published(author(), reviewer(), "news", "vi", "Thông báo hẹn giờ", "", "Sắp đăng.", at);
        assertThat(a.scheduledAt(Instant.now())).isTrue();
        assertThat(published.bySlug(a.slug())).isEmpty();
        assertThat(published.latest("vi", 50)).extracting(Article::id).doesNotContain(a.id());
        assertThat(mvc.perform(get("/portal/articles/" + a.slug())).andReturn().getResponse().getStatus()).isEqualTo(404);
        String before = published.state();

        Thread.sleep(Duration.between(Instant.now(), at).plusMillis(300).toMillis());
        assertThat(published.bySlug(a.slug())).isPresent();
        assertThat(published.latest("vi", 50)).extracting(Article::id).contains(a.id());
        assertThat(published.state()).as("the public pages' tag changes when its time comes").isNotEqualTo(before);
        assertThat(mvc.perform(get("/portal/articles/" + a.slug())).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void imagesComeOnlyFromTheArticlesOwnFilesNeverFromAnotherSite() {
        CurrentUser author = author();
        long other = fixtures.draft(author, "news", "vi", "Bài khác có ảnh", "", "");
        long otherFile = fixtures.as(author, () -> articles.attach(other, "anh.png", PNG, 1024));
        long id = fixtures.draft(author, "news", "vi", "Bài có ảnh", "", "");
        long own = fixtures.as(author, () -> articles.attach(id, "bieu-do.png", PNG, 1024));
        String body = "![riêng](/portal/articles/files/" + own + ") ![khác](/portal/articles/files/" + otherFile + ") "
                + "![ngoài](https://example.org/a.png) ![http](http://example.org/b.png) ![dữ liệu](data:image/png;base64,AAAA)";
        fixtures.as(author, () -> {
            articles.update(id, new ArticleForm("news", "vi", "Bài có ảnh", null, "", body));
            return null;
        });
        String html = articles.get(id).bodyHtml();
        assertThat(html).contains("src=\"/portal/articles/files/" + own + "\"")
                .doesNotContain("/portal/articles/files/" + otherFile, "example.org", "data:");
        assertThatThrownBy(() -> fixtures.as(author, () -> articles.attach(id, "mau.pdf", "<html>".getBytes(StandardCharsets.UTF_8), 1024)))
                .hasMessageContaining("its content is not a .pdf file");
        assertThatThrownBy(() -> fixtures.as(author, () -> articles.attach(id, "bang.xlsx", new byte[] {'P', 'K', 3, 4}, 1024)))
                .hasMessageContaining(".xlsx is not accepted");
        assertThatThrownBy(() -> fixtures.as(author, () -> articles.attach(id, "lon.png", PNG, 4)))
                .hasMessageContaining("more than the 4 allowed");
    }

    @Test
    void aFileIsPublicOnceItsArticleIsVisibleAndAnEditorSeesItBefore() throws Exception {
        CurrentUser author = author();
        long id = fixtures.draft(author, "documents", "vi", "Quyết định kèm tệp", "", "");
        long file = fixtures.as(author, () -> articles.attach(id, "quyet-dinh.pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), 1024));
        String path = "/portal/articles/files/" + file;
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
        var asEditor = mvc.perform(get(path).with(org.sipas.identity.SignedIn.as(author))).andReturn().getResponse();
        assertThat(asEditor.getStatus()).isEqualTo(200);
        assertThat(asEditor.getHeader("Cache-Control")).contains("no-store");
        fixtures.as(author, () -> {
            articles.submit(id);
            return null;
        });
        fixtures.as(reviewer(), () -> {
            articles.publish(id, null);
            return null;
        });
        var visitor = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(visitor.getStatus()).isEqualTo(200);
        assertThat(visitor.getContentType()).isEqualTo("application/pdf");
        assertThat(visitor.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(visitor.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(visitor.getContentAsByteArray()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aTranslationIsLinkedBothWaysAndOnlyToTheOtherLanguage() {
        CurrentUser author = author();
        long vi = fixtures.draft(author, "news", "vi", "Công bố chỉ số", "", "");
        long en = fixtures.draft(author, "news", "en", "Index published", "", "");
        long vi2 = fixtures.draft(author, "news", "vi", "Bài tiếng Việt khác", "", "");
        fixtures.as(author, () -> {
            articles.linkTranslation(vi, en);
            return null;
        });
        assertThat(articles.get(vi).translationId()).isEqualTo(en);
        assertThat(articles.get(en).translationId()).isEqualTo(vi);
        assertThatThrownBy(() -> fixtures.as(author, () -> {
            articles.linkTranslation(vi, vi2);
            return null;
        })).hasMessageContaining("a translation is in the other language");
        assertThat(articles.get(en).slug()).isEqualTo("index-published");
        assertThat(articles.get(vi).slug()).isEqualTo("cong-bo-chi-so");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        CurrentUser author = author();
        assertThatThrownBy(() -> fixtures.draft(author, "tin-don", "vi", "Tiêu đề", "", "")).hasMessageContaining("section:");
        assertThatThrownBy(() -> fixtures.draft(author, "news", "fr", "Titre", "", "")).hasMessageContaining("language:");
        assertThatThrownBy(() -> fixtures.draft(author, "news", "vi", " ", "", "")).hasMessageContaining("title: missing");
        assertThatThrownBy(() -> fixtures.draft(author, "news", "vi", "Có ký tự lạ", "", "a\u0001b"))
                .hasMessageContaining("body: control character U+0001 at character 2");
    }
}
