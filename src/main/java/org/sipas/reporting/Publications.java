package org.sipas.reporting;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published results, read side: what the portal, the reports, the exports and the open data
 * show. Published figures are public, so nothing here is filtered by the caller's scope; drafts
 * waiting for approval are not here (they are {@code ResultsApproval}'s, for staff in scope).
 */
@Service
@Transactional(readOnly = true)
public class Publications {

    private final SnapshotRepository snapshots;

    Publications(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** The latest published version of every campaign that has one, newest approval first. */
    public List<Snapshot> published() {
        return snapshots.latestOfEach();
    }

    /** A campaign's latest published version. */
    public Optional<Snapshot> latest(long campaignId) {
        return snapshots.latest(campaignId);
    }

    /** One published version of a campaign's results (1, 2…). */
    public Optional<Snapshot> version(long campaignId, int version) {
        return snapshots.version(campaignId, version);
    }

    /** A snapshot by its own id (the {@code ?snapshot=} of reports and exports). */
    public Optional<Snapshot> snapshot(long snapshotId) {
        return snapshots.byId(snapshotId);
    }

    /** A campaign's published versions, newest first, with who approved them and what changed. */
    public List<SnapshotVersion> versions(long campaignId) {
        return snapshots.versions(campaignId);
    }

    /** The ids of the responses a snapshot counted, ascending (its lineage's list). */
    public List<Long> countedResponses(long snapshotId) {
        return snapshots.counted(snapshotId);
    }
}
