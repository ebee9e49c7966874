package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Lateness is derived from the end and the status; the due list follows the lead unit; the exports carry the plan's table. */
@SpringBootTest
class PlanDeadlinesTest {

    @Autowired
    PlanningFixtures fixtures;
    @Autowired
    Plans plans;
    @Autowired
    PlanExports exports;
    @Autowired
    CurrentUsers users;

    private static TaskForm task(String content, long lead, TaskTime time) {
        return new TaskForm(content, lead, null, List.of(), null, time, null, null, null);
    }

    @Test
    void aTaskPastItsEndAndNotDoneIsLateAndInItsLeadUnitsDueListOnly() {
        PlanningFixtures.Province place = fixtures.province("PDL");
        LocalDate today = LocalDate.now(Formats.ZONE);
        long planId = users.runAs(place.admin(), () -> plans.create(new PlanForm("Kế hoạch đo lường sự hài lòng năm " + today.getYear(),
                place.province(), "12/KH-UBND", today.minusDays(40), today.getYear(), null, null, null)));
        long late = users.runAs(place.admin(), () -> plans.addTask(planId, null,
                task("Lập danh sách phúc tra", place.commune1(), TaskTime.dates(today.minusDays(20), today.minusDays(1)))));
        long done = users.runAs(place.admin(), () -> plans.addTask(planId, null,
                task("Tập huấn điều tra viên", place.commune1(), TaskTime.dates(today.minusDays(20), today.minusDays(2)))));
        long today0 = users.runAs(place.admin(), () -> plans.addTask(planId, null,
                task("Phát phiếu", place.commune1(), TaskTime.dates(today.minusDays(5), today))));
        users.runAs(place.commune1Manager(), () -> {
            plans.setTaskStatus(done, TaskStatus.DONE);
            return null;
        });

        assertThat(users.runAs(place.admin(), () -> plans.task(late)).late()).isTrue();
        assertThat(users.runAs(place.admin(), () -> plans.task(done)).late()).as("done in time or not, a done task is not late").isFalse();
        assertThat(users.runAs(place.admin(), () -> plans.task(today0)).late()).as("its end is today: not yet passed").isFalse();

        List<Long> commune1 = users.runAs(place.admin(), () -> plans.due(place.commune1(), 14)).stream().map(d -> d.task().id()).toList();
        assertThat(commune1).contains(late, today0).doesNotContain(done);
        assertThat(users.runAs(place.admin(), () -> plans.due(place.commune2(), 14))).isEmpty();
        // the commune's own manager sees it in their list; the other commune's does not, whatever unit they ask for
        assertThat(users.runAs(place.commune1Manager(), () -> plans.due(null, 14))).extracting(d -> d.task().id()).contains(late);
        assertThat(users.runAs(place.commune2Manager(), () -> plans.due(null, 14))).isEmpty();
        assertThat(users.runAs(place.commune2Manager(), () -> plans.due(place.commune1(), 14))).isEmpty();
    }

    @Test
    void theDocxExportHasTheAdministrativeHeaderAndTheFiveColumnTableAndTheXlsxTheSameRows() throws Exception {
        PlanningFixtures.Province place = fixtures.province("PDX");
        long id = users.runAs(place.admin(), () -> plans.createFromTemplate("quoc-gia-hang-nam", 2027, place.province()));
        Plans.Full full = users.runAs(place.admin(), () -> plans.get(id));

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(exports.docx(full)))) {
            String text = docx.getTables().get(0).getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("TỈNH PDX").contains("năm 2027");
            XWPFTable table = docx.getTables().get(1);
            assertThat(table.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
                    .containsExactly("TT", "Nội dung công việc", "Thời gian", "Cơ quan chủ trì", "Cơ quan phối hợp");
            assertThat(table.getRows()).hasSize(1 + full.rows().size()).hasSize(1 + 8 + 23);
            assertThat(table.getRow(1).getTableCells()).extracting(XWPFTableCell::getText).containsExactly("1",
                    "Công bố Chỉ số hài lòng về sự phục vụ hành chính năm 2026", "Tháng 3 - 4/2027", "Bộ Nội vụ",
                    "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam; Trung ương Hội Cựu chiến binh Việt Nam");
            assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("- In tài liệu, báo cáo phục vụ Hội nghị công bố");
            assertThat(table.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0).getFontFamily()).isEqualTo("Times New Roman");
            String body = docx.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertThat(body).contains("KẾ HOẠCH").contains(full.plan().title());
        }
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(exports.xlsx(full)))) {
            Sheet sheet = xlsx.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Nội dung công việc");
            assertThat(sheet.getLastRowNum()).isEqualTo(full.rows().size());
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("01/03/2027");
        }
    }
}
