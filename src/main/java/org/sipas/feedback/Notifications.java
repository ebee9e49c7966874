package org.sipas.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.identity.UnitDirectory;
import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells people and systems of a case, in the caller's transaction (so a case and its notices are
 * stored together or not at all, and a case opened once is told once): an inbox message for each
 * head of the owning unit, a mail beside it for those who gave an address ({@code mail_outbox},
 * sent by {@link MailDispatch}), and a signed webhook delivery for each enabled endpoint whose
 * scope covers the case's unit ({@link WebhookDispatch}). What is told is {@link CaseView}: never
 * who complained.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final UnitHeads heads;
    private final UnitDirectory units;
    private final JsonMapper json;

    Notifications(JdbcClient jdbc, CaseStore cases, UnitHeads heads, UnitDirectory units, JsonMapper json) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.heads = heads;
        this.units = units;
        this.json = json;
    }

    void caseOpened(long caseId, Instant now) {
        CaseView c = cases.find(caseId, now).orElseThrow();
        String subject = "[sipas] Vụ việc #%d – %s (%s)".formatted(c.id(), c.ruleLabel(), c.unitName());
        String body = """
                Có phản ánh mới cần xử lý / A new case to handle.
                Đơn vị / unit: %s
                Cảnh báo / alert: %s (%s)
                Nội dung / what was answered: %s
                Hồ sơ / dossier: %s, thủ tục / procedure: %s
                Công chức tiếp nhận / receiving official: %s
                Công chức xử lý / processing official: %s
                Hạn xử lý / due: %s
                """.formatted(c.unitName(), c.ruleLabel(), c.severity(), c.matched(), dash(c.receiptCode()), dash(c.procedureName()),
                dash(c.receivingOfficial()), dash(c.processingOfficial()), Formats.dateTime(c.dueAt()));
        tellHeads(c, c.ownerUnitId(), subject, body, now);
        queueWebhooks(c, "case.opened", now);
    }

    void caseEscalated(long caseId, Instant now) {
        CaseView c = cases.find(caseId, now).orElseThrow();
        String subject = "[sipas] Vụ việc #%d quá hạn, chuyển lên %s / escalated".formatted(c.id(), c.ownerUnitName());
        String body = """
                Vụ việc của %s chưa được xử lý trong thời hạn và được chuyển lên đơn vị cấp trên.
                The case of %s was not taken up in time and is escalated to you.
                Cảnh báo / alert: %s (%s) – %s
                Hạn mới / new due: %s
                """.formatted(c.unitName(), c.unitName(), c.ruleLabel(), c.severity(), c.matched(), Formats.dateTime(c.dueAt()));
        tellHeads(c, c.ownerUnitId(), subject, body, now);
        queueWebhooks(c, "case.escalated", now);
    }

    void caseChanged(long caseId, Instant now) {
        CaseView c = cases.find(caseId, now).orElseThrow();
        queueWebhooks(c, "case." + c.state().toLowerCase(), now);
    }

    /**
     * An inbox message (and a mail, when the person gave an address) for one staff member, in the
     * caller's transaction; {@code caseId} is null for anything that is not a case (a plan's
     * deadline, an overdue paper batch). The one way any package tells a person something.
     */
    public void tell(String username, Long caseId, String subject, String body, String link, Instant now) {
        long inboxId = jdbc.sql("""
                        INSERT INTO inbox_message (username, case_id, subject, body, link, created_at)
                        VALUES (:u, :c, :s, :b, :l, :now) RETURNING id""")
                .param("u", username).param("c", caseId).param("s", subject).param("b", body).param("l", link)
                .param("now", Timestamp.from(now)).query(Long.class).single();
        Optional<String> email = jdbc.sql("SELECT email FROM notification_setting WHERE username = :u AND email_on AND email IS NOT NULL")
                .param("u", username).query(String.class).optional();
        email.ifPresent(address -> jdbc.sql("""
                        INSERT INTO mail_outbox (inbox_id, recipient, subject, body, created_at) VALUES (:i, :r, :s, :b, :now)""")
                .param("i", inboxId).param("r", address).param("s", subject).param("b", body + (link == null ? "" : "\n" + link))
                .param("now", Timestamp.from(now)).update());
    }

    /**
     * A mail to someone who is not staff (a citizen who asked for an open survey's code, an
     * invited official), through the same outbox and in the caller's transaction; no inbox message,
     * as they have no account.
     */
    public void mail(String recipient, String subject, String body, Instant now) {
        jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body, created_at) VALUES (:r, :s, :b, :now)")
                .param("r", recipient).param("s", subject).param("b", body).param("now", Timestamp.from(now)).update();
    }

    private void tellHeads(CaseView c, long unitId, String subject, String body, Instant now) {
        for (UnitHeads.Head head : heads.of(unitId)) {
            tell(head.username(), c.id(), subject, body, "/cases/" + c.id(), now);
        }
    }

    private record Endpoint(long id, long scopeUnitId) {
    }

    private void queueWebhooks(CaseView c, String event, Instant now) {
        List<Endpoint> endpoints = jdbc.sql("SELECT id, scope_unit_id FROM webhook_endpoint WHERE enabled")
                .query(Endpoint.class).list();
        for (Endpoint endpoint : endpoints) {
            if (!units.isWithin(c.unitId(), endpoint.scopeUnitId())) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", event);
            payload.put("at", now.toString());
            payload.put("case", c);
            jdbc.sql("""
                            INSERT INTO webhook_delivery (endpoint_id, event, case_id, body, next_attempt_at, created_at)
                            VALUES (:e, :event, :c, :body, :now, :now)""")
                    .param("e", endpoint.id()).param("event", event).param("c", c.id()).param("body", json.writeValueAsString(payload))
                    .param("now", Timestamp.from(now)).update();
        }
    }

    private static String dash(String value) {
        return value == null ? "–" : value;
    }
}
