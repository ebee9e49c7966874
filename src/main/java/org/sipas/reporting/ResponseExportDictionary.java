package org.sipas.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.methodology.Codebook;
import org.sipas.methodology.Label;
import org.sipas.methodology.QuestionType;
import org.sipas.reporting.ResponseExportColumn.Kind;
import org.sipas.reporting.SavWriter.Measure;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The columns of a response export: the design (who the response stands for: campaign, unit,
 * channel, series, stratum, N_h, n_h and the design weight) followed by one variable per question
 * of the codebooks of the methodology versions the campaigns used.
 * <p>
 * A variable keeps its name, type and codes across the versions of a methodology
 * ({@code methodology.CodebookContinuity} refuses a version that breaks this), so the columns of
 * several versions are their union: every variable any of them asked, in the order of the newest
 * version, a question dropped since standing where it stood in the version that had it (after the
 * variable it followed there). Its labels are the newest version's that has it, its codes the union.
 * A campaign that did not ask a question leaves its cells empty (system-missing in SPSS).
 */
final class ResponseExportDictionary {

    static final String WEIGHT = "design_weight";

    /** The codes a channel is stored as, with their names. */
    static final Map<String, Label> CHANNELS = ordered(
            "WEB", Label.of("Đường dẫn hoặc mã QR riêng (trực tuyến)", "Own link or QR code (online)"),
            "PORTAL", Label.of("Khảo sát mở trên cổng thông tin", "Open portal survey"),
            "KIOSK", Label.of("Thiết bị đánh giá tại bộ phận một cửa", "Rating device at the one-stop counter"),
            "CATI", Label.of("Phỏng vấn qua điện thoại", "Telephone interview"),
            "CAPI", Label.of("Phỏng vấn trực tiếp", "Face-to-face interview"),
            "PAPER", Label.of("Phiếu giấy", "Paper questionnaire"));

    /** The series of a response (DESIGN §5): only the sampled one is a probability sample and has a design weight. */
    static final Map<String, Label> SERIES = ordered(
            "sampled", Label.of("Mẫu ngẫu nhiên (có trọng số thiết kế)", "Random sample (design-weighted)"),
            "counter", Label.of("Đánh giá tại quầy, không phải mẫu ngẫu nhiên", "Counter ratings, not a random sample"),
            "portal", Label.of("Khảo sát mở, không phải mẫu ngẫu nhiên", "Open portal survey, not a random sample"));

    private ResponseExportDictionary() {
    }

    /**
     * The columns for campaigns whose codebooks are {@code newestFirst} (each code's versions
     * newest first), with {@code campaigns} (id → name) and {@code units} (code → name) labelling
     * their codes.
     */
    static List<ResponseExportColumn> columns(List<Codebook> newestFirst, Map<Long, String> campaigns, Map<String, String> units) {
        List<ResponseExportColumn> columns = new ArrayList<>(design(campaigns, units));
        Map<String, ResponseExportColumn> reserved = new HashMap<>();
        columns.forEach(c -> reserved.put(c.name().toLowerCase(java.util.Locale.ROOT), c));
        for (ResponseExportColumn question : questions(newestFirst)) {
            if (reserved.containsKey(question.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "The question " + question.name()
                        + " has the name of a design variable of the export (" + String.join(", ", reserved.keySet())
                        + "): a methodology whose data are exported must name its questions otherwise.");
            }
            columns.add(question);
        }
        return columns;
    }

