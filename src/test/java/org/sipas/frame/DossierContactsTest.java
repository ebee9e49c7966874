package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DossierContactsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SamplingFrame frame;

    FrameCatalog catalog;

    @BeforeEach
    void catalog() {
        catalog = new FrameCatalog(jdbc, "FCT");
    }

    @Test
    void contactsAreStoredEncryptedWithOneHashPerPhoneAndShownMasked() throws Exception {
        String csv = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,received_at,"
                + "appointment_at,returned_at,receiving_official,processing_official,channel,status\n"
                + "CONTACT-1," + catalog.code("T1") + "," + catalog.code("C1") + ",Công dân,Nguyễn Văn An,0912 345 678,"
                + "10/06/2025 08:00,,,,,Trực tiếp,Đã tiếp nhận\n"
                + "CONTACT-2," + catalog.code("T1") + "," + catalog.code("C1") + ",Người được uỷ quyền,Nguyễn Văn An,+84912345678,"
                + "11/06/2025 08:00,,,,,Trực tiếp,Đã tiếp nhận\n";
        var manager = Callers.as("manager-fct", Role.UNIT_MANAGER, catalog.unitId("C1"));

        mvc.perform(multipart("/dossiers/import")
                        .file(new MockMultipartFile("file", "mot-cua.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(manager).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã nhập 2 dòng: 2 thêm mới, 0 cập nhật, 0 không đổi.")));

        record Stored(byte[] name, byte[] phone, byte[] hash) {
        }
        List<Stored> contacts = jdbc.sql("""
                        SELECT c.name_cipher, c.phone_cipher, c.phone_hash FROM dossier_contact c
                        JOIN dossier d ON d.id = c.dossier_id WHERE d.receipt_code LIKE 'CONTACT-%' ORDER BY d.receipt_code""")
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)))
                .list();
        assertThat(contacts).hasSize(2);
        for (Stored contact : contacts) {
            String bytes = HexFormat.of().formatHex(contact.name()) + HexFormat.of().formatHex(contact.phone());
            assertThat(bytes).doesNotContain(HexFormat.of().formatHex("912345678".getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(HexFormat.of().formatHex("Nguy".getBytes(StandardCharsets.UTF_8)));
            assertThat(contact.phone()[0]).as("key version").isEqualTo((byte) 1);
        }
        assertThat(contacts.get(0).hash()).hasSize(32).isEqualTo(contacts.get(1).hash());
        assertThat(contacts.get(0).phone()).isNotEqualTo(contacts.get(1).phone());

        mvc.perform(get("/dossiers").param("q", "CONTACT-").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn V… A…")))
                .andExpect(content().string(containsString("09******78")))
                .andExpect(content().string(not(containsString("Nguyễn Văn An"))))
                .andExpect(content().string(not(containsString("0912345678"))));
    }

    @Test
    void anAddressIsStoredSealedOpenedForTheFrameChangedByAReimportAndNeverShownOnThePage() throws Exception {
        String header = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,received_at,"
                + "appointment_at,returned_at,receiving_official,processing_official,channel,status,applicant_address\n";
        String row = "ADDRESS-1," + catalog.code("T1") + "," + catalog.code("C1") + ",Công dân,Trần Thị Bình,0912 345 000,"
                + "10/06/2025 08:00,,,,,Trực tiếp,Đã tiếp nhận,";
        var manager = Callers.as("manager-fct", Role.UNIT_MANAGER, catalog.unitId("C1"));
        importCsv(header + row + "\"Số 7, ngõ 3 đường Hà Huy Tập,\nphường Thành Sen\"\n", manager);

        byte[] sealed = jdbc.sql("""
                        SELECT c.address_cipher FROM dossier_contact c JOIN dossier d ON d.id = c.dossier_id
                        WHERE d.receipt_code = 'ADDRESS-1'""").query(byte[].class).single();
        assertThat(sealed[0]).as("key version").isEqualTo((byte) 1);
        assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex("Hà Huy Tập".getBytes(StandardCharsets.UTF_8)));
        long dossier = jdbc.sql("SELECT id FROM dossier WHERE receipt_code = 'ADDRESS-1'").query(Long.class).single();
        // the line break of the cell is one space on a label
        assertThat(frame.contacts(List.of(dossier)).get(0).address()).isEqualTo("Số 7, ngõ 3 đường Hà Huy Tập, phường Thành Sen");
        assertThat(frame.maskedContacts(List.of(dossier)).get(0).address()).isNull();

        importCsv(header + row + "Số 9 đường Nguyễn Du\n", manager);
        assertThat(frame.contacts(List.of(dossier)).get(0).address()).isEqualTo("Số 9 đường Nguyễn Du");
        importCsv(header + row + "\n", manager);
        assertThat(frame.contacts(List.of(dossier)).get(0).address()).isNull();

        mvc.perform(get("/dossiers").param("q", "ADDRESS-").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Nguyễn Du"))));
    }

    private void importCsv(String csv, org.springframework.test.web.servlet.request.RequestPostProcessor as) throws Exception {
        mvc.perform(multipart("/dossiers/import")
                        .file(new MockMultipartFile("file", "dia-chi.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(as).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã nhập 1 dòng")));
    }

    @Test
    void thePageSpeaksEnglishOnRequest() throws Exception {
        mvc.perform(get("/dossiers").param("lang", "en").with(Callers.as("analyst-fct", Role.ANALYST, catalog.unitId("P1"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dossiers per month of receipt")));
    }
}
