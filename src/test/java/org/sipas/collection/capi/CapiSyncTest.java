package org.sipas.collection.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.Disposition;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** What the server does with what an interviewer's device downloads and syncs. */
@SpringBootTest
@AutoConfigureMockMvc
class CapiSyncTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    CaseDispositions dispositions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    /** A campaign half face to face, half by phone, with an interviewer holding three visits and a phone case, and a colleague holding one visit. */
    record Field(InField campaign, CurrentUser interviewer, List<FieldCase> mine, FieldCase myPhoneCase, FieldCase colleagues) {
    }

    private Field field(String prefix) {
        InField campaign = fixtures.inField(prefix, "mot-cua-2018", 20, Map.of("FACE_TO_FACE", 1, "PHONE", 1));
        // the campaign went to the field yesterday: the interviews below happened since
        jdbc.sql("UPDATE campaign SET fieldwork_at = now() - interval '1 day' WHERE id = :id").param("id", campaign.campaignId()).update();
        String me = "dtv-" + prefix.toLowerCase();
        String colleague = "dtv2-" + prefix.toLowerCase();
        users.runAs(campaign.admin(), () -> {
            accounts.create(me, "Điều tra viên " + prefix, campaign.province(), Set.of(Role.INTERVIEWER), "mat-khau-dai-du");
            return accounts.create(colleague, "Đồng nghiệp " + prefix, campaign.province(), Set.of(Role.INTERVIEWER), "mat-khau-dai-du");
        });
        List<FieldCase> visits = campaign.cases().stream().filter(c -> "FACE_TO_FACE".equals(c.channel())).toList();
        FieldCase phone = campaign.cases().stream().filter(c -> "PHONE".equals(c.channel())).findFirst().orElseThrow();
        List<FieldCase> mine = visits.subList(0, 3);
        users.runAs(campaign.admin(), () -> {
            fieldCases.assign(mine.stream().map(FieldCase::id).toList(), me);
            fieldCases.assign(List.of(phone.id()), me);
            return fieldCases.assign(List.of(visits.get(3).id()), colleague);
        });
        return new Field(campaign, new CurrentUser(me, Set.of(Role.INTERVIEWER), campaign.province()), mine, phone, visits.get(3));
    }

    private Map<String, Object> interview(String key, long caseId, Map<String, String> answers, Instant started, Instant ended) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("caseId", caseId);
        body.put("answers", answers);
        body.put("startedAt", started.toString());
        body.put("endedAt", ended.toString());
        body.put("positionConsent", false);
        return body;
    }

    private ResultActions sync(CurrentUser who, String path, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/capi/api/" + path).with(SignedIn.as(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private long responsesOf(long caseId) {
        return jdbc.sql("SELECT count(*) FROM response WHERE sample_member_id = :c").param("c", caseId).query(Long.class).single();
    }

    @Test
    void theDeviceDownloadsOnlyMyFaceToFaceCasesWithTheApplicantsContactAndTheQuestionnaire() throws Exception {
        Field f = field("CAPIA");
        mvc.perform(get("/capi/api/assignments").with(SignedIn.as(f.interviewer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.interviewer").value("dtv-capia"))
                .andExpect(jsonPath("$.cases.length()").value(3))
                .andExpect(jsonPath("$.cases[*].id").value(org.hamcrest.Matchers.contains(
                        f.mine().stream().map(c -> (int) c.id()).toArray())))
                .andExpect(jsonPath("$.cases[0].applicantName").value(org.hamcrest.Matchers.startsWith("Người dân ")))
                .andExpect(jsonPath("$.cases[0].applicantPhone").value(org.hamcrest.Matchers.startsWith("0912")))
                .andExpect(jsonPath("$.cases[0].receivedOn").value(org.hamcrest.Matchers.matchesPattern("\\d{2}/03/2025")))
                .andExpect(jsonPath("$.cases[0].form").value("mot-cua-2018/1"))
                .andExpect(jsonPath("$.forms.length()").value(1))
                .andExpect(jsonPath("$.forms[0].sections[0].questions[0].name").value("satisfaction"))
                .andExpect(jsonPath("$.forms[0].sections[0].questions[0].type").value("scale"))
                .andExpect(jsonPath("$.forms[0].sections[0].questions[0].required").value(true))
                .andExpect(jsonPath("$.forms[0].sections[0].questions[0].options[2].label.vi").value("Rất hài lòng"))
                .andExpect(jsonPath("$.forms[0].sections[0].questions[1].relevant").value("${satisfaction} = 1"))
                .andExpect(jsonPath("$.forms[0].sections[0].questions[2].constraint").value("string-length(.) <= 1000"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'capi.assignments.download' AND actor = 'dtv-capia'")
                .query(Long.class).single()).isEqualTo(1);
        // contacts are for those who visit: a supervisor without the interviewer role gets no list
        mvc.perform(get("/capi/api/assignments").with(SignedIn.as(f.campaign().admin()))).andExpect(status().isForbidden());
    }

    @Test
    void aSyncedInterviewIsStoredOnceAsAFaceToFaceResponseOfTheSampledCaseWithTheDevicesTimesAndPosition() throws Exception {
        Field f = field("CAPIB");
        FieldCase visited = f.mine().get(0);
        Instant started = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant ended = Instant.now().minus(25, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "1", "reasons", "thai_do phi", "reason_text", "  Chờ lâu  "), started, ended);
        body.put("positionConsent", true);
        body.put("position", Map.of("latitude", 10.9574, "longitude", 106.8427, "accuracy", 12.5));

        String first = sync(f.interviewer(), "interviews", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true)).andReturn().getResponse().getContentAsString();
        long responseId = json.readTree(first).get("responseId").asLong();
        // the answer to the sync was lost on the way: the device sends the same key again
        sync(f.interviewer(), "interviews", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.responseId").value(responseId)).andExpect(jsonPath("$.created").value(false));

        assertThat(responsesOf(visited.id())).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                        SELECT channel, sampled, collected_by, campaign_id, stratum_id, dossier_id, unit_id, started_at,
                               finished_at, latitude, longitude, position_accuracy_m, answers::text AS answers
                        FROM response WHERE id = :id""").param("id", responseId).query().singleRow();
        assertThat(row).containsEntry("channel", "CAPI").containsEntry("sampled", true)
                .containsEntry("collected_by", "dtv-capib").containsEntry("campaign_id", f.campaign().campaignId())
                .containsEntry("stratum_id", visited.stratumId()).containsEntry("dossier_id", visited.dossierId())
                .containsEntry("unit_id", visited.unitId())
                .containsEntry("latitude", 10.9574).containsEntry("longitude", 106.8427).containsEntry("position_accuracy_m", 12.5);
        assertThat(((java.sql.Timestamp) row.get("started_at")).toInstant()).isEqualTo(started);
        assertThat(((java.sql.Timestamp) row.get("finished_at")).toInstant()).isEqualTo(ended);
        assertThat(json.readTree((String) row.get("answers")).properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("satisfaction", "reasons", "reason_text");
        assertThat(json.readTree((String) row.get("answers")).get("reason_text").asString()).isEqualTo("Chờ lâu");
        assertThat(dispositions.of(visited.id())).contains(Disposition.COMPLETE);
        // an answered case is no longer downloaded for a visit
        mvc.perform(get("/capi/api/assignments").with(SignedIn.as(f.interviewer())))
                .andExpect(jsonPath("$.cases.length()").value(2));
    }

    @Test
    void anAnswerToAQuestionTheAnswersDoNotAskIsDroppedAsOnTheWebForm() throws Exception {
        Field f = field("CAPIC");
        FieldCase visited = f.mine().get(1);
        Instant now = Instant.now();
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "3", "reasons", "phi"), now.minusSeconds(600), now.minusSeconds(60)))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT answers::text FROM response WHERE sample_member_id = :c").param("c", visited.id())
                .query(String.class).single()).isEqualTo("{\"satisfaction\": \"3\"}");
    }

    @Test
    void aCaseHeldBySomeoneElseIsForbiddenAndNothingIsStored() throws Exception {
        Field f = field("CAPID");
        Instant now = Instant.now();
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), f.colleagues().id(),
                Map.of("satisfaction", "3"), now.minusSeconds(600), now.minusSeconds(60)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:capi-notYours"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(Long.toString(f.colleagues().id()))));
        assertThat(responsesOf(f.colleagues().id())).isZero();
    }

    @Test
    void invalidAnswersAreRefusedNamingTheQuestion() throws Exception {
        Field f = field("CAPIE");
        FieldCase visited = f.mine().get(0);
        Instant now = Instant.now();
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("reason_text", "x"), now.minusSeconds(600), now.minusSeconds(60)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"))
                .andExpect(jsonPath("$.errors[0].message").value("Vui lòng trả lời câu hỏi này."))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("satisfaction")));
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "7"), now.minusSeconds(600), now.minusSeconds(60)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        assertThat(responsesOf(visited.id())).isZero();
    }

    @Test
    void aDeviceClockInTheFutureOrBeforeTheFieldworkIsRefused() throws Exception {
        Field f = field("CAPIF");
        FieldCase visited = f.mine().get(0);
        Instant now = Instant.now();
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "3"), now.minusSeconds(600), now.plus(1, ChronoUnit.HOURS)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("endedAt"));
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "3"), now.minus(3, ChronoUnit.DAYS), now.minusSeconds(60)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("startedAt"));
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "3"), now.minusSeconds(60), now.minusSeconds(600)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("endedAt"));
        Map<String, Object> withoutConsent = interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "3"), now.minusSeconds(600), now.minusSeconds(60));
        withoutConsent.put("position", Map.of("latitude", 10.9, "longitude", 106.8));
        sync(f.interviewer(), "interviews", withoutConsent).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("positionConsent"));
        assertThat(responsesOf(visited.id())).isZero();
    }

    @Test
    void aCaseAnsweredByAnotherChannelIsAConflictForTheDevice() throws Exception {
        Field f = field("CAPIG");
        FieldCase visited = f.mine().get(0);
        Instant now = Instant.now();
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "2"), now.minusSeconds(900), now.minusSeconds(800))).andExpect(status().isCreated());
        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), visited.id(),
                Map.of("satisfaction", "3"), now.minusSeconds(600), now.minusSeconds(60)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:capi-answered"));
        assertThat(responsesOf(visited.id())).isEqualTo(1);
    }

    @Test
    void aKeyAlreadySyncedForAnotherCaseIsRefusedNamingItAndThatCaseStaysUnanswered() throws Exception {
        Field f = field("CAPIK");
        Instant now = Instant.now();
        String key = UUID.randomUUID().toString();
        sync(f.interviewer(), "interviews", interview(key, f.mine().get(0).id(), Map.of("satisfaction", "2"),
                now.minusSeconds(900), now.minusSeconds(800))).andExpect(status().isCreated());

        sync(f.interviewer(), "interviews", interview(key, f.mine().get(1).id(), Map.of("satisfaction", "3"),
                now.minusSeconds(600), now.minusSeconds(500)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:capi-keyTaken"))
                .andExpect(jsonPath("$.errors[0].message").value(key));
        assertThat(responsesOf(f.mine().get(1).id())).isZero();

        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), f.mine().get(1).id(),
                Map.of("satisfaction", "3"), now.minusSeconds(600), now.minusSeconds(500))).andExpect(status().isCreated());
        assertThat(responsesOf(f.mine().get(0).id())).isOne();
        assertThat(responsesOf(f.mine().get(1).id())).isOne();
    }

    @Test
    void anInterviewSyncedAfterTheCampaignClosedIsGoneForTheDeviceAndNotStored() throws Exception {
        Field f = field("CAPIL");
        Instant now = Instant.now();
        jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = :id").param("id", f.campaign().campaignId()).update();

        sync(f.interviewer(), "interviews", interview(UUID.randomUUID().toString(), f.mine().get(0).id(),
                Map.of("satisfaction", "2"), now.minusSeconds(900), now.minusSeconds(800)))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:capi-notInField"));
        assertThat(responsesOf(f.mine().get(0).id())).isZero();
    }

    @Test
    void aVisitWithoutInterviewSetsTheCasesDispositionAndCountsOnceWhenSentTwice() throws Exception {
        Field f = field("CAPIH");
        FieldCase visited = f.mine().get(2);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("key", UUID.randomUUID().toString());
        visit.put("caseId", visited.id());
        visit.put("outcome", "NOT_AT_HOME");
        visit.put("visitedAt", Instant.now().minusSeconds(300).toString());
        visit.put("note", "Hàng xóm nói đi làm ca chiều");
        sync(f.interviewer(), "visits", visit).andExpect(status().isCreated());
        sync(f.interviewer(), "visits", visit).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(false));
        assertThat(dispositions.of(visited.id())).contains(Disposition.NO_ANSWER);
        assertThat(dispositions.attempts(visited.id())).isEqualTo(1);

        visit.put("key", UUID.randomUUID().toString());
        visit.put("outcome", "REFUSED");
        sync(f.interviewer(), "visits", visit).andExpect(status().isCreated());
        assertThat(dispositions.of(visited.id())).contains(Disposition.REFUSED);
        assertThat(dispositions.attempts(visited.id())).isEqualTo(2);
        visit.put("key", UUID.randomUUID().toString());
        visit.put("outcome", "GONE_FISHING");
        sync(f.interviewer(), "visits", visit).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    }

    @Test
    void theAppShellIsForInterviewersAndItsFilesArePublicSoTheServiceWorkerCanKeepThem() throws Exception {
        Field f = field("CAPII");
        mvc.perform(get("/capi/").with(SignedIn.as(f.interviewer())))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("manifest.webmanifest"),
                                org.hamcrest.Matchers.containsString("<title>Phỏng vấn trực tiếp (CAPI)</title>"),
                                // the scripts' words, escaped as JavaScript
                                org.hamcrest.Matchers.containsString("\"consent\":\"Ng\\u01B0\\u1EDDi tr\\u1EA3 l\\u1EDDi"),
                                org.hamcrest.Matchers.containsString("\"survey.error.required\":"))));
        mvc.perform(get("/capi/").param("lang", "en").with(SignedIn.as(f.interviewer())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("\"sync\":\"Sync\"")));
        mvc.perform(get("/capi")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/capi/").with(SignedIn.as(f.campaign().admin()))).andExpect(status().isForbidden());
        for (String file : List.of("sw.js", "app.js", "expression.js", "capi.css", "manifest.webmanifest", "icon-192.png")) {
            mvc.perform(get("/capi/" + file)).andExpect(status().isOk());
        }
    }
}
