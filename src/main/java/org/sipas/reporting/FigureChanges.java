package org.sipas.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;

/**
 * The figures that differ between two versions of a campaign's results: every node of every domain
 * of every series frozen in either, compared by its headline value (the weighted estimate; the
 * unweighted percentage where there is no estimate) and its n.
 */
final class FigureChanges {

    /** Values closer than this are the same figure (the engine's own precision, far below a published decimal). */
    static final double SAME = 1e-9;

    private FigureChanges() {
    }

    static List<FigureChange> between(Map<Series, Map<Domain, CampaignEstimates>> before,
                                      Map<Series, Map<Domain, CampaignEstimates>> after) {
        Map<String, Figure> old = flatten(before);
        Map<String, Figure> now = flatten(after);
        List<FigureChange> changes = new ArrayList<>();
        now.forEach((key, figure) -> {
            Figure was = old.get(key);
            if (was == null || differs(was, figure)) {
                changes.add(change(was, figure));
            }
        });
        old.forEach((key, was) -> {
            if (!now.containsKey(key)) {
                changes.add(change(was, null));
            }
        });
        return changes;
    }

    private static boolean differs(Figure a, Figure b) {
        if (a.n() != b.n()) {
            return true;
        }
        if (a.value() == null || b.value() == null) {
            return !Objects.equals(a.value(), b.value());
        }
        return Math.abs(a.value() - b.value()) > SAME;
    }

    private static FigureChange change(Figure was, Figure now) {
        Figure any = now != null ? now : was;
        return new FigureChange(any.series(), any.domainKind(), any.domainCode(), any.domainName(), any.index(),
                was == null ? null : was.value(), now == null ? null : now.value(), was == null ? null : was.n(),
                now == null ? null : now.n());
    }

    private record Figure(String series, String domainKind, String domainCode, String domainName, String index, Double value, long n) {
    }

    private static Map<String, Figure> flatten(Map<Series, Map<Domain, CampaignEstimates>> figures) {
        Map<String, Figure> flat = new LinkedHashMap<>();
        if (figures == null) {
            return flat;
        }
        figures.forEach((series, byDomain) -> byDomain.forEach((domain, estimates) -> {
            for (DomainEstimate d : estimates.domains()) {
                for (IndexEstimate e : d.figures()) {
                    Double value = e.estimatePct() != null ? e.estimatePct() : e.unweightedPct();
                    String key = series + "|" + domain + "|" + d.code() + "|" + e.index();
                    flat.put(key, new Figure(series.name(), domain.name(), d.code(), d.name(), e.index(), value, e.n()));
                }
            }
        }));
        return flat;
    }
}
