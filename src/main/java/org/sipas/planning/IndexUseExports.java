package org.sipas.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sipas.identity.UnitDirectory;
import org.sipas.reporting.DocxFill;
import org.sipas.web.XlsxWriter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The summary of who filed what in a year, as the files passed on for the report to the
 * government: a DOCX in the plans' administrative layout (national motto, issuing body, date line,
 * title, then the table), filled through reporting's one DOCX machinery from
 * {@code planning/index-use.docx}; and an XLSX of the same table through {@code web.XlsxWriter}.
 */
@Component
class IndexUseExports {

    static final String TEMPLATE = "planning/index-use.docx";
    static final List<String> COLUMNS = List.of("TT", "Đơn vị", "Phương án cải thiện (ngày lập)", "Biện pháp đã hoàn thành",
            "Báo cáo sử dụng chỉ số (ngày gửi)", "Quá hạn");
    private static final Set<String> ROW_FIELDS = Set.of("tt", "unit", "plan", "measures", "report", "late");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final byte[] template;

    IndexUseExports() {
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            this.template = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the summary's DOCX template " + TEMPLATE + " is missing from the build", e);
        }
    }

    static String title(int year) {
        return "Tổng hợp tình hình sử dụng kết quả Chỉ số hài lòng (SIPAS) năm " + year;
    }

    /**
     * @param nationwide the issuer is the nation (the Ministry of Home Affairs signs in Hà Nội); else the
     *                   place is the issuer's name without its kind
     */
    byte[] docx(int year, UnitDirectory.UnitRef issuer, boolean nationwide, List<IndexUseReports.Row> rows, LocalDate today) {
        String place = nationwide ? "Hà Nội" : issuer.name().replaceFirst("^(Tỉnh|Thành phố|Phường|Xã|Đặc khu|Bộ) ", "");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("issuer.superior", "");
        values.put("issuer.name", issuer.name().toUpperCase(VI));
        values.put("summary.placeAndDate", "%s, ngày %02d tháng %02d năm %d".formatted(place, today.getDayOfMonth(), today.getMonthValue(),
                today.getYear()));
        values.put("summary.title", title(year).toUpperCase(VI));
        values.put("summary.period", "Năm " + year);
        values.put("summary.totals", totals(rows));
        List<Map<String, String>> items = new ArrayList<>();
        int n = 0;
        for (IndexUseReports.Row row : rows) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("tt", String.valueOf(++n));
            item.put("unit", row.unitName());
            item.put("plan", row.improvementText());
            item.put("measures", row.measuresText());
            item.put("report", row.useReportText());
            item.put("late", row.late() ? "Quá hạn" : "");
            items.add(item);
        }
        return DocxFill.fill(TEMPLATE, template, values, Map.of("rows", ROW_FIELDS), Map.of("rows", items));
    }

    byte[] xlsx(int year, List<IndexUseReports.Row> rows) {
        List<String> header = new ArrayList<>(List.of("TT", "Mã đơn vị"));
        header.addAll(COLUMNS.subList(1, COLUMNS.size()));
        List<List<?>> out = new ArrayList<>();
        int n = 0;
        for (IndexUseReports.Row row : rows) {
            out.add(Arrays.asList(++n, row.unitCode(), row.unitName(), row.improvementText(), row.measuresText(), row.useReportText(),
                    row.late() ? "Quá hạn" : ""));
        }
        return XlsxWriter.write(new XlsxWriter.Table("Năm " + year, header, out));
    }

    /** The sentence above the table: how many units filed each thing. */
    static String totals(List<IndexUseReports.Row> rows) {
        long asked = rows.stream().filter(r -> r.improvementsAsked() > 0).count();
        long filed = rows.stream().filter(r -> r.improvementsAsked() > 0 && r.improvementsFiled().size() >= r.improvementsAsked()).count();
        long useAsked = rows.stream().filter(IndexUseReports.Row::useReportAsked).count();
        long useFiled = rows.stream().filter(r -> r.useReportFiledOn() != null).count();
        long late = rows.stream().filter(IndexUseReports.Row::late).count();
        return "Đã lập phương án cải thiện: %d/%d đơn vị; đã gửi báo cáo sử dụng chỉ số: %d/%d bộ, tỉnh; quá hạn: %d đơn vị."
                .formatted(filed, asked, useFiled, useAsked, late);
    }
}
