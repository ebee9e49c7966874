package org.sipas.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.sipas.feedback.JobLock;
import org.sipas.reporting.Publications;
import org.sipas.reporting.ResultsPublished;
import org.sipas.reporting.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks for the improvement plans once a publication has committed ({@link ResultsPublished}). A
 * delivery that fails (the database away for a moment) is made good by the sweep, which goes over
 * the latest publications of the last {@code improvement-days} days under feedback's job lock:
 * opening is idempotent, so the sweep adds only what is missing.
 */
@Component
class AfterPublication {

    private static final Logger log = LoggerFactory.getLogger(AfterPublication.class);
    static final String JOB = "improvement-tasks";

    private final Improvements improvements;
    private final Publications publications;
    private final JobLock lock;
    private final Clock clock;
    private final int days;

    AfterPublication(Improvements improvements, Publications publications, JobLock lock, Clock clock,
                     @Value("${sipas.planning.improvement-days:30}") int days) {
        this.improvements = improvements;
        this.publications = publications;
        this.lock = lock;
        this.clock = clock;
        this.days = days;
    }

    @TransactionalEventListener
    void published(ResultsPublished published) {
        try {
            int created = improvements.open(published.snapshotId());
            log.info("publication {} (campaign {}, version {}): {} improvement-plan tasks asked", published.snapshotId(),
                    published.campaignId(), published.version(), created);
        } catch (RuntimeException e) {
            log.warn("improvement-plan tasks of publication {} not asked now, the sweep will: {}", published.snapshotId(), e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${sipas.planning.reminder-interval:3600000}", initialDelayString = "${sipas.planning.reminder-interval:3600000}")
    void sweepQuietly() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            log.warn("improvement-plan sweep failed, retried at the next run: {}", e.toString());
        }
    }

    /** The tasks created for recent publications that had none; 0 when another node runs the sweep. */
    int sweep(Instant now) {
        Instant since = now.minus(Duration.ofDays(days));
        return lock.exclusively(JOB, now, 0, () -> {
            int created = 0;
            for (Snapshot s : publications.published()) {
                if (s.approvedAt().isAfter(since)) {
                    created += improvements.open(s.id());
                }
            }
            return created;
        });
    }
}