    private static List<ResponseExportColumn> design(Map<Long, String> campaigns, Map<String, String> units) {
        Map<String, Label> campaignNames = new LinkedHashMap<>();
        campaigns.forEach((id, name) -> campaignNames.put(Long.toString(id), Label.of(name, null)));
        Map<String, Label> unitNames = new LinkedHashMap<>();
        units.forEach((code, name) -> unitNames.put(code, Label.of(name, null)));
        return List.of(
                ResponseExportColumn.number("response_id", Label.of("Mã phiếu trả lời (bí danh: không định danh người trả lời)",
                        "Response id (pseudonymous: does not identify the respondent)"), 12, 0, Measure.NOMINAL,
                        r -> r.response().id()),
                ResponseExportColumn.number("campaign_id", Label.of("Đợt khảo sát", "Campaign"), 8, 0, Measure.NOMINAL,
                        r -> r.campaign().id()).withValues(campaignNames),
                ResponseExportColumn.text("methodology", Label.of("Mã phương pháp", "Methodology code"),
                        r -> r.response().methodologyCode()),
                ResponseExportColumn.number("methodology_version", Label.of("Phiên bản phương pháp", "Methodology version"), 3, 0,
                        Measure.NOMINAL, r -> r.response().methodologyVersion()),
                ResponseExportColumn.date("period_from", Label.of("Kỳ khảo sát: từ ngày", "Period: first day"),
                        r -> r.campaign().periodFrom()),
                ResponseExportColumn.date("period_to", Label.of("Kỳ khảo sát: đến ngày", "Period: last day"),
                        r -> r.campaign().periodTo()),
                ResponseExportColumn.text("month", Label.of("Tháng trả lời (yyyy-MM, giờ Việt Nam)", "Month answered (yyyy-MM, Vietnam time)"),
                        r -> r.response().month()),
                ResponseExportColumn.text("unit_code", Label.of("Mã đơn vị (tầng của mẫu)", "Unit code (the sample's stratum)"),
                        r -> r.unit().code()).withValues(unitNames),
                ResponseExportColumn.text("channel", Label.of("Kênh khảo sát", "Channel"), r -> r.response().channel())
                        .withValues(CHANNELS),
                ResponseExportColumn.text("series", Label.of("Chuỗi số liệu", "Series"), ResponseExportDictionary::series)
                        .withValues(SERIES),
                ResponseExportColumn.number("stratum", Label.of("Tầng chọn mẫu (mã tầng)", "Sampling stratum (id)"), 10, 0,
                        Measure.NOMINAL, r -> r.response().stratumId()),
                ResponseExportColumn.number("stratum_frame_size", Label.of("N_h: số hồ sơ của tầng trong danh sách",
                        "N_h: dossiers of the stratum in the frame"), 10, 0, Measure.SCALE,
                        r -> r.weight() == null ? null : populationSize(r)),
                ResponseExportColumn.number("stratum_responses", Label.of("n_h: số phiếu hợp lệ của tầng",
                        "n_h: valid responses of the stratum"), 8, 0, Measure.SCALE,
                        r -> r.weight() == null ? null : r.weight().responses()),
                ResponseExportColumn.number(WEIGHT, Label.of("Trọng số thiết kế N_h / n_h", "Design weight N_h / n_h"), 12, 6,
                        Measure.SCALE, ResponseExportDictionary::weight));
    }

    /** N_h as the estimator takes it: the frame size, never below the stratum's responses (a census at most). */
    private static long populationSize(ResponseExportRow row) {
        return Math.max(row.weight().frameSize(), row.weight().responses());
    }

    /** N_h / n_h; empty outside the random sample. */
    private static Double weight(ResponseExportRow row) {
        return row.weight() == null || row.weight().responses() == 0 ? null
                : (double) populationSize(row) / row.weight().responses();
    }

