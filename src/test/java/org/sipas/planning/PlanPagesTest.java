package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sipas.identity.SignedIn;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plan's pages and API as a province's staff use them, and what another province's staff cannot reach. */
@SpringBootTest
@AutoConfigureMockMvc
class PlanPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanningFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private long fromTemplate(PlanningFixtures.Province place, String unitCode) throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/plans/from-template").with(SignedIn.as(place.admin())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"template\":\"quoc-gia-hang-nam\",\"year\":2027,\"unit\":\"" + unitCode + "\"}"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode body = json.readTree(created.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("tasks")).hasSize(8);
        assertThat(body.get("tasks").get(5).get("steps")).hasSize(7);
        assertThat(body.get("tasks").get(0).get("time").asString()).isEqualTo("Tháng 3 - 4/2027");
        return body.get("plan").get("id").asLong();
    }

    private String page(String path, PlanningFixtures.Province place) throws Exception {
        MvcResult result = mvc.perform(get(path).with(SignedIn.as(place.admin()))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void thePlanPageShowsTheTaskTableTheTimelineAndTheExportsAndATaskTakesNotesAndCheckedFiles() throws Exception {
        PlanningFixtures.Province place = fixtures.province("PPG");
        long id = fromTemplate(place, "PPG-P");

        String plan = page("/plans/" + id, place);
        assertThat(plan).contains("<table id=\"tasks\"").contains("<table id=\"timeline\" class=\"timeline\"")
                .contains("Công bố Chỉ số hài lòng về sự phục vụ hành chính năm 2026").contains("Tháng 3 - 4/2027")
                .contains("Phát, thu phiếu điều tra").contains("/api/v1/plans/" + id + ".docx").contains("/api/v1/plans/" + id + ".xlsx");
        // the timeline: one column per month of 2027, the first task's March and April filled
        assertThat(plan.split("<abbr title=\"", -1)).hasSize(12 + 1);
        assertThat(page("/plans", place)).contains("/plans/" + id);

        long taskId = jdbc.sql("SELECT id FROM plan_task WHERE plan_id = :p AND parent_id IS NULL AND ordinal = 6").param("p", id)
                .query(Long.class).single();
        String taskPath = "/plans/" + id + "/tasks/" + taskId;
        assertThat(mvc.perform(post(taskPath + "/notes").param("body", "Đã ký hợp đồng với Bưu điện tỉnh")
                .with(SignedIn.as(place.admin())).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(mvc.perform(multipart(taskPath + "/files").file(new MockMultipartFile("file", "hop-dong.pdf", "application/pdf", pdf))
                .with(SignedIn.as(place.admin())).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        MvcResult disguised = mvc.perform(multipart(taskPath + "/files")
                .file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .with(SignedIn.as(place.admin())).with(csrf()).accept(MediaType.APPLICATION_JSON)).andReturn();
        assertThat(disguised.getResponse().getStatus()).isEqualTo(422);
        assertThat(disguised.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("bien-ban.pdf");
        assertThat(mvc.perform(post(taskPath + "/status").param("status", "IN_PROGRESS")
                .with(SignedIn.as(place.admin())).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);

        String task = page(taskPath, place);
        assertThat(task).contains("Đã ký hợp đồng với Bưu điện tỉnh").contains("hop-dong.pdf").contains("Đang thực hiện");
        long fileId = jdbc.sql("SELECT id FROM plan_task_file WHERE task_id = :t").param("t", taskId).query(Long.class).single();
        MvcResult download = mvc.perform(get(taskPath + "/files/" + fileId).with(SignedIn.as(place.admin()))).andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'plan_task' AND entity_id = :t ORDER BY id")
                .param("t", String.valueOf(taskId)).query(String.class).list())
                .containsExactly("plan.task.note", "plan.task.file", "plan.task.status");

        // the heading as signed: number, date, purpose; the DOCX's number and date line say so
        assertThat(mvc.perform(post("/plans/" + id).with(SignedIn.as(place.admin())).with(csrf())
                .param("title", "Kế hoạch đo lường sự hài lòng năm 2027").param("unit", "PPG-P").param("year", "2027")
                .param("number", "125/KH-UBND").param("issuedOn", "15/01/2027").param("purpose", "Nâng cao chất lượng phục vụ"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(page("/plans/" + id, place)).contains("125/KH-UBND").contains("15/01/2027").contains("Nâng cao chất lượng phục vụ");
        assertThat(mvc.perform(post("/plans/" + id).with(SignedIn.as(place.admin())).with(csrf()).accept(MediaType.APPLICATION_JSON)
                .param("title", "X").param("unit", "PPG-P").param("year", "2027").param("issuedOn", "31/02/2027"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("issuedOn");
        assertThat(page("/plans/" + id, place)).as("a refused change changes nothing").contains("<h1>Kế hoạch đo lường sự hài lòng năm 2027</h1>");

        MvcResult docx = mvc.perform(get("/api/v1/plans/" + id + ".docx").with(SignedIn.as(place.admin()))).andReturn();
        assertThat(docx.getResponse().getStatus()).isEqualTo(200);
        assertThat(docx.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.getResponse().getContentAsByteArray()))) {
            assertThat(document.getTables().get(0).getText()).contains("Số: 125/KH-UBND").contains("PPG, ngày 15 tháng 01 năm 2027");
            assertThat(document.getParagraphs().stream().map(p -> p.getText()).toList()).contains("Nâng cao chất lượng phục vụ");
        }
    }

    @Test
    void aUserOfAnotherProvinceCannotSeeThePlanOnItsPageInTheApiOrItsExports() throws Exception {
        PlanningFixtures.Province place = fixtures.province("PPS");
        PlanningFixtures.Province other = fixtures.province("PPT");
        long id = fromTemplate(place, "PPS-P");
        for (String path : new String[] {"/plans/" + id, "/api/v1/plans/" + id, "/api/v1/plans/" + id + ".docx", "/api/v1/plans/" + id + ".xlsx"}) {
            assertThat(mvc.perform(get(path).with(SignedIn.as(other.admin()))).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/api/v1/plans").with(SignedIn.as(other.admin()))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("\"id\":" + id + ",");
        MvcResult foreign = mvc.perform(post("/api/v1/plans/from-template").with(SignedIn.as(other.admin())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"template\":\"quoc-gia-hang-nam\",\"year\":2027,\"unit\":\"PPS-P\"}")).andReturn();
        assertThat(foreign.getResponse().getStatus()).as("a plan for a unit outside one's scope").isEqualTo(403);
    }

    @Test
    void theDueListShowsALateTaskUnderItsLeadUnit() throws Exception {
        PlanningFixtures.Province place = fixtures.province("PPD");
        long id = fromTemplate(place, "PPD-P");
        LocalDate today = LocalDate.now(Formats.ZONE);
        MvcResult added = mvc.perform(post("/plans/" + id + "/tasks").with(SignedIn.as(place.admin())).with(csrf())
                .param("content", "Báo cáo tiến độ tháng").param("lead", "PPD-C1").param("granularity", "DATES")
                .param("start", Formats.DATE.format(today.minusDays(10))).param("end", Formats.DATE.format(today.minusDays(3)))).andReturn();
        assertThat(added.getResponse().getStatus()).isEqualTo(302);
        assertThat(page("/plans/due?unit=PPD-C1", place)).contains("Báo cáo tiến độ tháng").contains("Quá hạn");
        assertThat(page("/plans/due?unit=PPD-C2", place)).doesNotContain("Báo cáo tiến độ tháng");
    }
}
