package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.frame.ContactErasure;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A paper handed to a partner whose applicant's contact was erased under the retention rule gets a
 * label that says so, with the dossier to ask the unit by, instead of a name and address or a failure.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErasedContactLabelTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ContactErasure erasure;

    @Test
    void aLabelOfAnErasedContactSaysItWasErasedAndNamesNobody() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("PPX", "sipas-2017", 8, Map.of("PAPER", 1));
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/cases").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<Integer> serials = jdbc.sql("""
                        SELECT serial FROM paper_form WHERE campaign_id = :c AND unit_id = :u AND sample_member_id IS NOT NULL
                        ORDER BY serial LIMIT 1""")
                .param("c", field.campaignId()).param("u", field.commune1()).query(Integer.class).list();
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/handout").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune1())).param("kind", "PARTNER").param("recipient", "Bưu điện PPX")
                        .param("numbers", serials.stream().map(String::valueOf).collect(Collectors.joining(","))).param("due", "5"))
                .andExpect(status().is3xxRedirection());
        record Handed(long dossierId, String receipt) {
        }
        Handed handed = jdbc.sql("""
                        SELECT d.id, d.receipt_code FROM paper_form f JOIN sample_member m ON m.id = f.sample_member_id
                        JOIN dossier d ON d.id = m.dossier_id WHERE f.campaign_id = :c AND f.serial = :s""")
                .param("c", field.campaignId()).param("s", serials.get(0))
                .query((rs, n) -> new Handed(rs.getLong(1), rs.getString(2))).single();
        assertThat(erasure.erase(List.of(handed.dossierId()), Instant.parse("2026-06-30T03:00:00Z"))).containsExactly(handed.dossierId());

        byte[] pack = mvc.perform(get("/campaigns/" + field.campaignId() + "/print-pack").param("unit", Long.toString(field.commune1()))
                        .with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(pack)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pdf.getNumberOfPages());
            String sheet = stripper.getText(pdf).replaceAll("\\s+", " ");
            String label = sheet.substring(sheet.indexOf("Kính gửi: "));
            assertThat(label).startsWith("Kính gửi: Người nộp hồ sơ")
                    .contains("Thông tin liên hệ đã được xóa ngày 30/06/2026 theo quy định lưu giữ dữ liệu cá nhân")
                    .contains("Hồ sơ " + handed.receipt() + " · PPX-T1").contains("Bưu điện PPX")
                    .doesNotContain("Người dân").doesNotContain("Trần Phú").doesNotContain("0912");
        }
    }
}
