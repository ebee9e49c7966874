package org.sipas.collection.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators issue and revoke kiosks within their scope; a revoked kiosk is refused politely. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskKeysTest {

    private static final Pattern ADDRESS = Pattern.compile("/k/([A-Za-z0-9_-]{32})");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Kiosks kiosks;
    @Autowired
    CurrentUsers users;

    CounterUnits units;
    CounterUnits elsewhere;

    @BeforeAll
    void counters() {
        units = new CounterUnits(fixtures, jdbc, kiosks, users, "KKEY");
        elsewhere = new CounterUnits(fixtures, jdbc, kiosks, users, "KKEYX");
    }

    private CurrentUser provinceAdmin() {
        return new CurrentUser("tinh-kkey", Set.of(Role.PROVINCE_ADMIN), units.field.province());
    }

    @Test
    void aProvinceAdministratorIssuesAKioskAndSeesItsAddressOnceWhileOnlyItsHashIsKept() throws Exception {
        String page = mvc.perform(post("/admin/kiosks").with(SignedIn.as(provinceAdmin())).with(csrf())
                        .param("name", "Quầy 1 KKEY").param("unitCode", "KKEY-C1").param("methodology", "mot-cua-2018/1")
                        .param("askOfficial", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quầy 1 KKEY")))
                .andReturn().getResponse().getContentAsString();
        Matcher address = ADDRESS.matcher(page);
        assertThat(address.find()).as("the new kiosk's address on the page").isTrue();
        String key = address.group(1);

        record Row(long id, long unit, String hash, boolean official, boolean receipt, String by) {
        }
        Row row = jdbc.sql("""
                        SELECT id, unit_id, encode(key_hash, 'hex'), ask_official, ask_receipt, created_by FROM kiosk
                        WHERE name = 'Quầy 1 KKEY'""")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getString(6))).single();
        assertThat(row.unit()).isEqualTo(units.field.commune1());
        assertThat(row.hash()).isEqualTo(HexFormat.of().formatHex(KioskKey.hash(key)));
        assertThat(row.official()).isTrue();
        assertThat(row.receipt()).isFalse();
        assertThat(row.by()).isEqualTo("tinh-kkey");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'kiosk.issue' AND entity_id = :id")
                .param("id", Long.toString(row.id())).query(Long.class).single()).isEqualTo(1);

        // listed afterwards, never with its key
        mvc.perform(get("/admin/kiosks").with(SignedIn.as(provinceAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quầy 1 KKEY")))
                .andExpect(content().string(not(containsString(key))));
        // and the tablet opens it
        mvc.perform(get("/k/" + key)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ông/Bà đánh giá thế nào về việc giải quyết hồ sơ này?")))
                .andExpect(content().string(containsString("Rất hài lòng")));
    }

    @Test
    void aKioskForAUnitOutsideTheAdministratorsScopeIsRefused() throws Exception {
        mvc.perform(post("/admin/kiosks").with(SignedIn.as(provinceAdmin())).with(csrf())
                        .param("name", "Quầy lạ").param("unitCode", "KKEYX-C1"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM kiosk WHERE name = 'Quầy lạ'").query(Long.class).single()).isZero();
    }

    @Test
    void theListShowsOnlyTheKiosksOfTheScopeAndOnlyAdministratorsSeeIt() throws Exception {
        units.kiosk("Quầy trong phạm vi KKEY", false, false);
        elsewhere.kiosk("Quầy ngoài phạm vi KKEYX", false, false);
        mvc.perform(get("/admin/kiosks").with(SignedIn.as(provinceAdmin())))
                .andExpect(content().string(containsString("Quầy trong phạm vi KKEY")))
                .andExpect(content().string(not(containsString("Quầy ngoài phạm vi KKEYX"))));
        mvc.perform(get("/admin/kiosks").with(SignedIn.as(new CurrentUser("phan-tich-kkey", Set.of(Role.ANALYST),
                        units.field.province()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aQuestionnaireWithOtherRequiredQuestionsCannotBeAKiosks() throws Exception {
        mvc.perform(post("/admin/kiosks").with(SignedIn.as(provinceAdmin())).with(csrf())
                        .param("name", "Quầy SIPAS").param("unitCode", "KKEY-C1").param("methodology", "sipas-2017/1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("không dùng được cho máy đánh giá")));
        assertThat(jdbc.sql("SELECT count(*) FROM kiosk WHERE name = 'Quầy SIPAS'").query(Long.class).single()).isZero();
        // the one-stop quick rating is offered, the SIPAS questionnaire is not
        List<String> offered = kioskQuestionnaires.all().stream().map(q -> q.code() + "/" + q.version()).toList();
        assertThat(offered).contains("mot-cua-2018/1").doesNotContain("sipas-2017/1");
        mvc.perform(get("/admin/kiosks").with(SignedIn.as(provinceAdmin())))
                .andExpect(content().string(containsString("value=\"mot-cua-2018/1\"")))
                .andExpect(content().string(not(containsString("value=\"sipas-2017/1\""))));
    }

    @Autowired
    KioskQuestionnaires kioskQuestionnaires;

    @Test
    void aRevokedKioskIsRefusedWithAPolitePageAndItsScriptWith401() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy thu hồi KKEY", false, false);
        mvc.perform(post("/admin/kiosks/" + issued.kiosk().id() + "/revoke")
                        .with(SignedIn.as(new CurrentUser("tinh-khac", Set.of(Role.PROVINCE_ADMIN), elsewhere.field.province())))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/kiosks/" + issued.kiosk().id() + "/revoke").with(SignedIn.as(provinceAdmin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(kiosks.find(issued.kiosk().id()).orElseThrow().isRevoked()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'kiosk.revoke' AND entity_id = :id")
                .param("id", Long.toString(issued.kiosk().id())).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/k/" + issued.key()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Máy đánh giá đã ngừng hoạt động")));
        mvc.perform(post("/k/" + issued.key() + "/ratings").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"0b7c52d4-2f6a-4b8e-9d0e-5a1f3c2b4d6e\",\"level\":3}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("kiosk-revoked-or-unknown"));
        mvc.perform(post("/k/" + issued.key()).with(csrf()).param("level", "3")
                        .param("rating", "0b7c52d4-2f6a-4b8e-9d0e-5a1f3c2b4d6e"))
                .andExpect(status().isGone());
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE kiosk_id = :k").param("k", issued.kiosk().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownKioskAddressGetsAPolitePage() throws Exception {
        mvc.perform(get("/k/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy máy đánh giá")));
    }
}
