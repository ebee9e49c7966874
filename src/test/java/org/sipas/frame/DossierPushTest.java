package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.ApiKeys;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DossierPushTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    SamplingFrame frame;

    FrameCatalog catalog;

    @BeforeEach
    void catalog() {
        catalog = new FrameCatalog(jdbc, "FPT");
    }

    private String dossier(String receipt, String unit, String phone) {
        return """
                {"receiptCode": "%s", "procedureCode": "%s", "unitCode": "%s", "applicantKind": "CITIZEN",
                 "applicantName": "Phạm Thị Dung", "applicantPhone": "%s", "receivedAt": "2025-05-06T08:30:00+07:00",
                 "appointmentAt": "13/05/2025", "returnedAt": null, "receivingOfficial": "%s",
                 "processingOfficial": null, "channel": "ONLINE", "status": "Đã giải quyết"}"""
                .formatted(receipt, catalog.code("T1"), catalog.code(unit), phone, catalog.code("O1"));
    }

    @Test
    void theSameBatchPushedTwiceIsStoredOnce() throws Exception {
        String batch = "[" + dossier("TWICE-1", "C1", "0987654321") + "," + dossier("TWICE-2", "C1", "")
                + "," + dossier("TWICE-3", "C2", "+84 987 654 322") + "]";

        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).content(batch)
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.inserted").value(3));
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).content("{\"dossiers\": " + batch + "}")
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));

        assertThat(catalog.dossiers("TWICE-")).isEqualTo(3);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM dossier_contact c JOIN dossier d ON d.id = c.dossier_id
                        WHERE d.receipt_code LIKE 'TWICE-%'""").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aBatchErrorNamesTheItemAndTheProperty() throws Exception {
        String batch = "[" + dossier("ITEM-1", "C1", "") + "," + dossier("ITEM-2", "C1", "12345").replace("ONLINE", "Fax") + "]";

        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).content(batch)
                        .header("Accept-Language", "en")
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("channel"))
                .andExpect(jsonPath("$.errors[1].line").value(2))
                .andExpect(jsonPath("$.errors[1].column").value("applicantPhone"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "Invalid phone number: 10 or 11 digits starting with 0 (or +84) are expected."));
        assertThat(catalog.dossiers("ITEM-")).isZero();
    }

    @Test
    void aPushedAddressIsKeptSealedAndAnOverLongOneNamesTheItemAndTheProperty() throws Exception {
        String withAddress = dossier("POSTAL-1", "C1", "0987654321").replace("\"status\"",
                "\"applicantAddress\": \"Thôn Trung, xã Thạch Lạc\", \"status\"");
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).content("[" + withAddress + "]")
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1));
        long id = jdbc.sql("SELECT id FROM dossier WHERE receipt_code = 'POSTAL-1'").query(Long.class).single();
        assertThat(frame.contacts(java.util.List.of(id)).get(0).address()).isEqualTo("Thôn Trung, xã Thạch Lạc");

        String tooLong = dossier("POSTAL-2", "C1", "").replace("\"status\"", "\"applicantAddress\": \"" + "x".repeat(201) + "\", \"status\"");
        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).content("[" + withAddress + "," + tooLong + "]")
                        .header("Accept-Language", "en")
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("applicantAddress"))
                .andExpect(jsonPath("$.errors[0].message").value("The value is 201 characters long, more than the limit of 200."));
        assertThat(catalog.dossiers("POSTAL-2")).isZero();
    }

    @Test
    void anApiKeyOfOneProvinceCannotPushDossiersOfAnotherProvince() throws Exception {
        String key = apiKeys.issue("Một cửa " + catalog.code("P1"), catalog.unitId("P1"), Set.of(Role.INTEGRATION)).key();
        String batch = "[" + dossier("FOREIGN-1", "C1", "") + "," + dossier("FOREIGN-2", "C3", "") + "]";

        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON).content(batch)
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].code").value("frame.unit.outsideScope"));
        assertThat(catalog.dossiers("FOREIGN-")).isZero();

        mvc.perform(post("/api/v1/dossiers").contentType(MediaType.APPLICATION_JSON)
                        .content("[" + dossier("FOREIGN-1", "C1", "") + "]")
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1));
    }
}
