package org.sipas.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.web.Formats;
import org.sipas.web.XlsxWriter;

/**
 * A snapshot's tables as an XLSX ({@code estimates.xlsx}): a sheet of what the figures are (the
 * version, its approval and lineage), the strata with N_h, n_h and weight, then one sheet per series
 * and kind of domain the approver froze ({@code sampled_unit}, {@code counter_nation}…), every index
 * node of every domain a row. Figures are numbers with every digit the snapshot holds, an empty
 * figure an empty cell, so a spreadsheet's sums equal the snapshot's.
 */
final class EstimatesWorkbook {

    static final List<String> COLUMNS = List.of("domain_kind", "domain", "domain_name", "level", "index", "label", "n",
            "unweighted_pct", "estimate_pct", "se_pct", "ci95_low", "ci95_high", "grade");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private EstimatesWorkbook() {
    }

    /** @param labels index node code → its Vietnamese label */
    static byte[] of(Snapshot snapshot, Map<String, String> labels) {
        List<XlsxWriter.Table> sheets = new ArrayList<>();
        sheets.add(about(snapshot));
        List<List<Object>> strata = new ArrayList<>();
        for (SnapshotLineage.StratumWeight s : snapshot.lineage().strata()) {
            strata.add(Arrays.asList(s.unitCode(), s.unitName(), s.procedureCode(), s.frameSize(), s.responses(), s.weight()));
        }
        sheets.add(new XlsxWriter.Table("strata", List.of("unit", "unit_name", "procedure", "frame_n_h", "responses_n_h", "weight"),
                strata));
        for (Series series : Series.values()) {
            for (Domain domain : Domain.values()) {
                CampaignEstimates estimates = snapshot.figures(series, domain);
                if (estimates != null) {
                    sheets.add(table(sheetName(series, domain), estimates, labels, snapshot));
                }
            }
        }
        return XlsxWriter.write(sheets);
    }

    static String sheetName(Series series, Domain domain) {
        return series.name().toLowerCase(Locale.ROOT) + "_" + domain.name().toLowerCase(Locale.ROOT);
    }

    private static XlsxWriter.Table table(String name, CampaignEstimates estimates, Map<String, String> labels, Snapshot snapshot) {
        List<List<Object>> rows = new ArrayList<>();
        for (DomainEstimate domain : estimates.domains()) {
            for (IndexEstimate e : domain.figures()) {
                String grade = e.level().equals("overall") && estimates.isRandomSample()
                        ? snapshot.gradeBands().grade(e.estimatePct()).map(b -> b.label().in(VI)).orElse(null) : null;
                rows.add(Arrays.asList(domain.domain(), domain.code(), domain.name(), e.level(), e.index(),
                        labels.getOrDefault(e.index(), e.index()), e.n(), e.unweightedPct(), e.estimatePct(), e.sePct(),
                        e.ci95Low(), e.ci95High(), grade));
            }
        }
        return new XlsxWriter.Table(name, COLUMNS, rows);
    }

    private static XlsxWriter.Table about(Snapshot s) {
        SnapshotLineage l = s.lineage();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("campaign_id", s.campaignId()));
        rows.add(Arrays.asList("campaign", s.campaignName()));
        rows.add(Arrays.asList("period_from", s.periodFrom() == null ? null : s.periodFrom().format(Formats.DATE)));
        rows.add(Arrays.asList("period_to", s.periodTo() == null ? null : s.periodTo().format(Formats.DATE)));
        rows.add(Arrays.asList("scope_unit", s.scopeUnitCode()));
        rows.add(Arrays.asList("scope_unit_name", s.scopeUnitName()));
        rows.add(Arrays.asList("snapshot_version", s.version()));
        rows.add(Arrays.asList("approved_at", s.approvedAt() == null ? null : Formats.dateTime(s.approvedAt())));
        rows.add(Arrays.asList("approved_by", s.approvedBy()));
        rows.add(Arrays.asList("what_changed", s.whatChanged()));
        rows.add(Arrays.asList("methodology_code", l.methodologyCode()));
        rows.add(Arrays.asList("methodology_version", l.methodologyVersion()));
        rows.add(Arrays.asList("sample_seed", l.sampleSeed()));
        rows.add(Arrays.asList("sampled_at", l.sampledAt() == null ? null : Formats.dateTime(l.sampledAt())));
        rows.add(Arrays.asList("computed_at", l.computedAt() == null ? null : Formats.dateTime(l.computedAt())));
        rows.add(Arrays.asList("responses_counted", l.responsesCounted()));
        rows.add(Arrays.asList("counted_digest_sha256", l.countedDigest()));
        rows.add(Arrays.asList("accepted", l.accepted()));
        rows.add(Arrays.asList("rejected", l.rejected()));
        rows.add(Arrays.asList("undecided", l.undecided()));
        l.recheckOutcomes().forEach((outcome, n) -> rows.add(Arrays.asList("recheck_" + outcome.toLowerCase(Locale.ROOT), n)));
        return new XlsxWriter.Table("snapshot", List.of("field", "value"), rows);
    }
}
