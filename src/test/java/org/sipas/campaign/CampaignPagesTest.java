package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class CampaignPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    CampaignFixture fixture;

    @BeforeEach
    void frame() throws Exception {
        fixture = new CampaignFixture(jdbc, mvc, "CPG");
    }

    @Test
    void aManagerCreatesDrawsAndReadsTheExplanationAndTheBudget() throws Exception {
        String location = mvc.perform(post("/campaigns").with(admin()).with(csrf())
                        .param("name", "Quý I/2025 trang").param("methodologyCode", fixture.methodology())
                        .param("methodologyVersion", "1").param("scopeUnitCode", "CPG-P").param("periodKind", "QUARTER")
                        .param("periodFrom", "2025-02-15").param("schedule", "QUARTERLY").param("rule", "PROPORTIONAL")
                        .param("target", "300").param("minimum", "60").param("reservePercent", "20")
                        .param("phoneShare", "41.4").param("phoneCost", "40000")
                        .param("faceToFaceShare", "58.6").param("faceToFaceCost", "15000")
                        .param("fixedCosts", "Phần mềm=150.000.000\nBáo cáo=10000000"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/campaigns/\\d+");

        mvc.perform(get(location).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("01/01/2025 – 31/03/2025")))
                .andExpect(content().string(containsString("n = N / (1 + N·e²)")))
                // 300 over C1 1,000, C2 400, C3 50 (all 50): 179, 71, 50
                .andExpect(content().string(containsString("<td class=\"num\">179</td>")))
                .andExpect(content().string(containsString("Giới hạn bởi N_h")))
                // 124 × 40,000 + 176 × 15,000 + 150,000,000 + 10,000,000
                .andExpect(content().string(containsString("167.600.000 ₫")));

        mvc.perform(post(location + "/draw").param("seed", "2025").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(admin()))
                .andExpect(content().string(containsString("Mẫu gồm 300 hồ sơ.")))
                .andExpect(content().string(containsString("2025")));
        mvc.perform(get(location + "/cost.csv").with(analyst()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("TOTAL,,,167600000")));
        mvc.perform(get("/campaigns").with(analyst()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quý I/2025 trang")))
                .andExpect(content().string(not(containsString("Tạo đợt khảo sát</h2>"))));
    }

    @Test
    void theCreateFormStartsFromTheManagersOwnUnitAndInventsNothing() throws Exception {
        CampaignFixture own = new CampaignFixture(jdbc, mvc, "CPN");
        String form = mvc.perform(get("/campaigns").with(provinceAdmin(own))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"scopeUnitCode\" value=\"CPN-P\"");
        assertThat(form).doesNotContainPattern("name=\"target\" value=\"\\d");
        assertThat(form).containsPattern("id=\"fixedCosts\"[^>]*></textarea>").doesNotContain("value=\"14500\"", "value=\"6000.0\"");
        // the scope picker offers the unit and the units below it, searchable without diacritics
        assertThat(form).contains("<datalist id=\"unit-choices\">", "label=\"— ");
    }

    @Test
    void aSecondCampaignStartsFromTheFirstOnesNextPeriodAndItsShares() throws Exception {
        CampaignFixture own = new CampaignFixture(jdbc, mvc, "CPM");
        mvc.perform(post("/campaigns").with(provinceAdmin(own)).with(csrf())
                        .param("name", "Quý I/2025 CPM").param("methodologyCode", own.methodology())
                        .param("methodologyVersion", "1").param("scopeUnitCode", "CPM-P").param("periodKind", "QUARTER")
                        .param("periodFrom", "2025-02-15").param("schedule", "QUARTERLY").param("rule", "PROPORTIONAL")
                        .param("target", "300").param("minimum", "60").param("reservePercent", "20")
                        .param("phoneShare", "25").param("phoneCost", "40000")
                        .param("faceToFaceShare", "75").param("faceToFaceCost", "15000")
                        .param("fixedCosts", "In ấn=2000000"))
                .andExpect(status().is3xxRedirection());
        String form = mvc.perform(get("/campaigns").with(provinceAdmin(own))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"periodFrom\" value=\"2025-04-01\"", "name=\"phoneShare\" value=\"25.0\"",
                "name=\"faceToFaceShare\" value=\"75.0\"", "In ấn=2000000", "name=\"target\" value=\"300\"");
    }

    @Test
    void channelSharesThatAreNotPercentagesAreRefusedWithAReason() throws Exception {
        CampaignFixture own = new CampaignFixture(jdbc, mvc, "CPW");
        mvc.perform(post("/campaigns").with(SignedIn.as(own.admin())).with(csrf())
                        .param("name", "Quý I/2025 CPW").param("methodologyCode", own.methodology())
                        .param("methodologyVersion", "1").param("scopeUnitCode", "CPW-P").param("periodKind", "QUARTER")
                        .param("periodFrom", "2025-02-15").param("target", "300")
                        .param("phoneShare", "6000").param("faceToFaceShare", "8500"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "campaign.shares.sum"));
        assertThat(jdbc.sql("SELECT count(*) FROM campaign WHERE name = 'Quý I/2025 CPW'").query(Long.class).single()).isZero();
    }

    @Test
    void workListsOpenContactsOnlyForThoseWhoCallAndAreAudited() throws Exception {
        String csv = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,received_at,"
                + "appointment_at,returned_at,receiving_official,processing_official,channel,status\n"
                + "CPGW-1,CPG-T1,CPG-C3,Công dân,Nguyễn Văn An,0912 345 678,10/06/2025 08:00,,,,,Trực tiếp,Đã trả kết quả\n"
                + "CPGW-2,CPG-T1,CPG-C3,Công dân,Trần Thị Bình,0987 654 321,11/06/2025 08:00,,,,,Trực tiếp,Đã trả kết quả\n";
        mvc.perform(multipart("/dossiers/import").file(new MockMultipartFile("file", "mot-cua.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(admin()).with(csrf()))
                .andExpect(status().isOk());
        String id = fixture.drawnJunePhoneCampaign(mvc, 2);

        mvc.perform(get("/campaigns/{id}/work-list/PHONE.csv", id).with(analyst())).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/{id}/work-list/PHONE.csv", id)
                        .with(SignedIn.as(new CurrentUser("interviewer-cpg", Set.of(Role.INTERVIEWER), fixture.unitId("C3")))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("danh-sach-" + id + "-phone.csv")))
                .andExpect(content().string(containsString("Nguyễn Văn An")))
                .andExpect(content().string(containsString("0912345678")));
        mvc.perform(get("/campaigns/{id}/work-list/PHONE.xlsx", id).with(admin())).andExpect(status().isOk());
        // the page and the budget carry no contact in clear
        mvc.perform(get("/campaigns/{id}", id).with(admin()))
                .andExpect(content().string(containsString("09******78")))
                .andExpect(content().string(not(containsString("0912345678"))));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'campaign.workList' AND entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    private static RequestPostProcessor provinceAdmin(CampaignFixture own) {
        return SignedIn.as(new CurrentUser("padmin-" + own.province, Set.of(Role.PROVINCE_ADMIN), own.province));
    }

    private RequestPostProcessor admin() {
        return SignedIn.as(fixture.admin());
    }

    private RequestPostProcessor analyst() {
        return SignedIn.as(new CurrentUser("analyst-cpg", Set.of(Role.ANALYST), fixture.province));
    }
}
