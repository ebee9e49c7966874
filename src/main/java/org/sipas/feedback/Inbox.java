package org.sipas.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A staff member's in-app inbox ({@code inbox_message}) and where they want mail. */
@Service
class Inbox {

    record Message(long id, Long caseId, String subject, String body, String link, Instant createdAt, Instant readAt) {
    }

    record Setting(String email, boolean emailOn) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Message> of(String username) {
        return jdbc.sql("""
                        SELECT id, case_id, subject, body, link, created_at, read_at FROM inbox_message
                        WHERE username = :u ORDER BY created_at DESC, id DESC LIMIT 200""")
                .param("u", username).query(Message.class).list();
    }

    long unread(String username) {
        return jdbc.sql("SELECT count(*) FROM inbox_message WHERE username = :u AND read_at IS NULL").param("u", username)
                .query(Long.class).single();
    }

    /** Marks the user's own message read; its link, if it has one. */
    @Transactional
    Optional<String> open(String username, long id) {
        return jdbc.sql("""
                        UPDATE inbox_message SET read_at = coalesce(read_at, :now) WHERE id = :id AND username = :u
                        RETURNING coalesce(link, '/inbox')""")
                .param("id", id).param("u", username).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(String.class).optional();
    }

    Setting setting(String username) {
        return jdbc.sql("SELECT email, email_on FROM notification_setting WHERE username = :u").param("u", username)
                .query(Setting.class).optional().orElse(new Setting(null, true));
    }

    @Transactional
    void save(String username, String email, boolean emailOn) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && !address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "not an e-mail address (email): " + address);
        }
        jdbc.sql("""
                        INSERT INTO notification_setting (username, email, email_on) VALUES (:u, :e, :on)
                        ON CONFLICT (username) DO UPDATE SET email = EXCLUDED.email, email_on = EXCLUDED.email_on""")
                .param("u", username).param("e", address).param("on", emailOn).update();
    }
}
