package org.sipas.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A campaign's re-check report (báo cáo kết quả phúc tra): the share re-checked, and by
 * interviewer and by question how often a re-check confirmed the interview or found it different;
 * interviewers whose share of re-checks with a problem (discrepancies or no interview) is above the
 * campaign's tolerance are highlighted.
 *
 * @param interviews the campaign's responses with an interviewer
 */
record RecheckReport(long interviews, long rechecked, long done, List<ByInterviewer> interviewers, List<ByQuestion> questions,
                     double tolerance) {

    /** One interviewer's re-checks: done ones by outcome; problems = discrepancies + did not happen. */
    record ByInterviewer(String interviewer, long interviews, long rechecked, long done, long confirmed, long discrepancies,
                         long didNotHappen, long notReached, boolean aboveTolerance) {

        public double problemRate() {
            long reached = done - notReached;
            return reached == 0 ? 0 : (double) (discrepancies + didNotHappen) / reached;
        }
    }

    /** How often a question was asked again, and how often its answer differed. */
    record ByQuestion(String question, long asked, long differing) {

        public double discrepancyRate() {
            return asked == 0 ? 0 : (double) differing / asked;
        }
    }

    public double share() {
        return interviews == 0 ? 0 : (double) rechecked / interviews;
    }

    static RecheckReport of(List<RecheckRepository.Recheck> rechecks, Map<String, Long> interviewsBy, double tolerance) {
        Map<String, long[]> by = new TreeMap<>();
        interviewsBy.forEach((who, n) -> by.computeIfAbsent(who, w -> new long[7])[0] = n);
        Map<String, long[]> questions = new TreeMap<>();
        long done = 0;
        for (RecheckRepository.Recheck r : rechecks) {
            long[] counts = by.computeIfAbsent(r.interviewer() == null ? "—" : r.interviewer(), w -> new long[7]);
            counts[1]++;
            if (r.outcome() == null) {
                continue;
            }
            done++;
            counts[2]++;
            switch (RecheckLists.Outcome.valueOf(r.outcome())) {
                case CONFIRMED -> counts[3]++;
                case DISCREPANCIES -> counts[4]++;
                case DID_NOT_HAPPEN -> counts[5]++;
                case NOT_REACHED -> counts[6]++;
            }
            r.asked().forEach(q -> questions.computeIfAbsent(q, k -> new long[2])[0]++);
            r.differing().forEach(q -> questions.computeIfAbsent(q, k -> new long[2])[1]++);
        }
        List<ByInterviewer> interviewers = new ArrayList<>();
        by.forEach((who, c) -> {
            ByInterviewer row = new ByInterviewer(who, c[0], c[1], c[2], c[3], c[4], c[5], c[6], false);
            interviewers.add(new ByInterviewer(who, c[0], c[1], c[2], c[3], c[4], c[5], c[6], row.problemRate() > tolerance));
        });
        List<ByQuestion> byQuestion = new ArrayList<>();
        questions.forEach((q, c) -> byQuestion.add(new ByQuestion(q, c[0], c[1])));
        long interviews = interviewsBy.values().stream().mapToLong(Long::longValue).sum();
        return new RecheckReport(interviews, rechecks.size(), done, interviewers, byQuestion, tolerance);
    }

    /** The report as a workbook: one sheet by interviewer, one by question (figures as numbers, shares 0–1). */
    byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Điều tra viên");
            row(sheet, 0, "Điều tra viên", "Số phiếu", "Đã đưa vào phúc tra", "Đã phúc tra", "Xác nhận", "Có sai khác",
                    "Không có phỏng vấn", "Không liên lạc được", "Tỷ lệ có vấn đề", "Vượt ngưỡng");
            int i = 1;
            for (ByInterviewer r : interviewers) {
                row(sheet, i++, r.interviewer(), r.interviews(), r.rechecked(), r.done(), r.confirmed(), r.discrepancies(),
                        r.didNotHappen(), r.notReached(), r.problemRate(), r.aboveTolerance() ? "có" : "không");
            }
            Sheet byQuestion = book.createSheet("Câu hỏi");
            row(byQuestion, 0, "Câu hỏi", "Số lần hỏi lại", "Số lần sai khác", "Tỷ lệ sai khác");
            i = 1;
            for (ByQuestion q : questions) {
                row(byQuestion, i++, q.question(), q.asked(), q.differing(), q.discrepancyRate());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                // text cells as text: an interviewer's name never becomes a formula
                row.createCell(c).setCellValue(String.valueOf(v));
            }
        }
    }
}