    /** The series a response belongs to, as the index puts it; null for one in none (an unsampled link). */
    private static String series(ResponseExportRow row) {
        org.sipas.index.Series series = org.sipas.index.Series.of(row.response().sampled(), row.response().channel());
        return series == null ? null : series.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A variable being merged across versions: the newest definition, the codes of all. */
    private static final class Merged {
        final Codebook.Variable newest;
        final String from;
        final Map<String, Codebook.Value> values = new LinkedHashMap<>();

        Merged(Codebook.Variable newest, String from) {
            this.newest = newest;
            this.from = from;
        }
    }

    static List<ResponseExportColumn> questions(List<Codebook> newestFirst) {
        Map<String, Merged> merged = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (Codebook book : newestFirst) {
            String previous = null;
            for (Codebook.Variable v : book.variables()) {
                if (v.questionType() == QuestionType.NOTE) {
                    continue;
                }
                Merged m = merged.get(v.name());
                if (m == null) {
                    m = new Merged(v, book.code() + " version " + book.version());
                    merged.put(v.name(), m);
                    order.add(previous == null ? 0 : order.indexOf(previous) + 1, v.name());
                } else if (m.newest.questionType() != v.questionType()) {
                    throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "The variable " + v.name() + " is "
                            + v.type() + " in " + book.code() + " version " + book.version() + " but " + m.newest.type()
                            + " in " + m.from + ": campaigns whose methodologies give one name two meanings cannot be"
                            + " exported together.");
                }
                for (Codebook.Value value : v.values()) {
                    m.values.putIfAbsent(value.value(), value);
                }
                previous = v.name();
            }
        }
        return order.stream().map(name -> column(merged.get(name))).toList();
    }

    private static ResponseExportColumn column(Merged m) {
        Codebook.Variable v = m.newest;
        String name = v.name();
        Map<String, Label> labels = new LinkedHashMap<>();
        m.values.forEach((code, value) -> labels.put(code, value.label()));
        return switch (v.questionType()) {
            case SCALE -> {
                List<Double> missing = m.values.values().stream().filter(Codebook.Value::excludedFromBase)
                        .map(value -> Double.valueOf(value.value())).limit(3).toList();
                int digits = Math.max(1, m.values.keySet().stream().mapToInt(String::length).max().orElse(1));
                yield new ResponseExportColumn(name, v.label(), Kind.NUMBER, digits, 0, Measure.ORDINAL, labels, missing,
                        r -> whole(r, name));
            }
            case SELECT_ONE, SELECT_MULTIPLE ->
                    new ResponseExportColumn(name, v.label(), Kind.TEXT, 0, 0, Measure.NOMINAL, labels, null, r -> r.answer(name));
            case INTEGER -> ResponseExportColumn.number(name, v.label(), 8, 0, Measure.SCALE, r -> whole(r, name));
            case DECIMAL -> ResponseExportColumn.number(name, v.label(), 12, 2, Measure.SCALE, r -> decimal(r, name));
            case DATE -> ResponseExportColumn.date(name, v.label(), r -> date(r, name));
            default -> ResponseExportColumn.text(name, v.label(), r -> r.answer(name));
        };
    }

    private static Long whole(ResponseExportRow row, String question) {
        String answer = row.answer(question);
        try {
            return answer == null || answer.isBlank() ? null : Long.valueOf(answer.strip());
        } catch (NumberFormatException e) {
            throw stored(row, question, answer, "a whole number");
        }
    }

    private static BigDecimal decimal(ResponseExportRow row, String question) {
        String answer = row.answer(question);
        try {
            return answer == null || answer.isBlank() ? null : new BigDecimal(answer.strip());
        } catch (NumberFormatException e) {
            throw stored(row, question, answer, "a number");
        }
    }

    private static LocalDate date(ResponseExportRow row, String question) {
        String answer = row.answer(question);
        try {
            return answer == null || answer.isBlank() ? null : LocalDate.parse(answer.strip());
        } catch (DateTimeParseException e) {
            throw stored(row, question, answer, "a date yyyy-mm-dd");
        }
    }

    /** A stored answer that is not what its question takes: the store let it in, so this is the product's fault. */
    private static IllegalStateException stored(ResponseExportRow row, String question, String answer, String expected) {
        return new IllegalStateException("response " + row.response().id() + ": the stored answer to " + question + " is '"
                + answer + "', not " + expected);
    }

    private static Map<String, Label> ordered(Object... codesAndLabels) {
        Map<String, Label> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put((String) codesAndLabels[i], (Label) codesAndLabels[i + 1]);
        }
        return map;
    }
}
