package org.sipas.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.GradeBands;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Ranking;
import org.sipas.index.Series;
import org.sipas.methodology.IndexNode;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.reporting.Snapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A published snapshot's figures as the portal and the open data show them, with the one
 * suppression rule: a domain (the nation, a province, a unit) answered by fewer than
 * {@code sipas.portal.minimum-n} responses shows no figure, only its n, since a percentage of a
 * handful of people says more about those people than about the service. The rule applies to the
 * pages, the CSV files and the JSON alike: what one hides the others do not give away.
 */
@Component
class PortalFigures {

    /** One node of the index tree in one domain, as shown. */
    record IndexRow(String code, String label, String level, long n, boolean suppressed, Double estimate, Double low,
                    Double high, Double se, Double unweighted) {
    }

    /** One domain's overall figure (a province, a unit), as shown, with its grade and rank. */
    record AreaRow(String code, String name, long n, boolean suppressed, Double estimate, Double low, Double high,
                   Double unweighted, String grade, String gradeCode, Integer rank, Integer bestRank, Integer worstRank,
                   String shade) {

        boolean hasFigure() {
            return !suppressed && estimate != null;
        }
    }

    /** One published campaign's overall figure, a point of a trend. */
    record TrendPoint(long campaignId, String campaign, java.time.LocalDate from, java.time.LocalDate to, int version,
                      long n, boolean suppressed, Double estimate, Double low, Double high) {
    }

    /** A legend entry of the map: its shade class and what it means. */
    record Shade(String css, String label) {
    }

    private final int minimumN;
    private final Methodologies methodologies;
    private final CatalogCodes catalog;

    PortalFigures(@Value("${sipas.portal.minimum-n:30}") int minimumN, Methodologies methodologies, CatalogCodes catalog) {
        this.minimumN = minimumN;
        this.methodologies = methodologies;
        this.catalog = catalog;
    }

    int minimumN() {
        return minimumN;
    }

    boolean suppressed(long n) {
        return n < minimumN;
    }

    /** Every node of the index tree in one domain, criteria first, the overall index last, labelled in the reader's language. */
    List<IndexRow> indexRows(Snapshot snapshot, DomainEstimate domain, Locale locale) {
        Map<String, Label> labels = labels(snapshot);
        boolean hidden = suppressed(domain.n());
        List<IndexRow> rows = new ArrayList<>(domain.figures().size());
        for (IndexEstimate e : domain.figures()) {
            Label label = labels.get(e.index());
            rows.add(new IndexRow(e.index(), label == null ? e.index() : label.in(locale), e.level(), e.n(), hidden,
                    hidden ? null : e.estimatePct(), hidden ? null : e.ci95Low(), hidden ? null : e.ci95High(),
                    hidden ? null : e.sePct(), hidden ? null : e.unweightedPct()));
        }
        return rows;
    }

    /**
     * The domains of one kind, ranked by their overall index (competition ranking, with the ranks
     * each cannot be told apart from by its interval); suppressed and empty domains unranked, last.
     */
    List<AreaRow> ranked(Snapshot snapshot, List<DomainEstimate> domains, Locale locale) {
        GradeBands bands = snapshot.gradeBands() == null ? GradeBands.NONE : snapshot.gradeBands();
        List<Ranking.Candidate> candidates = new ArrayList<>();
        Map<String, DomainEstimate> byCode = new LinkedHashMap<>();
        for (DomainEstimate d : domains) {
            byCode.put(d.code(), d);
            candidates.add(new Ranking.Candidate(d.code(), "", suppressed(d.n()) ? null : d.overall()));
        }
        List<AreaRow> rows = new ArrayList<>(domains.size());
        for (Ranking.Ranked r : Ranking.among(candidates)) {
            DomainEstimate d = byCode.get(r.unit());
            rows.add(row(d, bands, locale, r));
        }
        return rows;
    }

    private AreaRow row(DomainEstimate d, GradeBands bands, Locale locale, Ranking.Ranked ranked) {
        boolean hidden = suppressed(d.n());
        IndexEstimate overall = d.overall();
        Double estimate = hidden ? null : overall.estimatePct();
        Optional<GradeBands.Band> grade = bands.grade(estimate);
        return new AreaRow(d.code(), d.name(), d.n(), hidden, estimate, hidden ? null : overall.ci95Low(),
                hidden ? null : overall.ci95High(), hidden ? null : overall.unweightedPct(),
                grade.map(b -> b.label().in(locale)).orElse(null), grade.map(GradeBands.Band::code).orElse(null),
                ranked == null ? null : ranked.rank(), ranked == null ? null : ranked.bestRank(),
                ranked == null ? null : ranked.worstRank(), shade(bands, estimate));
    }

    /** The map's shade of a figure: the grade's place among the bands, or fixed steps of 10 points without bands. */
    static String shade(GradeBands bands, Double estimate) {
        if (estimate == null) {
            return "none";
        }
        if (!bands.bands().isEmpty()) {
            Optional<GradeBands.Band> grade = bands.grade(estimate);
            return grade.map(b -> "b" + Math.min(4, bands.bands().indexOf(b))).orElse("b4");
        }
        int step = estimate >= 90 ? 0 : estimate >= 80 ? 1 : estimate >= 70 ? 2 : estimate >= 60 ? 3 : 4;
        return "b" + step;
    }

