package org.sipas.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.GradeBands;
import org.sipas.index.Series;

/**
 * One numbered version of a campaign's results on its way to publication (or approved): the
 * figures computed from the accepted responses when it was (last) prepared.
 *
 * @param whatChanged the correction note asked on submit from version 2 on
 * @param changes     the figures that differ from the latest published version
 */
public record ResultsVersion(long id, long campaignId, int version, State state, Map<Series, Map<Domain, CampaignEstimates>> figures,
                             GradeBands gradeBands, SnapshotLineage lineage, List<FigureChange> changes, String whatChanged,
                             String preparedBy, Instant preparedAt, String submittedBy, Instant submittedAt, String decidedBy,
                             Instant decidedAt) {

    /** Where a version stands: prepared (draft), submitted for approval, returned with comments, approved (published). */
    public enum State {
        DRAFT, SUBMITTED, RETURNED, APPROVED
    }

    /** The sampled series' figures of one kind of domain, or null. */
    public CampaignEstimates figures(Series series, Domain domain) {
        Map<Domain, CampaignEstimates> bySeries = figures.get(series);
        return bySeries == null ? null : bySeries.get(domain);
    }

    /** One step of a version's history with what its author wrote. */
    public record Comment(long id, int version, String step, String author, Instant at, String body) {
    }
}
