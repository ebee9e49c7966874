package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CodingTest {

    static final String[] SUGGESTIONS = {"Cán bộ cần thái độ niềm nở hơn", "Giảm phí, lệ phí", "Rút ngắn thời gian giải quyết",
            "Cổng dịch vụ công hay bị lỗi", "Niêm yết thông tin rõ ràng hơn", "Không có ý kiến gì thêm"};
    static final String[] CODES = {"thai_do", "phi", "thoi_gian", "cntt", "thong_tin", "khac"};

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Coding coding;
    @Autowired
    CodedThemes themes;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    MockMvc mvc;

    @Test
    void theCampaignPageLeadsAnAnalystToCodingAndASupervisorToTheReportAndCleaning() throws Exception {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QLK", 4, 17);
        String coding = "/campaigns/" + campaign.id() + "/coding\"";
        String cleaning = "/campaigns/" + campaign.id() + "/cleaning\"";
        String report = "/campaigns/" + campaign.id() + "/rechecks\"";
        String analysts = mvc.perform(get("/campaigns/{id}", campaign.id())
                        .with(org.sipas.identity.SignedIn.as(new CurrentUser("phantich-qlk", Set.of(Role.ANALYST), campaign.field.province()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(analysts).contains(coding).doesNotContain(cleaning).doesNotContain(report);
        String managers = mvc.perform(get("/campaigns/{id}", campaign.id())
                        .with(org.sipas.identity.SignedIn.as(new CurrentUser("quanly-qlk", Set.of(Role.UNIT_MANAGER), campaign.field.province()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(managers).contains(cleaning).contains(report).doesNotContain(coding);
    }

    @Test
    void twoCodersCodeTheSuggestionsTheSecondBlindOnTheSeededSampleAndTheirAgreementIsKappaPerCodeAndOverall() throws Exception {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QCD", 40, 16);
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            Map<String, String> answers = campaign.answers();
            answers.put("suggestion", SUGGESTIONS[i % SUGGESTIONS.length]);
            long id = campaign.interview("dtv-qcd-" + (1 + i % 2), answers, Duration.ofMinutes(20),
                    Instant.parse("2025-03-04T03:00:00Z").plusSeconds(600L * i));
            expected.put(id, CODES[i % CODES.length]);
        }
        // the recorded seed of the campaign's second-coding sample: the same seed, the same sample
        jdbc.sql("INSERT INTO coding_sample (campaign_id, seed, share) VALUES (:c, 16, 0.25)").param("c", campaign.id()).update();
        CurrentUser admin = campaign.field.admin();
        users.runAs(admin, () -> accounts.create("madoc-qcd-a", "Mã hoá A", campaign.field.province(), Set.of(Role.ANALYST), null));
        users.runAs(admin, () -> accounts.create("madoc-qcd-b", "Mã hoá B", campaign.field.province(), Set.of(Role.RECHECKER), null));
        // coders who have set their own password (a first password must be changed before any page)
        jdbc.sql("UPDATE app_user SET must_change_password = false WHERE username LIKE 'madoc-qcd-%'").update();
        CurrentUser first = new CurrentUser("madoc-qcd-a", Set.of(Role.ANALYST), campaign.field.province());
        CurrentUser second = new CurrentUser("madoc-qcd-b", Set.of(Role.RECHECKER), campaign.field.province());

        // the first coder walks every answer: the page shows it, the post codes it and shows the next
        mvc.perform(get("/campaigns/{id}/coding", campaign.id()).with(user(userDetails.loadUserByUsername("madoc-qcd-a"))))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Thái độ phục vụ")));
        int coded = 0;
        for (Coding.Next next = users.runAs(first, () -> coding.next(campaign.id())); next.answer() != null;
             next = users.runAs(first, () -> coding.next(campaign.id()))) {
            assertThat(next.pass()).isEqualTo(1);
            mvc.perform(post("/campaigns/{id}/coding", campaign.id()).with(csrf())
                            .with(user(userDetails.loadUserByUsername("madoc-qcd-a")))
                            .param("responseId", Long.toString(next.answer().responseId())).param("question", "suggestion")
                            .param("pass", "1").param("codes", expected.get(next.answer().responseId())))
                    .andExpect(status().is3xxRedirection());
            coded++;
        }
        assertThat(coded).isEqualTo(40);
        // nothing left for the first coder: they never code their own answers a second time
        assertThat(users.runAs(first, () -> coding.next(campaign.id())).leftSecond()).isZero();

        List<Long> sampled = new ArrayList<>();
        expected.keySet().stream().sorted().filter(id -> Coding.inSample(16, id, "suggestion", 0.25)).forEach(sampled::add);
        assertThat(sampled).isNotEmpty();
        List<Long> secondWalk = new ArrayList<>();
        long disagreed = -1;
        for (Coding.Next next = users.runAs(second, () -> coding.next(campaign.id())); next.answer() != null && next.pass() == 2;
             next = users.runAs(second, () -> coding.next(campaign.id()))) {
            long id = next.answer().responseId();
            secondWalk.add(id);
            // blind: the page of the second pass does not show the first coder's codes (only the frame)
            String code = expected.get(id);
            if (disagreed < 0 && code.equals("phi")) {
                disagreed = id;
                code = "thoi_gian";
            }
            String given = code;
            users.runAs(second, () -> {
                coding.code(campaign.id(), id, "suggestion", 2, List.of(given));
                return null;
            });
        }
        assertThat(secondWalk).containsExactlyElementsOf(sampled);

        Coding.Agreement agreement = users.runAs(admin, () -> coding.agreement(campaign.id()));
        assertThat(agreement.answers()).isEqualTo(sampled.size());
        assertThat(agreement.coded()).isEqualTo(40);
        Map<String, Double> kappa = new HashMap<>();
        agreement.codes().forEach(c -> kappa.put(c.code(), c.kappa()));
        // expected from the same two coders' tables, built here by hand
        List<Set<String>> a = sampled.stream().map(id -> Set.of(expected.get(id))).toList();
        long wrong = disagreed;
        List<Set<String>> b = sampled.stream().map(id -> Set.of(id == wrong ? "thoi_gian" : expected.get(id))).toList();
        Map<String, Double> byHand = CohenKappa.perCode(a, b, List.of(CODES));
        if (disagreed >= 0) {
            assertThat(kappa.get("phi")).isLessThan(1.0);
            assertThat(agreement.overall()).isLessThan(1.0).isEqualTo(byHand.get(CohenKappa.OVERALL));
        } else {
            assertThat(agreement.overall()).isEqualTo(1.0);
        }
        assertThat(kappa.get("khac")).isEqualTo(Double.isNaN(byHand.get("khac")) ? null : byHand.get("khac"));

        mvc.perform(get("/api/v1/campaigns/{id}/coding/agreement", campaign.id()).with(user(userDetails.loadUserByUsername("madoc-qcd-b"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.answers").value(sampled.size()));
        // the page names the units and the codes as people read them
        mvc.perform(get("/campaigns/{id}/coding/agreement", campaign.id()).with(user(userDetails.loadUserByUsername("madoc-qcd-b"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phường Một QCD")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phí, lệ phí")));

        // the coded themes: the first coder's codes, per unit
        List<CodedThemes.ThemeCount> counts = themes.counts(campaign.id(), campaign.field.province());
        assertThat(counts.stream().mapToLong(CodedThemes.ThemeCount::answers).sum()).isEqualTo(40);
        assertThat(counts).extracting(CodedThemes.ThemeCount::unitCode).allMatch(code -> code.startsWith("QCD-C"));

        // the dashboard loads them beside its figures (a link without JavaScript); a commune's page counts its own answers
        CurrentUser analyst = new CurrentUser("phantich-qcd", Set.of(Role.ANALYST), campaign.field.province());
        mvc.perform(get("/campaigns/{id}/dashboard", campaign.id()).with(org.sipas.identity.SignedIn.as(analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/campaigns/" + campaign.id() + "/themes")));
        long inC1 = counts.stream().filter(t -> t.unitCode().equals("QCD-C1") && t.code().equals("phi"))
                .mapToLong(CodedThemes.ThemeCount::answers).sum();
        String fragment = mvc.perform(get("/campaigns/{id}/themes", campaign.id()).param("unit", "QCD-C1").header("HX-Request", "true")
                        .with(org.sipas.identity.SignedIn.as(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fragment).doesNotContain("<html").contains("Phí, lệ phí");
        assertThat(fragment).containsPattern("Phí, lệ phí</th>\\s*<td class=\"num\">" + inC1 + "</td>");
        mvc.perform(get("/campaigns/{id}/themes", campaign.id()).param("unit", "QCD-C1")
                        .with(org.sipas.identity.SignedIn.as(new CurrentUser("phantich-khac", Set.of(Role.ANALYST),
                                fixtures.inField("QCX", "sipas-2017", 4, Map.of("PHONE", 1)).province()))))
                .andExpect(status().isForbidden());
        assertThat(counts.stream().filter(t -> t.code().equals("phi")).mapToLong(CodedThemes.ThemeCount::answers).sum())
                .isEqualTo(expected.values().stream().filter("phi"::equals).count());
    }

    @Test
    void aCoderSeesAndCodesOnlyTheAnswersOfTheirScope() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QCS", 20, 17);
        for (int i = 0; i < 20; i++) {
            Map<String, String> answers = campaign.answers();
            answers.put("suggestion", SUGGESTIONS[i % SUGGESTIONS.length]);
            campaign.interview("dtv-qcs", answers, Duration.ofMinutes(20), Instant.parse("2025-03-04T03:00:00Z").plusSeconds(600L * i));
        }
        long commune2 = campaign.field.commune2();
        CurrentUser communeCoder = new CurrentUser("madoc-qcs", Set.of(Role.ANALYST), commune2);
        List<Long> seen = new ArrayList<>();
        for (Coding.Next next = users.runAs(communeCoder, () -> coding.next(campaign.id())); next.answer() != null;
             next = users.runAs(communeCoder, () -> coding.next(campaign.id()))) {
            assertThat(next.answer().unitId()).isEqualTo(commune2);
            long id = next.answer().responseId();
            seen.add(id);
            users.runAs(communeCoder, () -> {
                coding.code(campaign.id(), id, "suggestion", 1, List.of("khac"));
                return null;
            });
        }
        List<Long> ofCommune1 = jdbc.sql("""
                        SELECT r.id FROM response r JOIN campaign_stratum s ON s.id = r.stratum_id
                        WHERE r.campaign_id = :c AND s.unit_id = :u""")
                .param("c", campaign.id()).param("u", campaign.field.commune1()).query(Long.class).list();
        assertThat(seen).isNotEmpty().doesNotContainAnyElementsOf(ofCommune1);
        assertThat(ofCommune1).isNotEmpty();
        assertThatThrownBy(() -> users.runAs(communeCoder, () -> {
            coding.code(campaign.id(), ofCommune1.get(0), "suggestion", 1, List.of("phi"));
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(themes.counts(campaign.id(), commune2)).allSatisfy(t -> assertThat(t.unitId()).isEqualTo(commune2));
        assertThat(themes.counts(campaign.id(), campaign.field.commune1())).isEmpty();
    }
}
