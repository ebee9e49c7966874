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

    /**
     * The latest version of every published sampled campaign, newest approval first, with each
     * campaign's versions; and apart, the latest published version of every open survey (its answers
     * are no sample: never a headline, a trend point or a campaign page beside the sampled ones).
     */
    record Catalogue(List<Snapshot> latest, Map<Long, Snapshot> byCampaign, Map<Long, List<SnapshotVersion>> versions,
                     List<Snapshot> openSurveys, long readAt) {
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
            List<Snapshot> openSurveys = new java.util.ArrayList<>();
            for (Snapshot s : latest) {
                if (s.ofOpenSurvey()) {
                    openSurveys.add(remembered(s));
                } else {
                    byCampaign.put(s.campaignId(), remembered(s));
                }
            }
            Map<Long, List<SnapshotVersion>> versions = publications.versions(List.copyOf(byCampaign.keySet()));
            catalogue = new Catalogue(List.copyOf(byCampaign.values()), Map.copyOf(byCampaign), Map.copyOf(versions),
                    List.copyOf(openSurveys), System.nanoTime());
            return catalogue;
        }
    }

    /** The latest published version of every open survey, newest approval first. */
    List<Snapshot> openSurveys() {
        return catalogue().openSurveys();
    }

    /** An open survey's latest published version. */
    Optional<Snapshot> openSurvey(long campaignId) {
        return openSurveys().stream().filter(s -> s.campaignId() == campaignId).findFirst();
    }

    /** The latest published versions of the sampled campaigns, newest approval first. */
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
