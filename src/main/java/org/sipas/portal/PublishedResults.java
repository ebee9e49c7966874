package org.sipas.portal;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.sipas.reporting.Publications;
import org.sipas.reporting.ResultsPublished;
import org.sipas.reporting.Snapshot;
import org.sipas.reporting.SnapshotVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The published snapshots as the portal reads them, kept in memory: a snapshot never changes once
 * published, so one read serves every later visitor. Only which version is the latest changes, at a
 * publication: this node forgets its list at once on {@link ResultsPublished}, and every node asks the
 * database again after {@link #RECHECK}, so a correction published on another node shows within it.
 */
@Service
class PublishedResults {

    static final Duration RECHECK = Duration.ofSeconds(10);

    /** The latest version of every published campaign, newest approval first, with each campaign's versions. */
    record Catalogue(List<Snapshot> latest, Map<Long, Snapshot> byCampaign, Map<Long, List<SnapshotVersion>> versions,
                     long readAt) {
    }

    private final Publications publications;
    private final Map<Long, Snapshot> byId = new ConcurrentHashMap<>();
    private volatile Catalogue catalogue;

    PublishedResults(Publications publications) {
        this.publications = publications;
    }

    Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known != null && System.nanoTime() - known.readAt() < RECHECK.toNanos()) {
            return known;
        }
        synchronized (this) {
            if (catalogue != null && System.nanoTime() - catalogue.readAt() < RECHECK.toNanos()) {
                return catalogue;
            }
            // two queries whatever the number of campaigns: which versions are the latest (their figures read once
            // by Publications), and every published campaign's versions
            List<Snapshot> latest = publications.published();
            Map<Long, Snapshot> byCampaign = new LinkedHashMap<>();
            for (Snapshot s : latest) {
                byCampaign.put(s.campaignId(), remembered(s));
            }
            Map<Long, List<SnapshotVersion>> versions = publications.versions(List.copyOf(byCampaign.keySet()));
            catalogue = new Catalogue(List.copyOf(byCampaign.values()), Map.copyOf(byCampaign), Map.copyOf(versions),
                    System.nanoTime());
            return catalogue;
        }
    }

    /** The latest published versions, newest approval first. */
    List<Snapshot> latest() {
        return catalogue().latest();
    }

    Optional<Snapshot> latest(long campaignId) {
        return Optional.ofNullable(catalogue().byCampaign().get(campaignId));
    }

    /** One version of a campaign, the latest when {@code version} is null. */
    Optional<Snapshot> version(long campaignId, Integer version) {
        Optional<Snapshot> latest = latest(campaignId);
        if (version == null || latest.isPresent() && latest.get().version() == version) {
            return latest;
        }
        Optional<Long> id = versions(campaignId).stream().filter(v -> v.version() == version)
                .map(SnapshotVersion::snapshotId).findFirst();
        return id.map(snapshotId -> byId.computeIfAbsent(snapshotId,
                key -> publications.snapshot(key).orElseThrow()));
    }

    List<SnapshotVersion> versions(long campaignId) {
        return catalogue().versions().getOrDefault(campaignId, List.of());
    }

    /**
     * The published campaigns of one methodology and scope, oldest period first: the points of a trend.
     * Campaigns of another methodology measure something else and are never joined to them.
     */
    List<Snapshot> sameSeries(Snapshot of) {
        return latest().stream()
                .filter(s -> s.methodologyCode().equals(of.methodologyCode()) && s.scopeUnitCode().equals(of.scopeUnitCode()))
                .sorted(Comparator.comparing(Snapshot::periodFrom).thenComparing(Snapshot::campaignId))
                .toList();
    }

    @TransactionalEventListener
    void published(ResultsPublished published) {
        catalogue = null;
    }

    private Snapshot remembered(Snapshot snapshot) {
        // a snapshot id names one immutable snapshot: the first read is kept, later reads reuse it
        Snapshot kept = byId.putIfAbsent(snapshot.id(), snapshot);
        if (byId.size() > 500) {
            byId.clear();
        }
        return kept == null ? snapshot : kept;
    }
}
