package org.sipas.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.sipas.campaign.FieldCampaign;
import org.sipas.collection.rates.ResponseRates;
import org.sipas.feedback.CaseCounts;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Ranking;
import org.sipas.index.Series;
import org.sipas.methodology.IndexNode;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.quality.CodedThemes;
import org.sipas.web.Formats;
import org.springframework.stereotype.Service;

/**
 * A campaign report's content from a published snapshot: every figure, the strata and the quality
 * decisions are the snapshot's, frozen at approval. Three parts are not in a snapshot and are read
 * when the report is made, the report saying so ("số liệu tại ngày …"): the response rate (the
 * cases' dispositions, settled once fieldwork ends), the coded open-answer themes and the cases
 * opened from the responses (their handling goes on after publication).
 */
@Service
class ReportContents {

    static final String TITLE = "Kết quả đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Methodologies methodologies;
    private final ResponseRates rates;
    private final CodedThemes themes;
    private final CaseCounts cases;

    ReportContents(Methodologies methodologies, ResponseRates rates, CodedThemes themes, CaseCounts cases) {
        this.methodologies = methodologies;
        this.rates = rates;
        this.themes = themes;
        this.cases = cases;
    }

    /** The content of a snapshot's report for a campaign whose scope covers the caller's (checked by the caller). */
    ReportContent of(FieldCampaign campaign, Snapshot snapshot, ReportDraft draft) {
        Methodology methodology = methodologies.find(snapshot.methodologyCode(), snapshot.methodologyVersion()).orElseThrow();
        LocalDate today = LocalDate.now(Formats.ZONE);
        ReportContent.Letterhead letterhead = new ReportContent.Letterhead(draft.issuerSuperior(), draft.issuer(), draft.number(),
                draft.place(), draft.date() == null ? today : draft.date(), TITLE, draft.recipients(), draft.signerTitle(),
                draft.signerName());
        ReportContent.Subject subject = new ReportContent.Subject(snapshot.campaignName(), snapshot.periodFrom(), snapshot.periodTo(),
                snapshot.scopeUnitName(), snapshot.methodologyCode(), methodology.title().in(VI), snapshot.methodologyVersion(),
                snapshot.version(), snapshot.approvedAt(), snapshot.approvedBy(), snapshot.whatChanged());
        SnapshotLineage lineage = snapshot.lineage();
        List<ReportContent.Stratum> strata = lineage.strata().stream()
                .map(s -> new ReportContent.Stratum(s.unitCode(), s.procedureCode() == null ? s.unitName()
                        : s.unitName() + " – " + s.procedureCode(), s.frameSize(), s.responses()))
                .toList();
        OptionalDouble rate = rates.of(campaign.id()).overall().responseRate();
        ReportContent.Method method = new ReportContent.Method(strata, lineage.sampleSeed(), lineage.sampledAt(),
                lineage.responsesCounted(), rate.isPresent() ? 100 * rate.getAsDouble() : null, lineage.accepted(), lineage.rejected(),
                lineage.undecided(), recheck(lineage.recheckOutcomes()));

        List<ReportContent.IndexRow> indices = indices(methodology.index(), snapshot.overall());
        List<ReportContent.UnitRow> units = new ArrayList<>();
        CampaignEstimates byUnit = snapshot.figures(Series.SAMPLED, Domain.UNIT);
        if (byUnit != null) {
            for (DomainEstimate unit : byUnit.domains()) {
                units.add(new ReportContent.UnitRow(unit.code(), unit.name(), unit.figures().isEmpty() ? null : unit.overall()));
            }
        }
        List<ReportContent.RankRow> ranking = ranking(units, snapshot);
        return new ReportContent(letterhead, subject, method, indices, units, ranking, snapshot.gradeBands(),
                themes(campaign, snapshot), cases.byUnit(campaign.id(), campaign.scopeUnitId()).stream()
                        .map(c -> new ReportContent.CaseRow(c.unitCode(), c.unitName(), c.total(), c.resolved(), c.open(), c.overdue()))
                        .toList(),
                draft.recommendations().isBlank() ? "(Người lập báo cáo chưa soạn kiến nghị, đề xuất.)" : draft.recommendations());
    }

