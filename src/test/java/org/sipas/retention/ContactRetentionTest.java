package org.sipas.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sipas.SettableClock;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.frame.DossierImport;
import org.sipas.frame.SamplingFrame;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Applicants' contacts go when the re-check and case windows close, and not before (DESIGN §8,
 * Decree 13/2023/NĐ-CP): checked in the tables themselves, ciphertext and keyed hashes included, at
 * times set on the application's clock. Each test's campaign is in a province of its own and every
 * run is scoped to it, so no other test's contacts are touched.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactRetentionTest {

    @TestConfiguration
    static class TestTime {
        @Bean
        @Primary
        SettableClock retentionTestClock() {
            return new SettableClock();
        }
    }

    @Autowired
    SettableClock clock;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ContactRetention retention;
    @Autowired
    SamplingFrame frame;
    @Autowired
    ResponseStore responses;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    DossierImport dossiers;

    FieldworkFixtures.InField closed;
    Instant closedAt;

    @BeforeAll
    void aClosedCampaign() {
        closed = fixtures.inField("RTN", "mot-cua-2018", 20, Map.of("PHONE", 1));
        closedAt = close(closed);
    }

    private Instant close(FieldworkFixtures.InField campaign) {
        jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = :id").param("id", campaign.campaignId()).update();
        return jdbc.sql("SELECT closed_at FROM campaign WHERE id = :c").param("c", campaign.campaignId())
                .query(Timestamp.class).single().toInstant();
    }

    /** The contact rows of the campaign's province: 120 dossiers, the frame of its first quarter. */
    private record Row(long dossierId, byte[] name, byte[] phone, byte[] address, byte[] phoneHash, byte[] fingerprint, Timestamp erasedAt) {
    }

    private List<Row> rows(FieldworkFixtures.InField campaign) {
        return jdbc.sql("""
                        SELECT k.dossier_id, k.name_cipher, k.phone_cipher, k.address_cipher, k.phone_hash, k.contact_hash, k.erased_at
                        FROM dossier_contact k JOIN dossier d ON d.id = k.dossier_id
                        WHERE d.unit_id IN (:c1, :c2) ORDER BY k.dossier_id""")
                .param("c1", campaign.commune1()).param("c2", campaign.commune2())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5), rs.getBytes(6),
                        rs.getTimestamp(7)))
                .list();
    }

    private static boolean erased(Row r) {
        return r.erasedAt() != null && r.name() == null && r.phone() == null && r.address() == null && r.phoneHash() == null
                && r.fingerprint().length == 0;
    }

    private static boolean held(Row r) {
        return r.erasedAt() == null && r.name() != null && r.phone() != null && r.phoneHash() != null && r.fingerprint().length > 0;
    }

    /** A consented case on the dossier of the campaign's first case, open: its follow-up contact must be kept. */
    private long consentedCase(FieldworkFixtures.InField campaign, FieldCase on, Instant openedAt) {
        // a satisfied rating sets off no rule, so the opener opens no case of its own on this response
        long response = responses.store(Submission.of(ResponseChannel.WEB, "mot-cua-2018", 1, on.unitId(), Map.of("satisfaction", "5"),
                openedAt).withDossier(on.dossierId()).withIdempotencyKey("rtn-case-" + on.id())).responseId();
        long rule = jdbc.sql("SELECT id FROM alert_rule ORDER BY id LIMIT 1").query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO feedback_case (response_id, rule_id, campaign_id, unit_id, owner_unit_id, dossier_id, receipt_code,
                                                   channel, severity, matched, consented, opened_at, due_at, updated_at)
                        SELECT :r, :rule, :c, :u, :u, d.id, d.receipt_code, 'WEB', 'HIGH', 'satisfaction = 1', true, :at, :at, :at
                        FROM dossier d WHERE d.id = :d RETURNING id""")
                .param("r", response).param("rule", rule).param("c", campaign.campaignId()).param("u", on.unitId())
                .param("d", on.dossierId()).param("at", Timestamp.from(openedAt))
                .query(Long.class).single();
    }

    @Test
    void aClosedCampaignKeepsItsContactsThroughItsRecheckWindowAndLosesThemAllAfter() throws Exception {
        FieldworkFixtures.InField campaign = fixtures.inField("RTW", "mot-cua-2018", 20, Map.of("PHONE", 1));
        Instant closedOn = close(campaign);
        FieldCase withCase = campaign.cases().get(0);
        long caseId = consentedCase(campaign, withCase, closedOn.minus(Duration.ofDays(1)));
        int window = retention.plan(campaign.province(), closedOn).settings().recheckDays();
        // two one-time codes asked on its portal: the keyed hash of an email and of the code, as OneTimeCodes writes them
        for (int i = 0; i < 2; i++) {
            jdbc.sql("INSERT INTO open_survey_code (campaign_id, email_hash, code_hash, expires_at) VALUES (:c, :e, :h, now())")
                    .param("c", campaign.campaignId()).param("e", "rtw-email-hash-" + i).param("h", "rtw-code-hash-" + i).update();
        }
        assertThat(retention.plan(campaign.province(), closedOn).campaigns().items()).filteredOn(r -> r.campaign().id() == campaign.campaignId())
                .singleElement().extracting(ContactRetention.CampaignRetention::hashes).isEqualTo(2L);

        // a day before the window closes: nothing of the campaign goes
        ContactRetention.Run early = retention.run(campaign.province(), closedOn.plus(Duration.ofDays(window - 1)), false, null);
        assertThat(early.total()).isZero();
        assertThat(rows(campaign)).hasSize(120).allMatch(ContactRetentionTest::held);

        // the window over: every contact of its frame goes, drawn and undrawn, but the open consented case's
        Instant after = closedOn.plus(Duration.ofDays(window + 1));
        ContactRetention.Run run = retention.run(campaign.province(), after, false, null);
        List<Row> rows = rows(campaign);
        assertThat(rows.stream().filter(r -> r.dossierId() == withCase.dossierId())).singleElement().matches(ContactRetentionTest::held);
        assertThat(rows.stream().filter(r -> r.dossierId() != withCase.dossierId())).hasSize(119).allMatch(ContactRetentionTest::erased);
        long drawn = jdbc.sql("SELECT count(DISTINCT dossier_id) FROM sample_member WHERE campaign_id = :c")
                .param("c", campaign.campaignId()).query(Long.class).single();
        assertThat(run.erased()).extracting(ContactRetention.Erased::kind, ContactRetention.Erased::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("drawn", drawn - 1), org.assertj.core.groups.Tuple.tuple("frame", 120 - drawn),
                        org.assertj.core.groups.Tuple.tuple("hashes", 2L));
        assertThat(jdbc.sql("SELECT count(*) FROM open_survey_code WHERE campaign_id = :c").param("c", campaign.campaignId())
                .query(Long.class).single()).isZero();

        // the readers say it was erased instead of failing or showing nothing
        SamplingFrame.Contact gone = frame.contacts(List.of(campaign.cases().get(1).dossierId())).get(0);
        assertThat(gone.erased()).isTrue();
        assertThat(gone.name()).isNull();
        assertThat(gone.phone()).isNull();
        assertThat(gone.receiptCode()).isNotBlank();

        // the one-stop system sending the dossier again does not bring its contact back
        importDossiers(campaign, "RTW-1,RTW-T1,RTW-C1,Công dân,Người dân 1,0912 000001,01/03/2025 08:00,,,,,Trực tiếp,Đã trả kết quả,Số 1\n");
        assertThat(rows(campaign)).usingRecursiveFieldByFieldElementComparator().isEqualTo(rows);

        // a second run at the same time erases nothing more and leaves the rows as they were
        assertThat(retention.run(campaign.province(), after, false, null).total()).isZero();
        assertThat(rows(campaign)).usingRecursiveFieldByFieldElementComparator().isEqualTo(rows);

        // the case closed: its contact stays through the grace, then goes
        int grace = retention.plan(campaign.province(), after).settings().caseGraceDays();
        jdbc.sql("UPDATE feedback_case SET state = 'CLOSED', root_cause = 'attitude', closed_at = :at WHERE id = :id")
                .param("at", Timestamp.from(after)).param("id", caseId).update();
        assertThat(retention.run(campaign.province(), after.plus(Duration.ofDays(grace - 1)), false, null).total()).isZero();
        ContactRetention.Run last = retention.run(campaign.province(), after.plus(Duration.ofDays(grace + 1)), false, null);
        assertThat(last.total()).isEqualTo(1);
        assertThat(rows(campaign)).hasSize(120).allMatch(ContactRetentionTest::erased);

        // the case page tells its owner the consented contact was erased, and offers no call back any more
        CurrentUser admin = campaign.admin();
        var auth = UsernamePasswordAuthenticationToken.authenticated(admin, null,
                admin.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        String casePage = mvc.perform(get("/cases/" + caseId).with(authentication(auth)).locale(java.util.Locale.forLanguageTag("vi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(casePage).contains("id=\"contact-erased\"").contains("theo quy định lưu giữ dữ liệu cá nhân")
                .doesNotContain("/follow-up");

        // each erasing run is audited with counts only
        List<String> audited = jdbc.sql("""
                        SELECT after::text FROM audit_log WHERE entity_type = 'contact_retention' AND entity_id = :scope
                        ORDER BY id""").param("scope", Long.toString(campaign.province())).query(String.class).list();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).contains("\"total\": 121").doesNotContain("Người dân").doesNotContain("0912");
    }

    private void importDossiers(FieldworkFixtures.InField campaign, String lines) {
        String csv = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
                + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status,applicant_address\n" + lines;
        users.runAs(campaign.admin(), () -> dossiers.importFile("rtn.csv",
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), campaign.admin()));
    }

    @Test
    void aDossierInNoCampaignKeepsItsContactForTheMonthsAfterItsImportThenLosesIt() {
        FieldworkFixtures.InField campaign = fixtures.inField("RTU", "mot-cua-2018", 20, Map.of("PHONE", 1));
        // received in June, outside the campaign's first quarter: in no campaign's frame
        importDossiers(campaign, """
                RTU-J1,RTU-T1,RTU-C1,Công dân,Người dân tháng sáu,0912 777001,02/06/2025 08:00,,,,,Trực tiếp,Đã trả kết quả,Số 7
                RTU-J2,RTU-T1,RTU-C2,Công dân,Người dân tháng sáu,0912 777002,03/06/2025 08:00,,,,,Trực tiếp,Đã trả kết quả,
                """);
        Instant imported = Instant.now();
        int months = retention.plan(campaign.province(), imported).settings().unattachedMonths();
        Instant before = imported.atZone(org.sipas.web.Formats.ZONE).plusMonths(months).minusDays(1).toInstant();
        Instant after = imported.atZone(org.sipas.web.Formats.ZONE).plusMonths(months).plusDays(1).toInstant();

        assertThat(retention.run(campaign.province(), before, false, null).total()).isZero();
        assertThat(retention.plan(campaign.province(), after).unattached().due()).isEqualTo(2);
        ContactRetention.Run run = retention.run(campaign.province(), after, false, null);
        assertThat(run.erased()).extracting(ContactRetention.Erased::kind, ContactRetention.Erased::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unattached", 2L));
        List<Row> rows = rows(campaign);
        assertThat(rows).hasSize(122);
        assertThat(rows.stream().filter(ContactRetentionTest::erased).map(Row::dossierId)).containsExactlyInAnyOrderElementsOf(
                jdbc.sql("SELECT id FROM dossier WHERE receipt_code IN ('RTU-J1', 'RTU-J2')").query(Long.class).list());
        // the campaign in the field keeps its whole frame, however old
        assertThat(rows.stream().filter(ContactRetentionTest::held)).hasSize(120);
    }

    @Test
    void aRecheckListAllRecordedEndsTheWindowBeforeItsDays() {
        RetentionRepository.CampaignRow withList = new RetentionRepository.CampaignRow(1, "x", "SAMPLED", "CLOSED", 1, "u", null, null,
                Instant.parse("2026-01-10T00:00:00Z"), 4, 0, Instant.parse("2026-01-15T00:00:00Z"), true);
        RetentionRepository.CampaignRow pending = new RetentionRepository.CampaignRow(1, "x", "SAMPLED", "CLOSED", 1, "u", null, null,
                Instant.parse("2026-01-10T00:00:00Z"), 4, 1, Instant.parse("2026-01-15T00:00:00Z"), true);
        RetentionRepository.CampaignRow inField = new RetentionRepository.CampaignRow(1, "x", "SAMPLED", "IN_FIELD", 1, "u", null, null,
                null, 0, 0, null, true);
        RetentionSettings settings = new RetentionSettings(30, 30, 24, "system", Instant.now());
        assertThat(ContactRetention.windowEnds(withList, settings)).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(ContactRetention.windowEnds(pending, settings)).isEqualTo(Instant.parse("2026-02-09T00:00:00Z"));
        assertThat(ContactRetention.windowEnds(inField, settings)).isNull();
    }

    @Test
    void aDryRunCountsWhatIsDueAndErasesNothing() {
        int window = retention.plan(closed.province(), closedAt).settings().recheckDays();
        Instant after = closedAt.plus(Duration.ofDays(window + 1));
        List<Row> before = rows(closed);
        ContactRetention.Run dry = retention.run(closed.province(), after, true, "preview by the test");
        assertThat(dry.total()).isEqualTo(before.stream().filter(ContactRetentionTest::held).count());
        assertThat(rows(closed)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
    }

    @Test
    void thePageShowsEachCampaignWithWhatItHoldsAndWhyNotYet() throws Exception {
        clock.set(closedAt.plus(Duration.ofDays(2)));
        CurrentUser admin = closed.admin();
        var auth = UsernamePasswordAuthenticationToken.authenticated(admin, null,
                admin.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        String page = mvc.perform(get("/admin/retention").with(authentication(auth)).locale(java.util.Locale.forLanguageTag("vi")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Lưu giữ thông tin liên hệ").contains("Quý I/2025 RTN").contains("Còn trong thời hạn phúc tra đến")
                .contains("id=\"campaign-" + closed.campaignId() + "\"")
                // a province administrator sees the settings but does not change the country's
                .contains("chỉ quản trị viên có phạm vi toàn quốc được sửa");

        // the button erases nothing while the window is open, and says so
        mvc.perform(post("/admin/retention/erase").with(authentication(auth)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(rows(closed)).allMatch(ContactRetentionTest::held);

        // a national administrator changes the settings, audited; a value out of bounds is refused
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser national = new CurrentUser("rtn-national", Set.of(Role.ADMIN), nation);
        var nationalAuth = UsernamePasswordAuthenticationToken.authenticated(national, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        RetentionSettings before = retention.plan(closed.province(), clock.instant()).settings();
        mvc.perform(post("/admin/retention/settings").with(authentication(nationalAuth)).with(csrf())
                        .param("recheckDays", "400").param("caseGraceDays", "30").param("unattachedMonths", "24"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "retention.settings.recheckDays.invalid"));
        mvc.perform(post("/admin/retention/settings").with(authentication(nationalAuth)).with(csrf())
                        .param("recheckDays", String.valueOf(before.recheckDays())).param("caseGraceDays", String.valueOf(before.caseGraceDays()))
                        .param("unattachedMonths", String.valueOf(before.unattachedMonths())))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("done", "retention.settings.saved"));
        assertThat(retention.plan(closed.province(), clock.instant()).settings().updatedBy()).isEqualTo("rtn-national");
    }
}
