package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Percent;
import org.sipas.index.Series;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The public portal and its open data on a published campaign: every figure with its interval and
 * n, the unit under the minimum n suppressed on the page, in the CSV and in the JSON alike, ETag and
 * 304, English, CORS and the rate limit; nothing for a campaign not published.
 */
class PublicPortalTest extends PortalVisits {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    FieldworkFixtures fixtures;

    PublishedCampaign campaign;

    PublicPortalTest() {
        super("10.18.0.1");
    }

    @BeforeAll
    void publish() {
        // 35 responses in the first commune (shown), 5 in the second (under the minimum n of 30: suppressed)
        campaign = published.campaign("PRT", 35, 5);
    }

    private DomainEstimate domain(Domain kind, String code) {
        return campaign.snapshot.figures(Series.SAMPLED, kind).domains().stream().filter(d -> d.code().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void theCampaignPageShowsEveryFigureWithItsIntervalAndNAndSuppressesTheSmallUnit() throws Exception {
        MockHttpServletResponse page = visitor(get("/portal/campaigns/" + campaign.id()));

        assertThat(page.getStatus()).isEqualTo(200);
        String html = body(page);
        Percent pct = new Percent(VI);
        IndexEstimate overall = campaign.snapshot.overall().domains().get(0).overall();
        assertThat(html).contains(pct.of(overall.estimatePct()))
                .contains("khoảng tin cậy 95%: " + pct.number(overall.ci95Low()) + " – " + pct.number(overall.ci95High()) + "; n = 40 phiếu")
                .contains("Quy tắc ẩn số liệu: một tỉnh, đơn vị hay đợt có ít hơn 30 phiếu");
        // the first commune: its figure, interval and n; the second: n only, the cell hidden
        IndexEstimate first = domain(Domain.UNIT, campaign.commune(1)).overall();
        String rowOfFirst = row(html, "Phường Một PRT");
        assertThat(rowOfFirst).contains(pct.of(first.estimatePct()))
                .contains(pct.number(first.ci95Low()) + " – " + pct.number(first.ci95High())).contains(">35<");
        String rowOfSecond = row(html, "Xã Hai PRT");
        assertThat(rowOfSecond).contains("ẩn (n &lt; 30)").contains(">5<");
        IndexEstimate second = domain(Domain.UNIT, campaign.commune(2)).overall();
        assertThat(html).doesNotContain(pct.of(second.estimatePct()));
        // the counter series is labelled apart; the lineage page and open data are linked
        assertThat(html).contains("không phải mẫu ngẫu nhiên").contains("/api/v1/public/campaigns/" + campaign.id() + "/versions/1/figures.csv")
                .contains("Tiếp cận dịch vụ").contains(">tiêu chí<").doesNotContain("phan-tich-prt").doesNotContain("phe-duyet-prt");
        assertThat(page.getHeader("ETag")).startsWith("\"" + campaign.snapshot.id() + ".1-vi-");
        assertThat(page.getHeader("Cache-Control")).contains("max-age=300").contains("public");
        assertThat(page.getHeader("Set-Cookie")).isNull();
    }

    /** The table row whose header cell names {@code name}. */
    private static String row(String html, String name) {
        int at = html.indexOf(">" + name + "<");
        assertThat(at).as(name + " on the page").isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    @Test
    void aBrowserThatHasThePageGetsNotModified() throws Exception {
        String etag = visitor(get("/portal/campaigns/" + campaign.id())).getHeader("ETag");

        MockHttpServletResponse again = visitor(get("/portal/campaigns/" + campaign.id()).header("If-None-Match", etag));

        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader("ETag")).isEqualTo(etag);
        assertThat(visitor(get("/portal/campaigns/" + campaign.id()).header("If-None-Match", "\"other\"")).getStatus()).isEqualTo(200);
    }

    @Test
    void aPageGivenAgainFromTheMicroCacheIsTheSameAnswerWithItsSecurityHeaders() throws Exception {
        String path = "/portal/campaigns/" + campaign.id() + "/provinces/" + campaign.province();
        MockHttpServletResponse first = visitor(get(path));
        MockHttpServletResponse again = visitor(get(path));

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        for (String header : List.of("ETag", "Cache-Control", "Vary", "Content-Security-Policy", "X-Frame-Options",
                "X-Content-Type-Options", "Referrer-Policy")) {
            assertThat(again.getHeader(header)).as(header).isNotNull().isEqualTo(first.getHeader(header));
        }
        assertThat(again.getContentType()).startsWith("text/html");
        assertThat(again.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
        assertThat(visitor(get(path).header("If-None-Match", first.getHeader("ETag"))).getStatus()).isEqualTo(304);
        // the language switch sets a cookie: never kept, always answered by the whole stack
        MockHttpServletResponse switched = visitor(get(path + "?lang=en"));
        assertThat(switched.getHeader("Set-Cookie")).contains("sipas-lang=en");
        assertThat(body(switched)).contains("Overall satisfaction index");
    }

    @Test
    void theSamePageInEnglishHasItsOwnTag() throws Exception {
        MockHttpServletResponse vi = visitor(get("/portal/campaigns/" + campaign.id()));
        MockHttpServletResponse en = visitor(get("/portal/campaigns/" + campaign.id()).cookie(new Cookie("sipas-lang", "en")));

        String html = body(en);
        IndexEstimate overall = campaign.snapshot.overall().domains().get(0).overall();
        assertThat(html).contains("<html lang=\"en\"").contains("Overall satisfaction index")
                .contains(new Percent(Locale.ENGLISH).of(overall.estimatePct())).contains("hidden (n &lt; 30)")
                .contains("Ratings at the counter and on the portal (not a random sample)");
        assertThat(en.getHeader("ETag")).isNotEqualTo(vi.getHeader("ETag")).contains("-en-");
        assertThat(en.getHeader("Vary")).contains("Cookie");
    }

    @Test
    void theProvinceAndUnitPagesAndTheMethodPage() throws Exception {
        MockHttpServletResponse province = visitor(get("/portal/campaigns/" + campaign.id() + "/provinces/" + campaign.province()));
        assertThat(province.getStatus()).isEqualTo(200);
        Percent pct = new Percent(VI);
        assertThat(body(province)).contains("Tỉnh PRT").contains(pct.of(domain(Domain.PROVINCE, campaign.province()).overall().estimatePct()))
                .contains("Phường Một PRT").contains("Xã Hai PRT").contains("Tiếp cận dịch vụ");

        MockHttpServletResponse small = visitor(get("/portal/campaigns/" + campaign.id() + "/units/" + campaign.commune(2)));
        assertThat(small.getStatus()).isEqualTo(200);
        assertThat(body(small)).contains("Chỉ có 5 phiếu trả lời, ít hơn 30: không công bố tỷ lệ.");

        MockHttpServletResponse method = visitor(get("/portal/campaigns/" + campaign.id() + "/method"));
        assertThat(body(method)).contains("sipas-2017").contains("Hồ sơ trong khung (N_h)").contains("40");
        assertThat(visitor(get("/portal/campaigns/" + campaign.id() + "/provinces/NOWHERE")).getStatus()).isEqualTo(404);
        assertThat(visitor(get("/portal/campaigns/" + campaign.id() + "?version=9")).getStatus()).isEqualTo(404);
        MockHttpServletResponse pinned = visitor(get("/portal/campaigns/" + campaign.id() + "?version=1"));
        assertThat(pinned.getStatus()).isEqualTo(200);
        assertThat(pinned.getHeader("Cache-Control")).contains("max-age=86400");
    }

    @Test
    void thePortalHomeAndTheBareAddressForVisitorsWhileStaffKeepTheirHome() throws Exception {
        MockHttpServletResponse home = visitor(get("/portal"));
        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(body(home)).contains("Quý I/2025 PRT").contains("Chỉ số hài lòng về sự phục vụ hành chính");

        MockHttpServletResponse bare = visitor(get("/"));
        assertThat(bare.getStatus()).isEqualTo(200);
        assertThat(bare.getForwardedUrl()).isEqualTo("/portal");
        MockHttpServletResponse staff = mvc.perform(get("/").with(user("staff-prt").roles("ANALYST"))).andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(200);
        assertThat(staff.getForwardedUrl()).isNull();
    }

    @Test
    void theOpenDataGivesTheSameFiguresAndHidesTheSameCell() throws Exception {
        String campaigns = body(visitor(get("/api/v1/public/campaigns")));
        assertThat(JsonPath.<List<Object>>read(campaigns, "$[?(@.campaignId == " + campaign.id() + ")].latestVersion")).containsExactly(1);

        String base = "/api/v1/public/campaigns/" + campaign.id() + "/versions/1";
        MockHttpServletResponse units = visitor(get(base + "/figures?domain=unit"));
        assertThat(units.getStatus()).isEqualTo(200);
        String json = body(units);
        IndexEstimate first = domain(Domain.UNIT, campaign.commune(1)).overall();
        assertThat(JsonPath.<List<Double>>read(json, "$.domains[?(@.code == 'PRT-C1')].figures[-1].estimate"))
                .containsExactly(first.estimatePct());
        assertThat(JsonPath.<List<Boolean>>read(json, "$.domains[?(@.code == 'PRT-C2')].suppressed")).containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(json, "$.domains[?(@.code == 'PRT-C2')].figures[-1].estimate")).containsExactly((Object) null);
        assertThat(JsonPath.<Integer>read(json, "$.minimumN")).isEqualTo(30);
        assertThat(JsonPath.<Boolean>read(json, "$.randomSample")).isTrue();

        String tag = units.getHeader("ETag");
        assertThat(visitor(get(base + "/figures?domain=unit").header("If-None-Match", tag)).getStatus()).isEqualTo(304);

        MockHttpServletResponse csv = visitor(get(base + "/figures.csv?domain=unit"));
        byte[] bytes = csv.getContentAsByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("series,random_sample,domain_kind,domain,domain_name,index");
        // two units × (22 criteria + 5 elements + the overall index)
        assertThat(lines).hasSize(1 + 2 * 28);
        assertThat(lines).filteredOn(l -> l.contains(",PRT-C2,")).allMatch(l -> l.contains(",5,true,,,,,"));
        assertThat(lines).filteredOn(l -> l.contains(",PRT-C1,") && l.contains(",overall,"))
                .singleElement().asString().contains("," + first.estimatePct() + ",");

        String ranking = body(visitor(get(base + "/ranking.csv?domain=unit")));
        assertThat(ranking).contains("PRT-C1").contains("PRT-C2");
        assertThat(body(visitor(get(base + "/sample.csv")))).contains("PRT-C1").contains("frame_size_N_h");
        assertThat(body(visitor(get(base)))).contains("\"minimumN\":30").doesNotContain("phan-tich").doesNotContain("phe-duyet");
        assertThat(body(visitor(get("/api/v1/public/campaigns/" + campaign.id() + "/trend")))).contains("Quý I/2025 PRT");
        assertThat(body(visitor(get("/api/v1/public/campaigns/" + campaign.id() + "/trend.csv")))).contains("Quý I/2025 PRT");
        assertThat(body(visitor(get("/api/v1/public/provinces")))).contains("PRT-P");
        assertThat(visitor(get(base + "/figures?domain=nowhere")).getStatus()).isEqualTo(400);
        assertThat(visitor(get("/api/v1/public/campaigns/" + campaign.id() + "/versions/7/figures")).getStatus()).isEqualTo(404);
    }

    @Test
    void otherSitesMayReadTheOpenDataAndTheApiDocumentsIt() throws Exception {
        MockHttpServletResponse read = visitor(get("/api/v1/public/campaigns").header("Origin", "https://bao.example.vn"));
        assertThat(read.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        MockHttpServletResponse preflight = visitor(options("/api/v1/public/campaigns")
                .header("Origin", "https://bao.example.vn").header("Access-Control-Request-Method", "GET"));
        assertThat(preflight.getStatus()).isEqualTo(200);
        assertThat(preflight.getHeader("Access-Control-Allow-Methods")).contains("GET");
        MockHttpServletResponse write = visitor(options("/api/v1/public/campaigns")
                .header("Origin", "https://bao.example.vn").header("Access-Control-Request-Method", "DELETE"));
        assertThat(write.getStatus()).isEqualTo(403);

        String api = body(mvc.perform(get("/api/v1/openapi")).andReturn().getResponse());
        assertThat(api).contains("/api/v1/public/campaigns/{id}/versions/{version}/figures")
                .contains("Published campaigns, newest approval first");
    }

    @Test
    void aScriptLoopingOverTheOpenDataWaitsItsTurn() throws Exception {
        // a script at this address has just spent its bucket (120 at once, refilled at 10 a second)
        jdbc.sql("""
                INSERT INTO portal_rate_limit (client, tokens, updated_at) VALUES ('open-data|10.18.9.9', 0, clock_timestamp())
                ON CONFLICT (client) DO UPDATE SET tokens = 0, updated_at = clock_timestamp()""").update();
        MockHttpServletResponse refused = mvc.perform(get("/api/v1/public/provinces").with(r -> {
            r.setRemoteAddr("10.18.9.9");
            return r;
        })).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("urn:sipas:problem:rate-limited");
        // another address, and the portal's pages, are not held back
        assertThat(visitor(get("/api/v1/public/provinces")).getStatus()).isEqualTo(200);
        jdbc.sql("DELETE FROM portal_rate_limit WHERE client = 'open-data|10.18.9.9'").update();
    }

    @Test
    void aCampaignNotPublishedHasNoPage() throws Exception {
        FieldworkFixtures.InField unpublished = fixtures.inField("PRU", "sipas-2017", 20, java.util.Map.of("PHONE", 1));
        assertThat(visitor(get("/portal/campaigns/" + unpublished.campaignId())).getStatus()).isEqualTo(404);
        assertThat(visitor(get("/api/v1/public/campaigns/" + unpublished.campaignId() + "/versions")).getStatus()).isEqualTo(404);
    }
}
