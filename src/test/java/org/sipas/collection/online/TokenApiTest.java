package org.sipas.collection.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.frame.Receipts;
import org.sipas.identity.ApiKeys;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Receipts receipts;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    InField campaign;
    FieldCase onlineCase;
    FieldCase phoneCase;
    String oneStopKey;

    @BeforeAll
    void campaignInTheField() {
        campaign = fixtures.inField("ONAPI", "mot-cua-2018", 40, Map.of("ONLINE", 1, "PHONE", 1));
        onlineCase = campaign.cases().stream().filter(c -> "ONLINE".equals(c.channel())).findFirst().orElseThrow();
        phoneCase = campaign.cases().stream().filter(c -> "PHONE".equals(c.channel())).findFirst().orElseThrow();
        oneStopKey = users.runAs(campaign.admin(), () -> apiKeys.issue("Một cửa ONAPI", campaign.province(),
                Set.of(Role.INTEGRATION))).key();
    }

    private String path(FieldCase fieldCase) {
        Receipts.Receipt receipt = receipts.of(java.util.List.of(fieldCase.dossierId())).get(0);
        return "/api/v1/dossiers/" + receipt.unitCode() + "/" + receipt.receiptCode() + "/token";
    }

    @Test
    void aOneStopSystemGetsTheLinkOfASampledOnlineDossierWithItsApiKey() throws Exception {
        String token = jdbc.sql("SELECT token FROM survey_token WHERE sample_member_id = :m").param("m", onlineCase.id())
                .query(String.class).single();

        mvc.perform(get(path(onlineCase)).header(HttpHeaders.AUTHORIZATION, "Bearer " + oneStopKey))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").value(token))
                .andExpect(jsonPath("$.url").value("http://localhost/s/" + token))
                .andExpect(jsonPath("$.campaignId").value(campaign.campaignId()))
                .andExpect(jsonPath("$.expiresAt").isNotEmpty())
                .andExpect(jsonPath("$.qrSvgUrl").value(path(onlineCase) + ".svg"));
        // asking again gives the same link
        mvc.perform(get(path(onlineCase)).header(HttpHeaders.AUTHORIZATION, "Bearer " + oneStopKey))
                .andExpect(jsonPath("$.token").value(token));
    }

    @Test
    void theQrCodeOfTheLinkComesAsSvgAndDecodesToIt() throws Exception {
        String svg = mvc.perform(get(path(onlineCase) + ".svg").header(HttpHeaders.AUTHORIZATION, "Bearer " + oneStopKey))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andReturn().getResponse().getContentAsString();
        String token = jdbc.sql("SELECT token FROM survey_token WHERE sample_member_id = :m").param("m", onlineCase.id())
                .query(String.class).single();
        assertThat(QrReading.texts(svg)).containsExactly("http://localhost/s/" + token);
    }

    @Test
    void aDossierNotSampledForOnlineIsA404Problem() throws Exception {
        mvc.perform(get(path(phoneCase)).header(HttpHeaders.AUTHORIZATION, "Bearer " + oneStopKey))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:not-sampled-online"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("không thuộc mẫu khảo sát trực tuyến")));
        mvc.perform(get("/api/v1/dossiers/ONAPI-C1/KHONG-CO/token").header(HttpHeaders.AUTHORIZATION, "Bearer " + oneStopKey))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:unknown-dossier"));
    }

    @Test
    void anotherProvincesCallerIsRefused() throws Exception {
        long elsewhere = fixtures.inField("ONAPJ", "mot-cua-2018", 10, Map.of("ONLINE", 1)).province();
        mvc.perform(get(path(onlineCase))
                        .with(SignedIn.as(new CurrentUser("api-key:onapj", Set.of(Role.INTEGRATION), elsewhere))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCommunesOneStopSystemGetsTheLinksOfItsOwnDossiersOnly() throws Exception {
        InField allOnline = fixtures.inField("ONAPK", "mot-cua-2018", 20, Map.of("ONLINE", 1));
        FieldCase own = allOnline.cases().stream().filter(c -> c.unitId() == allOnline.commune1()).findFirst().orElseThrow();
        FieldCase other = allOnline.cases().stream().filter(c -> c.unitId() == allOnline.commune2()).findFirst().orElseThrow();
        CurrentUser commune = new CurrentUser("api-key:onapk-c1", Set.of(Role.INTEGRATION), allOnline.commune1());
        mvc.perform(get(path(own)).with(SignedIn.as(commune))).andExpect(status().isOk());
        mvc.perform(get(path(other)).with(SignedIn.as(commune))).andExpect(status().isForbidden());
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        mvc.perform(get(path(onlineCase))).andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDescriptionDocumentsTheEndpoint() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{unitCode}/{receiptCode}/token'].get.summary").isNotEmpty())
                .andExpect(jsonPath("$.paths['/api/v1/dossiers/{unitCode}/{receiptCode}/token.svg']").exists());
    }
}
