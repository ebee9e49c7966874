package org.sipas.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends the queued mail ({@code mail_outbox}) over SMTP with Spring's {@link JavaMailSender}, which
 * exists when {@code spring.mail.host} is set ({@code SIPAS_SMTP_HOST}). Without it nothing leaves:
 * the message stays in the recipient's in-app inbox, and the log says so.
 */
@Service
class MailDispatch {

    private static final Logger log = LoggerFactory.getLogger(MailDispatch.class);
    static final String KEPT = "kept in the inbox: no SMTP server configured";

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> senders;
    private final JobLock lock;
    private final String from;

    MailDispatch(JdbcClient jdbc, ObjectProvider<JavaMailSender> senders, JobLock lock, @Value("${sipas.feedback.mail-from}") String from) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.lock = lock;
        this.from = from;
    }

    boolean smtpConfigured() {
        return senders.getIfAvailable() != null;
    }

    String from() {
        return from;
    }

    private record Queued(long id, String recipient, String subject, String body) {
    }

    /** Sends what is queued (one node at a time); returns the messages handed to the server. */
    int send(Instant now) {
        return lock.exclusively("mail", now, 0, () -> {
            List<Queued> queued = jdbc.sql("""
                            SELECT id, recipient, subject, body FROM mail_outbox
                            WHERE sent_at IS NULL AND attempts < 5 ORDER BY id LIMIT 100""")
                    .query(Queued.class).list();
            JavaMailSender sender = senders.getIfAvailable();
            int sent = 0;
            for (Queued mail : queued) {
                if (sender == null) {
                    log.info("mail to {} kept in the inbox (no SMTP server configured): {}", mail.recipient(), mail.subject());
                    mark(mail.id(), now, KEPT);
                    continue;
                }
                try {
                    MimeMessage message = sender.createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                    helper.setFrom(from);
                    helper.setTo(mail.recipient());
                    helper.setSubject(mail.subject());
                    helper.setText(mail.body(), false);
                    sender.send(message);
                    mark(mail.id(), now, null);
                    sent++;
                } catch (Exception e) {
                    log.warn("mail {} to {} failed, retried: {}", mail.id(), mail.recipient(), e.toString());
                    jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = :e WHERE id = :id")
                            .param("id", mail.id()).param("e", e.toString()).update();
                }
            }
            return sent;
        });
    }

    private void mark(long id, Instant now, String note) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = :now, attempts = attempts + 1, last_error = :note WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(now)).param("note", note).update();
    }
}
