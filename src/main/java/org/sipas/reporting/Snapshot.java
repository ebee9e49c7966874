package org.sipas.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.GradeBands;
import org.sipas.index.Series;

/**
 * One approved and published version of a campaign's results: immutable, as it was approved. A
 * later cleaning decision, re-check outcome or recount changes nothing here; a correction is a new
 * version beside it.
 *
 * @param id                 the snapshot's own id ({@code ?snapshot=} of the reports and exports)
 * @param version            1 for the first publication, then 2, 3… for each correction
 * @param approvedBy         the approver's user name
 * @param preparedBy         the analyst who prepared the figures (never the approver)
 * @param whatChanged        the correction note, for version &gt; 1; null for version 1
 * @param changes            the figures that differ from the previous version (empty for version 1)
 * @param figures            series → kind of domain → the index package's own estimates, as frozen
 * @param gradeBands         the emulation grade bands in force at approval
 * @param lineage            where every figure comes from
 */
public record Snapshot(long id, long campaignId, String campaignName, LocalDate periodFrom, LocalDate periodTo,
                       String scopeUnitCode, String scopeUnitName, String methodologyCode, int methodologyVersion,
                       int version, Instant approvedAt, String approvedBy, String preparedBy, String whatChanged,
                       List<FigureChange> changes, Map<Series, Map<Domain, CampaignEstimates>> figures,
                       GradeBands gradeBands, SnapshotLineage lineage) {

    /** Who publishes an open survey's results when its own setting says they publish themselves (no approver). */
    public static final String BY_SETTING = "sipas (tự công bố theo thiết lập của khảo sát)";

    public Snapshot {
        changes = List.copyOf(changes);
        figures = Map.copyOf(figures);
    }

    /** The frozen estimates of one series and kind of domain, or null when they were not frozen. */
    public CampaignEstimates figures(Series series, Domain domain) {
        Map<Domain, CampaignEstimates> bySeries = figures.get(series);
        return bySeries == null ? null : bySeries.get(domain);
    }

    /**
     * Whether it publishes an open survey's answers: such a version freezes the PORTAL series alone,
     * never a SAMPLED one, so its figures are never a sample's (DESIGN §5) and are shown only as
     * what they are, labelled as no random sample.
     */
    public boolean ofOpenSurvey() {
        return !figures.containsKey(Series.SAMPLED) && figures.containsKey(Series.PORTAL);
    }

    /** Whether it was published by its open survey's own setting, no approver deciding ({@link #BY_SETTING}). */
    public boolean publishedBySetting() {
        return BY_SETTING.equals(approvedBy);
    }

    /** The sampled series' overall figures for the campaign's whole scope (the headline). */
    public CampaignEstimates overall() {
        return figures(Series.SAMPLED, Domain.NATION);
    }
}
