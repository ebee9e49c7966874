package org.sipas.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.sipas.index.FoldLag;
import org.sipas.index.Tallies;
import org.sipas.reporting.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the public status page says, and nothing personal: whether the database answers (and how
 * fast), how far the live tallies are behind the stored responses (the fold's lag: changes waiting,
 * the oldest one's age, the last fold), when results were last published and of which campaign, and
 * the version running. With the database down the rest is unknown and said so, not guessed.
 */
@Service
class PortalStatus {

    private static final Logger log = LoggerFactory.getLogger(PortalStatus.class);

    /**
     * The status at {@code checkedAt}. Every field after {@code databaseReachable} is null when the
     * database did not answer.
     */
    record Status(boolean databaseReachable, Long databaseMillis, Long foldWaiting, Long foldLagSeconds, Instant lastFoldAt,
                  Instant lastPublicationAt, String lastPublicationCampaign, String version, Instant checkedAt) {
    }

    private final JdbcClient jdbc;
    private final Tallies tallies;
    private final PublishedResults published;
    private final String version;

    PortalStatus(JdbcClient jdbc, Tallies tallies, PublishedResults published, ObjectProvider<BuildProperties> build) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.published = published;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null || properties.getVersion() == null ? "dev" : properties.getVersion();
    }

    Status now() {
        long started = System.nanoTime();
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            FoldLag lag = tallies.lag();
            List<Snapshot> latest = published.latest();
            Snapshot last = latest.stream().max(java.util.Comparator.comparing(Snapshot::approvedAt)).orElse(null);
            return new Status(true, millis, lag.waiting(), lag.lag().toSeconds(), lag.lastFoldAt(),
                    last == null ? null : last.approvedAt(), last == null ? null : last.campaignName(), version, Instant.now());
        } catch (DataAccessException unreachable) {
            log.warn("status page: the database did not answer: {}", unreachable.getMessage());
            return new Status(false, null, null, null, null, null, null, version, Instant.now());
        }
    }
}
