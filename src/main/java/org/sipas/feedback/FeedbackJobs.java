package org.sipas.feedback;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The feedback's timed work, every {@code sipas.feedback.job-interval}: escalations, mail, webhook
 * deliveries and the monthly results, each under its own database lock ({@link JobLock}) so that
 * with two nodes each runs once. The time comes from the {@link Clock} bean (tests call the jobs
 * with the moment they need).
 */
@Configuration
@EnableScheduling
class FeedbackJobs {

    private static final Logger log = LoggerFactory.getLogger(FeedbackJobs.class);

    private final Escalations escalations;
    private final MailDispatch mail;
    private final WebhookDispatch webhooks;
    private final MonthlyResults monthly;
    private final Clock clock;

    FeedbackJobs(Escalations escalations, MailDispatch mail, WebhookDispatch webhooks, MonthlyResults monthly, Clock clock) {
        this.escalations = escalations;
        this.mail = mail;
        this.webhooks = webhooks;
        this.monthly = monthly;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sipas.feedback.job-interval}", initialDelayString = "${sipas.feedback.job-interval}")
    void runQuietly() {
        Instant now = clock.instant();
        run("escalation", () -> escalations.run(now));
        run("monthly results", () -> monthly.sendDue(now));
        run("mail", () -> mail.send(now));
        run("webhooks", () -> webhooks.deliver(now));
    }

    private static void run(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("feedback job {} failed, retried at the next run: {}", job, e.toString());
        }
    }

    /** Vietnamese or not, time is read from one clock that tests can replace. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    static Clock clock() {
        return Clock.systemUTC();
    }
}