    /** What the map's shades mean for a snapshot: its grades, or the steps of 10 points. */
    List<Shade> legend(Snapshot snapshot, Locale locale, String noFigure) {
        GradeBands bands = snapshot.gradeBands() == null ? GradeBands.NONE : snapshot.gradeBands();
        List<Shade> legend = new ArrayList<>();
        if (!bands.bands().isEmpty()) {
            for (int i = 0; i < bands.bands().size(); i++) {
                GradeBands.Band b = bands.bands().get(i);
                legend.add(new Shade("b" + Math.min(4, i), b.label().in(locale) + " (≥ " + trim(b.minimumPct()) + ")"));
            }
        } else {
            legend.add(new Shade("b0", "≥ 90"));
            legend.add(new Shade("b1", "80–90"));
            legend.add(new Shade("b2", "70–80"));
            legend.add(new Shade("b3", "60–70"));
            legend.add(new Shade("b4", "< 60"));
        }
        legend.add(new Shade("none", noFigure));
        return legend;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The overall figure of a series' whole scope, or empty when that series was not frozen or had no response. */
    Optional<AreaRow> overall(Snapshot snapshot, Series series, Locale locale) {
        CampaignEstimates estimates = snapshot.figures(series, Domain.NATION);
        if (estimates == null || estimates.domains().isEmpty()) {
            return Optional.empty();
        }
        GradeBands bands = snapshot.gradeBands() == null ? GradeBands.NONE : snapshot.gradeBands();
        return Optional.of(row(estimates.domains().get(0), bands, locale, null));
    }

    /** The domains of one series and kind, empty when not frozen. */
    static List<DomainEstimate> domains(Snapshot snapshot, Series series, Domain domain) {
        CampaignEstimates estimates = snapshot.figures(series, domain);
        return estimates == null ? List.of() : estimates.domains();
    }

    static Optional<DomainEstimate> domain(Snapshot snapshot, Series series, Domain domain, String code) {
        return domains(snapshot, series, domain).stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The units of a snapshot that lie in a province (by the catalog's tree; a unit merged away keeps its old path). */
    List<DomainEstimate> unitsOf(Snapshot snapshot, String provinceCode) {
        Map<String, CatalogCodes.UnitRef> units = catalog.unitsByCode();
        return domains(snapshot, Series.SAMPLED, Domain.UNIT).stream()
                .filter(d -> {
                    CatalogCodes.UnitRef unit = units.get(d.code());
                    return unit != null && provinceOf(unit.path()).equals(provinceCode);
                })
                .toList();
    }

    /** The province of a unit's path {@code /VN/75/26734/}: its second code. */
    static String provinceOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[2] : "";
    }

    /** The overall figure of each published campaign of one series, oldest period first. */
    List<TrendPoint> trend(List<Snapshot> campaigns) {
        List<TrendPoint> points = new ArrayList<>();
        for (Snapshot s : campaigns) {
            CampaignEstimates nation = s.figures(Series.SAMPLED, Domain.NATION);
            if (nation == null || nation.domains().isEmpty()) {
                continue;
            }
            DomainEstimate d = nation.domains().get(0);
            boolean hidden = suppressed(d.n());
            IndexEstimate o = d.overall();
            points.add(new TrendPoint(s.campaignId(), s.campaignName(), s.periodFrom(), s.periodTo(), s.version(), d.n(), hidden,
                    hidden ? null : o.estimatePct(), hidden ? null : o.ci95Low(), hidden ? null : o.ci95High()));
        }
        return points;
    }

    /** The methodology a snapshot was computed with, when it is still on file. */
    Optional<Methodology> methodology(Snapshot snapshot) {
        return methodologies.find(snapshot.methodologyCode(), snapshot.methodologyVersion());
    }

    private final Map<String, Map<String, Label>> labelCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The index tree's labels by node code: the methodology version is frozen once a campaign used it. */
    Map<String, Label> labels(Snapshot snapshot) {
        return labels(snapshot.methodologyCode(), snapshot.methodologyVersion());
    }

    /** The same for a methodology version named directly (an open survey's results are no snapshot). */
    Map<String, Label> labels(String methodologyCode, int methodologyVersion) {
        return labelCache.computeIfAbsent(methodologyCode + "/" + methodologyVersion, key -> {
            Map<String, Label> labels = new HashMap<>();
            methodologies.find(methodologyCode, methodologyVersion).ifPresent(m -> collect(m.index(), labels));
            return Map.copyOf(labels);
        });
    }

    private static void collect(IndexNode node, Map<String, Label> labels) {
        if (node == null) {
            return;
        }
        if (node.label() != null) {
            labels.put(node.code(), node.label());
        }
        node.children().forEach(child -> collect(child, labels));
    }
}
