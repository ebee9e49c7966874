package org.sipas.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.index.GradeBands;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Percent;
import org.sipas.index.Ranking;
import org.sipas.web.Formats;

/**
 * What a campaign report says, whatever it is rendered as: the letterhead the author sets, the
 * campaign and the approved version it reports, the scope and method, the index tables with their
 * CIs, the ranking with grades, the open-answer themes, the case statistics and the author's
 * recommendations. Built from a published snapshot ({@link ReportContents}); {@link #fields()}
 * turns it into the texts a template's placeholders take, in Vietnamese as the report is written.
 */
record ReportContent(Letterhead letterhead, Subject subject, Method method, List<IndexRow> indices, List<UnitRow> units,
                     List<RankRow> ranking, GradeBands grades, List<Theme> themes, List<CaseRow> cases, String recommendations) {

    /** The report kind's vocabulary: every placeholder its templates may use, the same list {@link #fields()} fills. */
    static final ReportVocabulary VOCABULARY = new ReportVocabulary(
            Set.of("issuer.superior", "issuer.name", "report.number", "report.place", "report.day", "report.month", "report.year",
                    "report.date", "report.title", "report.recipients", "signer.title", "signer.name",
                    "campaign.name", "campaign.start", "campaign.end", "scope.name", "methodology.code", "methodology.name",
                    "methodology.version", "snapshot.version", "snapshot.approvedAt", "snapshot.approvedBy", "snapshot.correction",
                    "sample.strata", "sample.seed", "sample.drawnAt", "sample.n", "sample.responseRate", "quality.accepted",
                    "quality.rejected", "quality.undecided", "quality.recheck", "index.overall", "index.ci", "grades.bands",
                    "count.themes", "count.cases", "recommendations"),
            Map.of("strata", Set.of("code", "name", "frame", "responses", "weight"),
                    "indices", Set.of("code", "label", "level", "n", "unweighted", "estimate", "se", "ci"),
                    "units", Set.of("code", "name", "n", "unweighted", "estimate", "se", "ci", "grade"),
                    "ranking", Set.of("rank", "code", "name", "estimate", "ci", "range", "grade"),
                    "themes", Set.of("code", "label", "answers", "share"),
                    "cases", Set.of("code", "name", "total", "resolved", "open", "overdue")),
            Set.of("units"));

    private static final Percent PERCENT = new Percent(Locale.forLanguageTag("vi"));

    /** The document's own particulars, set by its author (defaults from the campaign). */
    record Letterhead(String superior, String issuer, String number, String place, LocalDate date, String title,
                      String recipients, String signerTitle, String signerName) {
    }

    /** The campaign and the approved version of its results that the report is of. */
    record Subject(String campaign, LocalDate start, LocalDate end, String scope, String methodologyCode, String methodologyName,
                   int methodologyVersion, int version, Instant approvedAt, String approvedBy, String correction) {
    }

    /** How the figures were got: the strata with N_h and n_h, the draw, the response rate, the quality decisions. */
    record Method(List<Stratum> strata, Long seed, Instant drawnAt, long n, Double responseRate, long accepted, long rejected,
                  long undecided, String recheck) {
    }

    /** A stratum: dossiers in the frame (N_h) and valid responses (n_h); the design weight is their ratio. */
    record Stratum(String code, String name, long frame, long responses) {

        Double weight() {
            return responses == 0 ? null : (double) frame / responses;
        }
    }

    /** A node of the index tree for the whole scope, with its label. */
    record IndexRow(String label, IndexEstimate estimate) {
    }

    /** A unit's overall index. */
    record UnitRow(String code, String name, IndexEstimate overall) {
    }

    /** A unit's place in the ranking, with its grade and the grades its interval reaches. */
    record RankRow(String name, Ranking.Ranked ranked, String grade) {
    }

    /** An open-answer theme (a code of the code frame) and how many answers got it. */
    record Theme(String code, String label, long answers) {
    }

    /** The cases opened from a unit's responses. */
    record CaseRow(String code, String name, long total, long resolved, long open, long overdue) {
    }

    ReportContent {
        indices = List.copyOf(indices);
        units = List.copyOf(units);
        ranking = List.copyOf(ranking);
        themes = List.copyOf(themes);
        cases = List.copyOf(cases);
        recommendations = recommendations == null ? "" : recommendations;
    }

    /** The grade of a figure as the report writes it: the band's Vietnamese label, or a dash. */
    String grade(IndexEstimate estimate) {
        return estimate == null ? "—" : grades.grade(estimate.estimatePct()).map(b -> b.label().in(Locale.forLanguageTag("vi")))
                .orElse("—");
    }

    /** The overall index of the scope: the last of the index rows. */
    IndexEstimate overall() {
        return indices.isEmpty() ? null : indices.get(indices.size() - 1).estimate();
    }

    ReportFields fields() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("issuer.superior", letterhead.superior());
        v.put("issuer.name", letterhead.issuer());
        v.put("report.number", letterhead.number());
        v.put("report.place", letterhead.place());
        v.put("report.day", String.format("%02d", letterhead.date().getDayOfMonth()));
        v.put("report.month", String.format("%02d", letterhead.date().getMonthValue()));
        v.put("report.year", String.valueOf(letterhead.date().getYear()));
        v.put("report.date", letterhead.date().format(Formats.DATE));
        v.put("report.title", letterhead.title());
        v.put("report.recipients", letterhead.recipients());
        v.put("signer.title", letterhead.signerTitle());
        v.put("signer.name", letterhead.signerName());
        v.put("campaign.name", subject.campaign());
        v.put("campaign.start", subject.start() == null ? "—" : subject.start().format(Formats.DATE));
        v.put("campaign.end", subject.end() == null ? "—" : subject.end().format(Formats.DATE));
        v.put("scope.name", subject.scope());
        v.put("methodology.code", subject.methodologyCode());
        v.put("methodology.name", subject.methodologyName());
        v.put("methodology.version", String.valueOf(subject.methodologyVersion()));
        v.put("snapshot.version", String.valueOf(subject.version()));
        v.put("snapshot.approvedAt", subject.approvedAt() == null ? "—" : Formats.DATE.format(subject.approvedAt()));
        v.put("snapshot.approvedBy", subject.approvedBy() == null ? "—" : subject.approvedBy());
        v.put("snapshot.correction", subject.correction() == null || subject.correction().isBlank() ? ""
                : "Đính chính so với phiên bản trước: " + subject.correction());
        v.put("sample.strata", String.valueOf(method.strata().size()));
        v.put("sample.seed", method.seed() == null ? "—" : String.valueOf(method.seed()));
        v.put("sample.drawnAt", method.drawnAt() == null ? "—" : Formats.dateTime(method.drawnAt()));
        v.put("sample.n", count(method.n()));
        v.put("sample.responseRate", method.responseRate() == null ? "—" : PERCENT.of(method.responseRate()));
        v.put("quality.accepted", count(method.accepted()));
        v.put("quality.rejected", count(method.rejected()));
        v.put("quality.undecided", count(method.undecided()));
        v.put("quality.recheck", method.recheck());
        IndexEstimate overall = overall();
        v.put("index.overall", overall == null ? "—" : PERCENT.of(overall.estimatePct()));
        v.put("index.ci", overall == null ? "—" : ci(overall));
        v.put("grades.bands", grades.bands().isEmpty() ? "chưa quy định" : grades.bands().stream()
                .map(b -> b.label().in(Locale.forLanguageTag("vi")) + " từ " + PERCENT.of(b.minimumPct()))
                .collect(Collectors.joining("; ")));
        long themeTotal = themes.stream().mapToLong(Theme::answers).sum();
        v.put("count.themes", count(themeTotal));
        v.put("count.cases", count(cases.stream().mapToLong(CaseRow::total).sum()));
        v.put("recommendations", recommendations);

        Map<String, List<Map<String, String>>> lists = new LinkedHashMap<>();
        lists.put("strata", method.strata().stream().map(s -> Map.of("code", s.code(), "name", s.name(), "frame", count(s.frame()),
                "responses", count(s.responses()), "weight", s.weight() == null ? "—" : PERCENT.number(s.weight()))).toList());
        lists.put("indices", indices.stream().map(row -> figures(row.estimate(), Map.of("code", row.estimate().index(),
                "label", (row.estimate().level().equals("criterion") ? "– " : "") + row.label(),
                "level", level(row.estimate().level())))).toList());
        lists.put("units", units.stream().map(u -> figures(u.overall(), Map.of("code", u.code(), "name", u.name(),
                "grade", grade(u.overall())))).toList());
        lists.put("ranking", ranking.stream().map(this::rank).toList());
        lists.put("themes", themes.stream().map(t -> Map.of("code", t.code(), "label", t.label(), "answers", count(t.answers()),
                "share", themeTotal == 0 ? "—" : PERCENT.number(100.0 * t.answers() / themeTotal))).toList());
        lists.put("cases", cases.stream().map(c -> Map.of("code", c.code(), "name", c.name(), "total", count(c.total()),
                "resolved", count(c.resolved()), "open", count(c.open()), "overdue", count(c.overdue()))).toList());
        return new ReportFields(v, lists, Map.of("units", ReportChart.units(units)));
    }

    private Map<String, String> rank(RankRow row) {
        Ranking.Ranked r = row.ranked();
        IndexEstimate e = r.estimate();
        String range = r.rank() == null ? "—"
                : r.bestRank().equals(r.worstRank()) ? String.valueOf(r.bestRank()) : r.bestRank() + "–" + r.worstRank();
        return Map.of("rank", r.rank() == null ? "—" : String.valueOf(r.rank()), "code", r.unit(), "name", row.name(),
                "estimate", e == null ? "—" : PERCENT.number(e.estimatePct()), "ci", e == null ? "—" : ci(e), "range", range,
                "grade", row.grade());
    }

    /** The figures of an estimate beside the given columns. */
    private static Map<String, String> figures(IndexEstimate e, Map<String, String> columns) {
        Map<String, String> row = new LinkedHashMap<>(columns);
        row.put("n", e == null ? "0" : count(e.n()));
        row.put("unweighted", e == null ? "—" : PERCENT.number(e.unweightedPct()));
        row.put("estimate", e == null ? "—" : PERCENT.number(e.estimatePct()));
        row.put("se", e == null ? "—" : PERCENT.number(e.sePct()));
        row.put("ci", e == null ? "—" : ci(e));
        return row;
    }

    static String ci(IndexEstimate e) {
        return e.ci95Low() == null ? "—" : PERCENT.number(e.ci95Low()) + " – " + PERCENT.number(e.ci95High());
    }

    private static String level(String level) {
        return switch (level) {
            case "criterion" -> "Tiêu chí";
            case "element" -> "Yếu tố";
            default -> "Chỉ số chung";
        };
    }

    private static String count(long n) {
        return String.format(Locale.forLanguageTag("vi"), "%,d", n);
    }

    /** The units' overall figures in ranking order, for the chart and the tables. */
    static List<UnitRow> byEstimate(List<UnitRow> units) {
        List<UnitRow> sorted = new ArrayList<>(units);
        sorted.sort((a, b) -> Double.compare(value(b), value(a)));
        return sorted;
    }

    private static double value(UnitRow row) {
        return row.overall() == null || row.overall().estimatePct() == null ? -1 : row.overall().estimatePct();
    }
}