    /** The index tree in reading order (the overall index, then each element and its criteria) with the scope's figures. */
    private static List<ReportContent.IndexRow> indices(IndexNode root, CampaignEstimates overall) {
        Map<String, IndexEstimate> figures = new LinkedHashMap<>();
        if (overall != null && !overall.domains().isEmpty()) {
            overall.domains().get(0).figures().forEach(e -> figures.put(e.index(), e));
        }
        List<ReportContent.IndexRow> rows = new ArrayList<>();
        walk(root, figures, rows);
        return rows;
    }

    private static void walk(IndexNode node, Map<String, IndexEstimate> figures, List<ReportContent.IndexRow> rows) {
        IndexEstimate figure = figures.get(node.code());
        if (figure != null) {
            rows.add(new ReportContent.IndexRow(label(node.label(), node.code()), figure));
        }
        node.children().forEach(child -> walk(child, figures, rows));
    }

    private static String label(Label label, String code) {
        return label == null ? code : label.in(VI);
    }

    /** The units ranked among themselves by the overall index, with the grade of each figure. */
    private static List<ReportContent.RankRow> ranking(List<ReportContent.UnitRow> units, Snapshot snapshot) {
        Map<String, String> names = new LinkedHashMap<>();
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (ReportContent.UnitRow unit : units) {
            names.put(unit.code(), unit.name());
            candidates.add(new Ranking.Candidate(unit.code(), snapshot.scopeUnitCode(), unit.overall()));
        }
        return Ranking.among(candidates).stream()
                .map(r -> new ReportContent.RankRow(names.get(r.unit()), r, grade(r, snapshot)))
                .toList();
    }

    /** The grade, and the grades the interval reaches when it crosses a band's edge ("Khá (Khá–Tốt)"). */
    private static String grade(Ranking.Ranked ranked, Snapshot snapshot) {
        if (ranked.estimate() == null) {
            return "—";
        }
        String grade = snapshot.gradeBands().grade(ranked.estimate().estimatePct()).map(b -> b.label().in(VI)).orElse("—");
        List<org.sipas.index.GradeBands.Band> within = snapshot.gradeBands().within(ranked.estimate());
        if (within.size() > 1) {
            grade += " (" + within.get(within.size() - 1).label().in(VI) + "–" + within.get(0).label().in(VI) + ")";
        }
        return grade;
    }

    private List<ReportContent.Theme> themes(FieldCampaign campaign, Snapshot snapshot) {
        Map<String, Long> answers = new TreeMap<>();
        themes.counts(campaign.id(), campaign.scopeUnitId()).forEach(t -> answers.merge(t.code(), t.answers(), Long::sum));
        Map<String, Label> labels = themes.labels(snapshot.methodologyCode(), snapshot.methodologyVersion());
        List<ReportContent.Theme> out = new ArrayList<>();
        labels.forEach((code, label) -> {
            if (answers.containsKey(code)) {
                out.add(new ReportContent.Theme(code, label.in(VI), answers.remove(code)));
            }
        });
        answers.forEach((code, n) -> out.add(new ReportContent.Theme(code, code, n)));
        return out;
    }

    /** The re-check outcomes as a sentence. */
    static String recheck(Map<String, Long> outcomes) {
        long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "không có phiếu nào được phúc tra";
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("CONFIRMED", "xác nhận đúng");
        names.put("DISCREPANCIES", "có sai lệch");
        names.put("DID_NOT_HAPPEN", "không có phỏng vấn");
        names.put("NOT_REACHED", "không liên lạc được");
        names.put("PENDING", "chưa phúc tra xong");
        List<String> parts = new ArrayList<>();
        names.forEach((code, name) -> {
            long n = outcomes.getOrDefault(code, 0L);
            if (n > 0) {
                parts.add(n + " " + name);
            }
        });
        outcomes.forEach((code, n) -> {
            if (!names.containsKey(code) && n > 0) {
                parts.add(n + " " + code);
            }
        });
        return total + " phiếu được chọn phúc tra: " + String.join(", ", parts);
    }
}
