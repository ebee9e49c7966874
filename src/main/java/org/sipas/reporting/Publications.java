package org.sipas.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Snapshots kept read; past it the memory starts over (a campaign's latest version is one, campaigns a few hundred). */
    private static final int KEPT = 1_000;

    private final SnapshotRepository snapshots;
    /** Snapshot id → snapshot: a published snapshot is never changed (the database refuses it), so one read serves for good. */
    private final Map<Long, Snapshot> read = new ConcurrentHashMap<>();

    Publications(SnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * The latest published version of every campaign that has one, newest approval first. Which
     * versions are the latest is asked of the database each time (one query on the index, no
     * figures); a snapshot's figures are read and parsed once, the first time it is the latest, so a
     * call costs the same whether there are 3 campaigns or 300 and whatever their size.
     */
    public List<Snapshot> published() {
        List<Long> latest = snapshots.latestIds();
        Map<Long, Snapshot> found = new HashMap<>();
        List<Long> unread = new ArrayList<>();
        for (long id : latest) {
            Snapshot known = read.get(id);
            if (known == null) {
                unread.add(id);
            } else {
                found.put(id, known);
            }
        }
        if (!unread.isEmpty()) {
            if (read.size() + unread.size() > KEPT) {
                read.clear();
            }
            for (Snapshot s : snapshots.byIds(unread)) {
                read.put(s.id(), s);
                found.put(s.id(), s);
            }
        }
        // a campaign deleted between the two reads has no snapshot left: it is simply not published any more
        return latest.stream().map(found::get).filter(Objects::nonNull).toList();
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

    /** The published versions of each of {@code campaignIds} (newest first), in one query: campaign id → its versions. */
    public Map<Long, List<SnapshotVersion>> versions(List<Long> campaignIds) {
        Map<Long, List<SnapshotVersion>> byCampaign = new LinkedHashMap<>();
        campaignIds.forEach(id -> byCampaign.put(id, new ArrayList<>()));
        if (!campaignIds.isEmpty()) {
            snapshots.versions(campaignIds).forEach(v -> byCampaign.computeIfAbsent(v.campaignId(), id -> new ArrayList<>()).add(v));
        }
        Map<Long, List<SnapshotVersion>> out = new LinkedHashMap<>();
        byCampaign.forEach((id, versions) -> out.put(id, List.copyOf(versions)));
        return out;
    }

    /** The ids of the responses a snapshot counted, ascending (its lineage's list). */
    public List<Long> countedResponses(long snapshotId) {
        return snapshots.counted(snapshotId);
    }
}
