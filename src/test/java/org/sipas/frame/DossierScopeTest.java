package org.sipas.frame;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DossierScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    FrameCatalog catalog;

    @BeforeEach
    void dossiersInTwoCommunes() throws Exception {
        catalog = new FrameCatalog(jdbc, "FST");
        String csv = "receipt_code;procedure_code;unit_code;applicant_kind;applicant_name;applicant_phone;received_at;"
                + "appointment_at;returned_at;receiving_official;processing_official;channel;status\n"
                + "MINE-1;" + catalog.code("T1") + ";" + catalog.code("C1") + ";Công dân;Hoàng Văn Em;0901234567;"
                + "15/04/2025 09:00;;;;;Trực tiếp;Đã trả kết quả\n"
                + "THEIRS-1;" + catalog.code("T2") + ";" + catalog.code("C2") + ";Công dân;Vũ Thị Giang;0901234568;"
                + "16/05/2025 10:00;;;;;Trực tuyến;Đang xử lý\n";
        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content(csv)
                        .with(Callers.as("admin-fst", Role.ADMIN, catalog.unitId("P1"))))
                .andExpect(status().isOk());
    }

    @Test
    void aUnitManagerOfOneCommuneSeesNoDossierOfAnotherCommune() throws Exception {
        var manager = Callers.as("manager-fst", Role.UNIT_MANAGER, catalog.unitId("C1"));

        mvc.perform(get("/dossiers").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("MINE-1")))
                .andExpect(content().string(not(containsString("THEIRS-1"))))
                .andExpect(content().string(not(containsString(catalog.code("C2")))));

        mvc.perform(get("/api/v1/dossiers/counts").param("by", "unit").with(manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.counts[0].key").value(catalog.code("C1")));
        // asking for the other commune by name does not widen the scope
        mvc.perform(get("/api/v1/dossiers/counts").param("by", "month").param("unit", catalog.code("C2")).with(manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void countsPerMonthFollowVietnameseTimeAndTheDateFilter() throws Exception {
        var province = Callers.as("analyst-fst", Role.ANALYST, catalog.unitId("P1"));

        mvc.perform(get("/api/v1/dossiers/counts").param("by", "month").with(province))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts[0].label").value("04/2025"))
                .andExpect(jsonPath("$.counts[1].label").value("05/2025"));
        mvc.perform(get("/api/v1/dossiers/counts").param("by", "procedure").param("from", "01/05/2025")
                        .param("to", "16/05/2025").with(province))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.counts[0].key").value(catalog.code("T2")));
    }
}
