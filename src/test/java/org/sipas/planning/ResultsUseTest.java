package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Percent;
import org.sipas.index.Series;
import org.sipas.index.Tallies;
import org.sipas.methodology.Methodologies;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResultsApproval;
import org.sipas.reporting.ResultsPublished;
import org.sipas.reporting.Snapshot;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.server.ResponseStatusException;

/**
 * Using the results: a publication asks each unit with results for an improvement plan, as plan
 * tasks the province follows (due and late lists, reminders); the plan's form offers the unit's
 * lowest criteria with their published figures; ministries and provinces file yearly use reports;
 * the summary of who filed what goes out as DOCX and XLSX.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResultsUseTest {

    @Autowired
    FieldworkFixtures fieldwork;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewDecisions reviews;
    @Autowired
    ResultsApproval approval;
    @Autowired
    Tallies tallies;
    @Autowired
    CurrentUsers users;
    @Autowired
    Improvements improvements;
    @Autowired
    AfterPublication afterPublication;
    @Autowired
    IndexUseReports useReports;
    @Autowired
    IndexUseExports exports;
    @Autowired
    Plans plans;
    @Autowired
    PlanReminders reminders;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Methodologies methodologies;
    @Autowired
    MockMvc mvc;
    @Autowired
    PlanningFixtures fixtures;

    private PublishedForPlanning published(String prefix) {
        return new PublishedForPlanning(fieldwork, store, jdbc, reviews, approval, tallies, users, prefix, 15);
    }

    private List<Map<String, Object>> improvementTasks(long campaignId) {
        return jdbc.sql("""
                        SELECT it.task_id, it.unit_id, t.plan_id, t.ends_on, t.status, t.link_kind, t.link_id
                        FROM improvement_task it JOIN plan_task t ON t.id = it.task_id WHERE it.campaign_id = :c ORDER BY it.unit_id""")
                .param("c", campaignId).query().listOfRows();
    }

    private long taskOf(PublishedForPlanning p, long unitId) {
        return jdbc.sql("SELECT task_id FROM improvement_task WHERE campaign_id = :c AND unit_id = :u").param("c", p.id())
                .param("u", unitId).query(Long.class).single();
    }

    @Test
    void aPublicationAsksEachUnitInItsScopeForOneImprovementPlanAndASecondDeliveryOrVersionAsksNone() {
        PublishedForPlanning p = published("IMA");
        LocalDate today = LocalDate.now(Formats.ZONE);

        List<Map<String, Object>> tasks = improvementTasks(p.id());
        assertThat(tasks).extracting(t -> ((Number) t.get("unit_id")).longValue())
                .containsExactlyInAnyOrder(p.field.commune1(), p.field.commune2());
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.get("ends_on").toString()).isEqualTo(today.plusDays(30).toString());
            assertThat(t.get("status")).isEqualTo("NOT_STARTED");
            assertThat(t.get("link_kind")).isEqualTo("PUBLICATION");
            assertThat(((Number) t.get("link_id")).longValue()).isEqualTo(p.snapshot.id());
        });
        long planId = ((Number) tasks.get(0).get("plan_id")).longValue();
        Plan plan = users.runAs(p.provinceAdmin, () -> plans.get(planId)).plan();
        assertThat(plan.title()).isEqualTo("Phương án cải thiện sau công bố " + p.snapshot.campaignName());
        assertThat(plan.issuingUnitId()).as("issued by the campaign's scope unit").isEqualTo(p.field.province());
        assertThat(plan.status()).isEqualTo(PlanStatus.ISSUED);

        // the same event delivered again, and the sweep over recent publications: nothing new
        afterPublication.published(new ResultsPublished(p.id(), p.snapshot.id(), 1));
        assertThat(improvements.open(p.snapshot.id())).isZero();
        afterPublication.sweep(Instant.now());
        // a corrected version 2 of the same results: the units already asked are not asked twice
        Snapshot second = p.correct(List.of(p.responses.get(0)), "loại một phiếu sau phúc tra");
        assertThat(second.version()).isEqualTo(2);
        assertThat(improvementTasks(p.id())).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM plan_task WHERE plan_id = :p").param("p", planId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anOverdueImprovementTaskIsInTheProvincesLateListAndItsHeadIsRemindedBeforeTheDeadline() {
        PublishedForPlanning p = published("IML");
        long task1 = taskOf(p, p.field.commune1());
        long task2 = taskOf(p, p.field.commune2());
        String head = "iml-truong-1";
        accounts.create(head, "Trưởng phường IML", p.field.commune1(), Set.of(Role.UNIT_MANAGER), "Cải-thiện-2027-mạnh!");
        jdbc.sql("INSERT INTO notification_setting (username, email, email_on) VALUES (:u, 'truong-phuong@iml.example', true)")
                .param("u", head).update();

        // the planning's own reminders cover it: shortly before the deadline the commune's head is told, inbox and mail
        LocalDate end = LocalDate.now(Formats.ZONE).plusDays(30);
        reminders.send(end.minusDays(1).atTime(9, 0).atZone(Formats.ZONE).toInstant());
        assertThat(jdbc.sql("SELECT count(*) FROM plan_reminder WHERE task_id = :t").param("t", task1).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT link FROM inbox_message WHERE username = :u").param("u", head).query(String.class).list())
                .contains("/plans/" + users.runAs(p.provinceAdmin, () -> plans.task(task1)).planId() + "/tasks/" + task1);
        assertThat(jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = 'truong-phuong@iml.example'").query(String.class).list())
                .anySatisfy(s -> assertThat(s).startsWith("[sipas] Nhiệm vụ đến hạn").contains("Lập phương án cải thiện"));

        // thirty-one days on, nothing filed: the deadline has passed (moved back, as time would have)
        LocalDate today = LocalDate.now(Formats.ZONE);
        jdbc.sql("UPDATE plan_task SET starts_on = :s, ends_on = :e WHERE id = :t").param("s", today.minusDays(31))
                .param("e", today.minusDays(1)).param("t", task1).update();
        List<Plans.Due> late = users.runAs(p.provinceAdmin, () -> plans.due(null, 0));
        assertThat(late).filteredOn(d -> d.task().id() == task1).singleElement().satisfies(d -> {
            assertThat(d.task().late()).isTrue();
            assertThat(d.task().leadUnitId()).isEqualTo(p.field.commune1());
        });
        assertThat(late).extracting(d -> d.task().id()).as("the other commune's is not yet late").doesNotContain(task2);
    }

    @Test
    void thePlanFormOffersTheUnitsLowestCriteriaWithTheirFiguresAndFilingItMarksTheTaskDone() throws Exception {
        PublishedForPlanning p = published("IMF");
        long taskId = taskOf(p, p.field.commune1());
        String unitCode = "IMF-C1";
        // the commune's criteria in the snapshot, lowest first: read straight from the published figures
        DomainEstimate unit = p.snapshot.figures(Series.SAMPLED, Domain.UNIT).domains().stream()
                .filter(d -> d.code().equals(unitCode)).findFirst().orElseThrow();
        List<IndexEstimate> lowest = unit.figures().stream().filter(f -> "criterion".equals(f.level()))
                .sorted(Comparator.comparing(IndexEstimate::estimatePct).thenComparing(IndexEstimate::index)).limit(5).toList();
        Map<String, String> labels = methodologies.find("sipas-2017", 1).orElseThrow().index().labels(Locale.forLanguageTag("vi"));

        Improvements.View view = users.runAs(p.commune1Manager, () -> improvements.view(taskId, Locale.forLanguageTag("vi")));
        assertThat(view.weaknesses()).extracting(Weakness::criterion).containsExactlyElementsOf(lowest.stream().map(IndexEstimate::index).toList());
        for (int i = 0; i < 5; i++) {
            Weakness w = view.weaknesses().get(i);
            assertThat(w.estimatePct()).isEqualTo(lowest.get(i).estimatePct());
            assertThat(w.ci95Low()).isEqualTo(lowest.get(i).ci95Low()).isNotNull();
            assertThat(w.ci95High()).isEqualTo(lowest.get(i).ci95High()).isNotNull();
            assertThat(w.label()).isEqualTo(labels.get(w.criterion()));
        }
        String path = "/plans/" + view.task().planId() + "/tasks/" + taskId + "/improvement";
        MvcResult page = mvc.perform(get(path).with(SignedIn.as(p.commune1Manager))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Percent pct = new Percent(Locale.forLanguageTag("vi"));
        Weakness first = view.weaknesses().get(0);
        assertThat(html).contains("<table id=\"weaknesses\"").contains(first.label()).contains(pct.of(first.estimatePct()))
                .contains(pct.number(first.ci95Low()) + " – " + pct.of(first.ci95High()));
        // the other commune of the plan reads it (planning's rule: a plan is seen by its tasks' lead units) but files nothing;
        // another province's head reaches nothing
        CurrentUser neighbour = new CurrentUser("truong-imf-2", Set.of(Role.UNIT_MANAGER), p.field.commune2());
        MvcResult read = mvc.perform(get(path).with(SignedIn.as(neighbour))).andReturn();
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(read.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"improvement-form\"");
        assertThat(html).contains("id=\"improvement-form\"");
        assertThat(mvc.perform(post(path).with(SignedIn.as(neighbour)).with(csrf()).param("criterion", first.criterion())
                .param("weakness", "").param("measure", "x").param("owner", "y").param("due", LocalDate.now(Formats.ZONE).toString()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        CurrentUser stranger = users.runAs(p.nationalAdmin, () -> fixtures.province("IMX")).commune1Manager();
        assertThat(mvc.perform(get(path).with(SignedIn.as(stranger))).andReturn().getResponse().getStatus()).isEqualTo(403);

        // a row missing its owner refuses the whole plan, naming the row and the field
        LocalDate due = LocalDate.now(Formats.ZONE).plusDays(90);
        assertThatThrownBy(() -> users.runAs(p.commune1Manager, () -> {
            improvements.file(taskId, List.of(new Improvements.MeasureInput(1, first.criterion(), null, "Niêm yết công khai", "Bộ phận một cửa",
                    due.toString()), new Improvements.MeasureInput(2, "", "Thái độ công chức", "Tập huấn giao tiếp", " ", due.toString())));
            return null;
        })).isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getReason()).contains("measures row 2, owner"));
        assertThat(jdbc.sql("SELECT count(*) FROM improvement_measure WHERE task_id = :t").param("t", taskId).query(Long.class).single()).isZero();

        // filed through the page's form: two measures, one on the lowest criterion, one in the unit's own words
        MvcResult filed = mvc.perform(post(path).with(SignedIn.as(p.commune1Manager)).with(csrf())
                .param("criterion", first.criterion(), "", "")
                .param("weakness", "", "Thái độ của công chức khi hướng dẫn, nhất là hồ sơ phức tạp", "")
                .param("measure", "Niêm yết công khai, hướng dẫn bằng hình ảnh tại bộ phận một cửa", "Tập huấn kỹ năng giao tiếp, rà soát phản ánh", "")
                .param("owner", "Bộ phận một cửa", "Văn phòng UBND", "")
                .param("due", due.minusDays(30).toString(), due.toString(), "")).andReturn();
        assertThat(filed.getResponse().getStatus()).as(filed.getResponse().getErrorMessage()).isEqualTo(302);
        List<Measure> measures = users.runAs(p.commune1Manager, () -> improvements.view(taskId, Locale.forLanguageTag("vi"))).measures();
        assertThat(measures).hasSize(2);
        assertThat(measures.get(0).criterion()).isEqualTo(first.criterion());
        assertThat(measures.get(0).weakness()).isEqualTo(first.label());
        assertThat(measures.get(0).estimatePct()).isEqualTo(first.estimatePct());
        assertThat(measures.get(1).criterion()).isNull();
        PlanTask task = users.runAs(p.commune1Manager, () -> plans.task(taskId));
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        PlanTask parent = users.runAs(p.provinceAdmin, () -> plans.get(task.planId())).tasks().stream().filter(t -> t.id() == taskId)
                .findFirst().orElseThrow();
        assertThat(parent.steps()).as("the report on what was done, due at the last measure's deadline").singleElement().satisfies(s -> {
            assertThat(s.content()).isEqualTo("Báo cáo kết quả thực hiện phương án cải thiện");
            assertThat(s.time().end()).isEqualTo(due);
            assertThat(s.leadUnitId()).isEqualTo(p.field.commune1());
        });
        String filedPage = mvc.perform(get(path).with(SignedIn.as(p.commune1Manager))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(filedPage).contains("<table id=\"measures\"").contains("Tập huấn kỹ năng giao tiếp, rà soát phản ánh")
                .contains("id=\"outcome-form\"").doesNotContain("id=\"improvement-form\"");
        String taskPage = mvc.perform(get("/plans/" + task.planId() + "/tasks/" + taskId).with(SignedIn.as(p.commune1Manager))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(taskPage).contains("href=\"" + path + "\"");
        assertThat(mvc.perform(post(path).with(SignedIn.as(p.commune1Manager)).with(csrf()).param("criterion", "")
                .param("weakness", "x").param("measure", "y").param("owner", "z").param("due", due.toString()))
                .andReturn().getResponse().getStatus()).as("filed once").isEqualTo(409);

        // at the period's end: what was done with each measure; the report step is done
        MvcResult reported = mvc.perform(post(path + "/outcomes").with(SignedIn.as(p.commune1Manager)).with(csrf())
                .param("measureId", String.valueOf(measures.get(0).id()), String.valueOf(measures.get(1).id()))
                .param("outcome-" + measures.get(0).id(), "DONE").param("outcome-" + measures.get(1).id(), "PARTLY")
                .param("note-" + measures.get(1).id(), "Đã tập huấn 2/3 công chức")).andReturn();
        assertThat(reported.getResponse().getStatus()).as(reported.getResponse().getErrorMessage()).isEqualTo(302);
        assertThat(users.runAs(p.provinceAdmin, () -> plans.task(parent.steps().get(0).id())).status()).isEqualTo(TaskStatus.DONE);
        assertThat(users.runAs(p.commune1Manager, () -> improvements.view(taskId, Locale.forLanguageTag("vi"))).measures())
                .extracting(Measure::outcome).containsExactly(Measure.Outcome.DONE, Measure.Outcome.PARTLY);
        assertThat(mvc.perform(get(path).with(SignedIn.as(p.commune1Manager))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Thực hiện một phần").contains("Đã tập huấn 2/3 công chức")
                .as("reported once: no outcome to choose any more").doesNotContain("name=\"outcome-");
    }

    @Test
    void theSummaryExportListsWhoFiledTheirImprovementPlanAndTheirYearlyUseReport() throws Exception {
        PublishedForPlanning p = published("IMS");
        int year = LocalDate.now(Formats.ZONE).getYear();
        long task1 = taskOf(p, p.field.commune1());
        LocalDate due = LocalDate.now(Formats.ZONE).plusDays(60);
        users.runAs(p.commune1Manager, () -> {
            improvements.file(task1, List.of(
                    new Improvements.MeasureInput(1, "", "Thời gian chờ", "Bố trí thêm quầy", "Bộ phận một cửa", due.toString()),
                    new Improvements.MeasureInput(2, "", "Phí không chính thức", "Đường dây nóng", "Thanh tra", due.toString())));
            return null;
        });
        // the measures reported: one done, one not
        List<Measure> measures = users.runAs(p.commune1Manager, () -> improvements.view(task1, Locale.ROOT)).measures();
        users.runAs(p.commune1Manager, () -> {
            improvements.report(task1, List.of(new Improvements.OutcomeInput(measures.get(0).id(), "DONE", null),
                    new Improvements.OutcomeInput(measures.get(1).id(), "NOT_DONE", "chưa có kinh phí")));
            return null;
        });
        // the second commune's plan is overdue and not filed
        long task2 = taskOf(p, p.field.commune2());
        LocalDate today = LocalDate.now(Formats.ZONE);
        jdbc.sql("UPDATE plan_task SET starts_on = :s, ends_on = :e WHERE id = :t").param("s", today.minusDays(40))
                .param("e", today.minusDays(2)).param("t", task2).update();

        // the nation asks the ministries and provinces for their yearly use reports; the province files its own with a file
        assertThatThrownBy(() -> users.runAs(p.provinceAdmin, () -> useReports.open(year, today.plusDays(20))))
                .as("only the nation asks").isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        long usePlan = users.runAs(p.nationalAdmin, () -> useReports.open(year, today.plusDays(20)));
        assertThat(users.runAs(p.nationalAdmin, () -> useReports.open(year, today.plusDays(20)))).as("asked once a year").isEqualTo(usePlan);
        long useTask = jdbc.sql("SELECT task_id FROM index_use_task WHERE year = :y AND unit_id = :u").param("y", year)
                .param("u", p.field.province()).query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM index_use_task WHERE year = :y AND unit_id = :u").param("y", year)
                .param("u", p.field.commune1()).query(Long.class).single()).as("communes file no yearly report").isZero();
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String usePath = "/plans/" + usePlan + "/tasks/" + useTask + "/use-report";
        MvcResult sent = mvc.perform(multipart(usePath).file(new MockMultipartFile("file", "bao-cao-su-dung.pdf", "application/pdf", pdf))
                .param("body", "Tỉnh đã chỉ đạo các xã lập phương án cải thiện; 1/2 xã đã lập.").with(SignedIn.as(p.provinceAdmin)).with(csrf()))
                .andReturn();
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getErrorMessage()).isEqualTo(302);
        assertThat(users.runAs(p.provinceAdmin, () -> plans.files(useTask))).extracting(PlanRepository.FileInfo::fileName)
                .containsExactly("bao-cao-su-dung.pdf");
        assertThat(users.runAs(p.provinceAdmin, () -> plans.task(useTask)).status()).isEqualTo(TaskStatus.DONE);
        assertThat(mvc.perform(get(usePath).with(SignedIn.as(p.provinceAdmin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Tỉnh đã chỉ đạo các xã lập phương án cải thiện")
                .contains("bao-cao-su-dung.pdf").doesNotContain("id=\"use-report-form\"");
        String filedOn = Formats.DATE.format(Instant.now());

        List<IndexUseReports.Row> rows = users.runAs(p.provinceAdmin, () -> useReports.summary(year));
        assertThat(rows).extracting(IndexUseReports.Row::unitCode).containsExactly("IMS-C1", "IMS-C2", "IMS-P");

        byte[] xlsx = users.runAs(p.provinceAdmin, () -> exports.xlsx(year, rows));
        List<List<String>> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            for (Row row : sheet) {
                List<String> line = new ArrayList<>();
                row.forEach(c -> line.add(text.formatCellValue(c)));
                cells.add(line);
            }
        }
        assertThat(cells.get(0)).containsExactly("TT", "Mã đơn vị", "Đơn vị", "Phương án cải thiện (ngày lập)", "Biện pháp đã hoàn thành",
                "Báo cáo sử dụng chỉ số (ngày gửi)", "Quá hạn");
        assertThat(cells.get(1)).containsExactly("1", "IMS-C1", "Phường Một IMS", filedOn, "1/2", "–", "");
        assertThat(cells.get(2)).containsExactly("2", "IMS-C2", "Xã Hai IMS", "chưa lập 1", "–", "–", "Quá hạn");
        assertThat(cells.get(3)).containsExactly("3", "IMS-P", "Tỉnh IMS", "–", "–", filedOn, "");

        byte[] docx = users.runAs(p.provinceAdmin, () -> exports.docx(year, useReports.scopeUnit(), false, rows, today));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String header = doc.getTables().get(0).getText();
            assertThat(header).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("TỈNH IMS").contains("IMS, ngày");
            XWPFTable table = doc.getTables().get(1);
            assertThat(table.getRow(0).getTableCells()).extracting(XWPFTableCell::getText).containsExactlyElementsOf(IndexUseExports.COLUMNS);
            assertThat(table.getRows()).hasSize(1 + 3);
            assertThat(table.getRow(1).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("1", "Phường Một IMS", filedOn, "1/2", "–", "");
            assertThat(table.getRow(2).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("2", "Xã Hai IMS", "chưa lập 1", "–", "–", "Quá hạn");
            try (XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
                assertThat(words.getText()).contains("TỔNG HỢP TÌNH HÌNH SỬ DỤNG KẾT QUẢ CHỈ SỐ HÀI LÒNG (SIPAS) NĂM " + year)
                        .contains("Đã lập phương án cải thiện: 1/2 đơn vị; đã gửi báo cáo sử dụng chỉ số: 1/1 bộ, tỉnh; quá hạn: 1 đơn vị.");
            }
        }

        // the page and the downloads
        MvcResult page = mvc.perform(get("/plans/index-use").param("year", String.valueOf(year)).with(SignedIn.as(p.provinceAdmin))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("<table id=\"index-use\"").contains("Xã Hai IMS")
                .contains("chưa lập 1").contains("/plans/index-use.docx?year=" + year);
        for (String ext : List.of("docx", "xlsx")) {
            MvcResult file = mvc.perform(get("/plans/index-use." + ext).param("year", String.valueOf(year)).with(SignedIn.as(p.provinceAdmin)))
                    .andReturn();
            assertThat(file.getResponse().getStatus()).isEqualTo(200);
            assertThat(file.getResponse().getContentAsByteArray()).startsWith('P', 'K', 3, 4);
        }
    }
}
