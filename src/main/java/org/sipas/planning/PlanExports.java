package org.sipas.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.catalog.CatalogCodes;
import org.sipas.reporting.DocxFill;
import org.sipas.web.XlsxWriter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A plan as the files officials pass on: a DOCX in the administrative layout of Decree 30/2020
 * (national motto, issuing body, number and date line, title, then the table TT · Nội dung công
 * việc · Thời gian · Cơ quan chủ trì · Cơ quan phối hợp, Times New Roman 13-14), filled through
 * reporting's one DOCX machinery from {@code planning/plan.docx}; and an XLSX of the same table
 * with the deliverable and status beside it.
 */
@Component
class PlanExports {

    static final String TEMPLATE = "planning/plan.docx";
    static final List<String> COLUMNS = List.of("TT", "Nội dung công việc", "Thời gian", "Cơ quan chủ trì", "Cơ quan phối hợp");
    private static final Set<String> ROW_FIELDS = Set.of("tt", "content", "time", "lead", "partners");
    private static final String BLANK = "……";

    private final CatalogCodes catalog;
    private final byte[] template;

    PlanExports(CatalogCodes catalog) {
        this.catalog = catalog;
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            this.template = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the plan's DOCX template " + TEMPLATE + " is missing from the build", e);
        }
    }

    byte[] docx(Plans.Full full) {
        Plan plan = full.plan();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("issuer.superior", superior(plan).toUpperCase(java.util.Locale.forLanguageTag("vi")));
        values.put("issuer.name", plan.issuingUnitName().toUpperCase(java.util.Locale.forLanguageTag("vi")));
        values.put("plan.number", plan.number() == null ? "      /KH-" : plan.number());
        values.put("plan.placeAndDate", placeAndDate(plan));
        values.put("plan.title", plan.title());
        values.put("plan.period", plan.periodLabel() == null ? "Năm " + plan.year() : plan.periodLabel().substring(0, 1).toUpperCase()
                + plan.periodLabel().substring(1));
        values.put("plan.purpose", plan.purpose() == null ? "" : plan.purpose());
        values.put("plan.requirements", plan.requirements() == null ? "" : plan.requirements());
        List<Map<String, String>> rows = new ArrayList<>();
        for (PlanTask task : full.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("tt", task.isStep() ? "" : task.number());
            row.put("content", task.isStep() ? "- " + task.content() : task.content());
            row.put("time", task.time().text());
            row.put("lead", task.isStep() && task.leadNote() == null && task.leadUnitId() == parentLead(full, task) ? "" : task.lead());
            row.put("partners", task.partnerText());
            rows.add(row);
        }
        return DocxFill.fill(TEMPLATE, template, values, Map.of("tasks", ROW_FIELDS), Map.of("tasks", rows));
    }

    byte[] xlsx(Plans.Full full) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(List.of("Sản phẩm", "Bắt đầu", "Kết thúc", "Tình trạng"));
        List<List<?>> rows = new ArrayList<>();
        for (PlanTask task : full.rows()) {
            rows.add(java.util.Arrays.asList(task.number(), task.content(), task.time().text(), task.lead(), task.partnerText(),
                    task.deliverable(), org.sipas.web.Formats.DATE.format(task.time().start()),
                    org.sipas.web.Formats.DATE.format(task.time().end()), status(task)));
        }
        return XlsxWriter.write(new XlsxWriter.Table("Kế hoạch", header, rows));
    }

    private static String status(PlanTask task) {
        String s = switch (task.status()) {
            case NOT_STARTED -> "Chưa bắt đầu";
            case IN_PROGRESS -> "Đang thực hiện";
            case DONE -> "Hoàn thành";
        };
        return task.late() ? s + " (quá hạn)" : s;
    }

    private static long parentLead(Plans.Full full, PlanTask step) {
        return full.tasks().stream().filter(t -> t.id() == step.parentId()).map(PlanTask::leadUnitId).findFirst().orElse(-1L);
    }

    /** The body above the issuer in the header (the province above a commune); blank for a unit right under the nation. */
    private String superior(Plan plan) {
        String[] path = catalog.unit(plan.issuingUnitId()).path().substring(1).split("/");
        if (path.length < 3) {
            return "";
        }
        CatalogCodes.UnitRef parent = catalog.unitsByCode().get(path[path.length - 2]);
        return parent == null ? "" : parent.name();
    }

    /** "Đồng Nai, ngày 05 tháng 01 năm 2027": the place is the province or commune without its kind; dots when not yet signed. */
    private static String placeAndDate(Plan plan) {
        String place = plan.issuingUnitName().replaceFirst("^(Tỉnh|Thành phố|Phường|Xã|Đặc khu|UBND tỉnh|Ủy ban nhân dân tỉnh) ", "");
        if (plan.issuedOn() == null) {
            return place + ", ngày " + BLANK + " tháng " + BLANK + " năm " + plan.year();
        }
        return "%s, ngày %02d tháng %02d năm %d".formatted(place, plan.issuedOn().getDayOfMonth(), plan.issuedOn().getMonthValue(),
                plan.issuedOn().getYear());
    }
}
