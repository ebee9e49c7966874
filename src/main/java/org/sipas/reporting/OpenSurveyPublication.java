package org.sipas.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaigns;
import org.sipas.campaign.OpenSurveyClosed;
import org.sipas.feedback.JobLock;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.web.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open survey whose setting says its results publish themselves is published through the one
 * approval and snapshot path ({@link ResultsApproval#publishBySetting}) when it closes, after the
 * close has committed; one set to publish also while it takes answers is published again every
 * {@code refresh_hours} hours ({@link ResultsApproval#refreshBySetting}), each refresh a new snapshot
 * superseding the last, none when nothing new was answered. The refresh runs under feedback's job
 * lock, so with several nodes a survey is published once. Each publication has a transaction of its
 * own: a failed one leaves the survey as it was (closed, or taking answers), logged, and its managers
 * publish from the results page as for any campaign.
 */
@Component
class OpenSurveyPublication {

    private static final Logger log = LoggerFactory.getLogger(OpenSurveyPublication.class);
    static final String JOB = "open-survey-refresh";

    private final ResultsApproval approval;
    private final OpenCampaigns openCampaigns;
    private final SnapshotRepository snapshots;
    private final CurrentUsers users;
    private final JobLock lock;
    private final Clock clock;
    private final TransactionTemplate transaction;

    OpenSurveyPublication(ResultsApproval approval, OpenCampaigns openCampaigns, SnapshotRepository snapshots, CurrentUsers users,
                          JobLock lock, Clock clock, PlatformTransactionManager transactions) {
        this.approval = approval;
        this.openCampaigns = openCampaigns;
        this.snapshots = snapshots;
        this.users = users;
        this.lock = lock;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void closed(OpenSurveyClosed closed) {
        if (!closed.publishResults()) {
            return;
        }
        try {
            users.runAs(system(closed.scopeUnitId()), () -> transaction.execute(status -> approval.publishBySetting(closed.campaignId())));
        } catch (RuntimeException e) {
            log.warn("open survey {}: results not published by its setting: {}", closed.campaignId(), e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${sipas.open-survey.refresh-check:600000}", initialDelayString = "${sipas.open-survey.refresh-check:600000}")
    void refreshQuietly() {
        try {
            refresh(clock.instant());
        } catch (RuntimeException e) {
            log.warn("open survey refresh failed, retried at the next run: {}", e.toString());
        }
    }

    /**
     * Publishes again the results of every survey that publishes while it takes answers and whose
     * latest publication is at least its {@code refresh_hours} old at {@code now} (or that has none):
     * the number of snapshots published, 0 when another node runs the refresh.
     */
    int refresh(Instant now) {
        return lock.exclusively(JOB, now, 0, () -> {
            LocalDate today = LocalDate.ofInstant(now, Formats.ZONE);
            int published = 0;
            for (OpenCampaign survey : openCampaigns.publishingWhileOpen(today)) {
                Optional<Instant> last = snapshots.versions(survey.id()).stream().findFirst().map(SnapshotVersion::approvedAt);
                if (last.isPresent() && last.get().plus(Duration.ofHours(survey.refreshHours())).isAfter(now)) {
                    continue;
                }
                try {
                    Optional<Snapshot> snapshot = users.runAs(system(survey.scopeUnitId()),
                            () -> transaction.execute(status -> approval.refreshBySetting(survey.id(), today)));
                    if (snapshot != null && snapshot.isPresent()) {
                        published++;
                    }
                } catch (RuntimeException e) {
                    // one survey's failure does not hold the others back; it is tried again at the next run
                    log.warn("open survey {}: results not refreshed by its setting: {}", survey.id(), e.toString());
                }
            }
            return published;
        });
    }

    /** The system acts within the survey's own scope, as its managers would; the audit names the setting, not a person. */
    private static CurrentUser system(long scopeUnitId) {
        return new CurrentUser("system:open-survey-publication", Set.of(Role.ADMIN), scopeUnitId);
    }
}
