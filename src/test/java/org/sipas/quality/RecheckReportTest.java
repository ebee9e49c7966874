package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class RecheckReportTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Arrivals arrivals;
    @Autowired
    RecheckLists lists;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;

    @Test
    void theReportShowsRatesByInterviewerAndQuestionHighlightsTheOnesAboveToleranceAndReadsBackFromItsWorkbook() throws Exception {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QRR", 80, 41);
        for (int i = 0; i < 80; i++) {
            String who = "dtv-qrr-" + (1 + i % 4);
            if (who.endsWith("-4")) {
                // an interviewer who writes the ratings without asking: nearly all fives
                var answers = QualityCampaign.straightLined("5");
                answers.put("c%02d".formatted(1 + i % 22), "4");
                campaign.interview(who, answers, Duration.ofMinutes(20), java.time.Instant.parse("2025-03-12T03:00:00Z").plusSeconds(3600L * (i % 8)));
            } else {
                campaign.interview(who);
            }
        }
        arrivals.check();
        CurrentUser admin = campaign.field.admin();
        users.runAs(admin, () -> accounts.create("phuctra-qrr", "Phúc tra QRR", campaign.field.province(), Set.of(Role.RECHECKER), null));
        users.runAs(admin, () -> lists.draw(campaign.id(), 9L));
        List<RecheckRepository.Recheck> list = users.runAs(admin, () -> lists.ofCampaign(campaign.id()));
        CurrentUser rechecker = new CurrentUser("phuctra-qrr", Set.of(Role.RECHECKER), campaign.field.province());
        for (RecheckRepository.Recheck r : list) {
            if (r.interviewer().endsWith("-4")) {
                users.runAs(rechecker, () -> lists.record(r.id(), RecheckLists.Outcome.DISCREPANCIES, List.of("c01", "c02"),
                        List.of("c02"), "người dân chấm 3"));
            } else {
                users.runAs(rechecker, () -> lists.record(r.id(), RecheckLists.Outcome.CONFIRMED, List.of("c01", "c02"), List.of(), null));
            }
        }

        RecheckReport report = users.runAs(admin, () -> lists.report(campaign.id()));
        List<InterviewerDistributions.Distribution> distributions = users.runAs(admin, () -> lists.distributions(campaign.id()));

        assertThat(report.interviews()).isEqualTo(80);
        assertThat(report.share()).isGreaterThanOrEqualTo(0.10);
        RecheckReport.ByInterviewer fabricator = report.interviewers().stream().filter(i -> i.interviewer().equals("dtv-qrr-4"))
                .findFirst().orElseThrow();
        assertThat(fabricator.aboveTolerance()).isTrue();
        assertThat(fabricator.problemRate()).isEqualTo(1.0);
        assertThat(report.interviewers().stream().filter(i -> !i.interviewer().equals("dtv-qrr-4")))
                .hasSize(3).allSatisfy(i -> assertThat(i.aboveTolerance()).isFalse());
        RecheckReport.ByQuestion c02 = report.questions().stream().filter(q -> q.question().equals("c02")).findFirst().orElseThrow();
        assertThat(c02.asked()).isEqualTo(report.done());
        assertThat(c02.differing()).isEqualTo(fabricator.done());
        assertThat(distributions).filteredOn(InterviewerDistributions.Distribution::differs)
                .extracting(InterviewerDistributions.Distribution::interviewer).contains("dtv-qrr-4");
        assertThat(distributions).filteredOn(d -> d.interviewer().equals("dtv-qrr-4")).allSatisfy(d ->
                assertThat(d.pValue()).isLessThan(1e-6));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.xlsx()))) {
            Sheet sheet = book.getSheet("Điều tra viên");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Điều tra viên");
            Row four = sheet.getRow(4);
            assertThat(four.getCell(0).getStringCellValue()).isEqualTo("dtv-qrr-4");
            assertThat(four.getCell(1).getNumericCellValue()).isEqualTo(20.0);
            assertThat(four.getCell(8).getNumericCellValue()).isEqualTo(1.0);
            assertThat(four.getCell(9).getStringCellValue()).isEqualTo("có");
        }
    }
}
