package org.sipas.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public search, list, article, file, feed and status endpoints fed what a scanner, a broken
 * client or an attacker sends (as the imports are in web.ImportFuzzTest): tsquery syntax, SQL,
 * NUL and control characters, lone surrogates, 100 kB words, wrong parameter types, random bytes.
 * None answers 500; each is an answer (200, 304) or a refusal (400, 404, 429) with no stack trace.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicArticlesFuzzTest {

    private static final List<String> HOSTILE = List.of(
            "", " ", "'", "\"", "\"\"\"", "!", "!!", "&", "|", "&&||", "a & | b", "(", ")))", "a:*", "*:*", "<->", "<1>", "a <-> b",
            "'; DROP TABLE article; --", "1' OR '1'='1", "\\", "\\\\", "%", "%00", "\u0000", "a\u0000b", "\u0001\u0002\u001f",
            "\uD800", "x\uDC00y", "\uFFFE\uFFFF", "😀 cải cách", "ca\u0309i ca\u0301ch", "\u202Eevil", "-", "-cai -cach", "or", "OR OR",
            "\"cai", "cai\"", "<script>alert(1)</script>", "${7*7}", "{{7*7}}", "../../etc/passwd", "đ".repeat(5000),
            "x".repeat(100_000), "a ".repeat(20_000));

    private static final String SYNTAX = "&|!():*<->'\"\\ ";
    private static final String LETTERS = "aăâđeêioôơuưyáàảãạắằẳẵặấầẩẫậ";

    @Autowired
    MockMvc mvc;

    @Test
    void hostileAndRandomQueriesNeverGiveA500() throws Exception {
        List<String> failures = new ArrayList<>();
        Random random = new Random(2026);
        List<String> queries = new ArrayList<>(HOSTILE);
        for (int i = 0; i < 80; i++) {
            queries.add(randomText(random));
        }
        int n = 0;
        for (String q : queries) {
            n++;
            check(failures, "/portal/articles", "q", q, n);
            check(failures, "/portal/articles", "section", q, n);
            check(failures, "/portal/articles", "page", q, n);
            check(failures, "/portal/articles/feed.atom", "language", q, n);
            check(failures, "/articles", "q", q, n);
        }
        for (String path : List.of("/portal/articles/" + "a".repeat(5000), "/portal/articles/%00", "/portal/articles/%C0%AF",
                "/portal/articles/files/abc", "/portal/articles/files/99999999999999999999", "/portal/articles/files/-1",
                "/portal/articles/..%2F..%2Fetc", "/portal/articles/feed.atom/x", "/portal/status?x=%00", "/api/v1/public/status?%ff=1")) {
            n++;
            int at = n;
            MockHttpServletResponse r = mvc.perform(get(java.net.URI.create(path)).with(req -> {
                req.setRemoteAddr("10.77." + (at / 250) + "." + (at % 250));
                return req;
            })).andReturn().getResponse();
            if (r.getStatus() >= 500) {
                failures.add(path + " → " + r.getStatus());
            }
        }
        assertThat(failures).isEmpty();
    }

    private void check(List<String> failures, String path, String parameter, String value, int n) throws Exception {
        // a fresh address for each: the rate limit is tested on its own, here every request must reach the code
        String address = "10.66." + (n / 250) + "." + (n % 250);
        MockHttpServletResponse r;
        try {
            var request = get(path).queryParam(parameter, value).with(req -> {
                req.setRemoteAddr(address);
                return req;
            });
            if (path.startsWith("/articles")) {
                request.with(org.sipas.identity.SignedIn.as(new org.sipas.identity.CurrentUser("fuzz-editor",
                        java.util.Set.of(org.sipas.identity.Role.EDITOR), 1)));
            }
            r = mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            failures.add(path + "?" + parameter + "=" + shown(value) + " threw " + e);
            return;
        }
        if (r.getStatus() >= 500 || r.getStatus() == 429) {
            failures.add(path + "?" + parameter + "=" + shown(value) + " → " + r.getStatus());
        }
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        if (body.contains("Exception") || body.contains("at org.sipas")) {
            failures.add(path + "?" + parameter + "=" + shown(value) + " showed a stack trace");
        }
    }

    private static String shown(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        return URLEncoder.encode(cut, StandardCharsets.UTF_8);
    }

    private static String randomText(Random random) {
        int length = random.nextInt(60);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            text.append(switch (kind) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> SYNTAX.charAt(random.nextInt(SYNTAX.length()));
                case 2 -> LETTERS.charAt(random.nextInt(LETTERS.length()));
                default -> (char) random.nextInt(0x10000);
            });
        }
        return text.toString();
    }
}
