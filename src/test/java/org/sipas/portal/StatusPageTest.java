package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.sipas.index.Tallies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public status page and its JSON: the database up, the fold's lag as the tallies report it, the
 * latest publication's time and campaign, the version; nothing personal (not the approver, not the
 * analyst); cached ten seconds with an ETag and a 304 for it; under the security headers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StatusPageTest {

    @Autowired
    PublishedCampaigns published;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    PageCache cache;

    @Test
    void theStatusSaysTheDatabaseTheFoldLagTheLastPublicationAndTheVersionAndNothingPersonal() throws Exception {
        PublishedCampaign campaign = published.campaign("STS", 35, 5);
        cache.forget();
        tallies.fold();

        MockHttpServletResponse json = mvc.perform(get("/api/v1/public/status")).andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(200);
        String body = json.getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> status = JsonPath.read(body, "$");
        assertThat(new TreeSet<>(status.keySet())).containsExactly("checkedAt", "databaseMillis", "databaseReachable", "foldLagSeconds",
                "foldWaiting", "lastFoldAt", "lastPublicationAt", "lastPublicationCampaign", "version");
        assertThat((Boolean) JsonPath.read(body, "$.databaseReachable")).isTrue();
        assertThat(((Number) JsonPath.read(body, "$.foldWaiting")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) JsonPath.read(body, "$.foldLagSeconds")).longValue()).isGreaterThanOrEqualTo(0).isLessThan(60);
        assertThat((String) JsonPath.read(body, "$.lastFoldAt")).isNotBlank();
        assertThat((String) JsonPath.read(body, "$.lastPublicationCampaign")).isEqualTo(campaign.snapshot.campaignName());
        assertThat((String) JsonPath.read(body, "$.version")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(body).doesNotContain(campaign.snapshot.approvedBy(), campaign.snapshot.preparedBy());
        assertThat(json.getHeader("Cache-Control")).contains("max-age=10", "public");
        assertThat(mvc.perform(get("/api/v1/public/status").header("If-None-Match", json.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isIn(200, 304);

        MockHttpServletResponse page = mvc.perform(get("/portal/status")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"status-database\"", "Hoạt động", campaign.snapshot.campaignName(), "0.1.0-SNAPSHOT")
                .doesNotContain(campaign.snapshot.approvedBy());
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.getHeader("ETag")).isNotBlank();
        assertThat(mvc.perform(get("/portal/status").header("If-None-Match", page.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
    }
}
