package org.sipas.retention;

import java.time.Clock;

import org.sipas.identity.UnitDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases the contacts due under the retention rule, for the whole country, every
 * {@code sipas.retention.interval}; on one node at a time (the job lock), so two nodes erase once.
 * With {@code sipas.retention.dry-run} it only counts and audits what it would erase.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final ContactRetention retention;
    private final UnitDirectory units;
    private final Clock clock;
    private final boolean dryRun;

    RetentionJob(ContactRetention retention, UnitDirectory units, Clock clock, @Value("${sipas.retention.dry-run}") boolean dryRun) {
        this.retention = retention;
        this.units = units;
        this.clock = clock;
        this.dryRun = dryRun;
    }

    @Scheduled(fixedDelayString = "${sipas.retention.interval}", initialDelayString = "${sipas.retention.interval}")
    void runQuietly() {
        try {
            ContactRetention.Run run = retention.run(units.root().id(), clock.instant(), dryRun, null);
            if (!run.skipped() && run.total() > 0) {
                log.info("{} contacts {} under the retention rule", run.total(), dryRun ? "due (dry run, none erased)" : "erased");
            }
        } catch (RuntimeException e) {
            log.warn("contact retention failed, retried at the next run: {}", e.toString());
        }
    }
}
