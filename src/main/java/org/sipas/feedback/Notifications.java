package org.sipas.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Tells of the cases one batch of the outbox opened, with the same few statements for one case
     * or hundreds: the cases read at once, each unit's heads looked up once, every inbox message
     * (and its mail) and every webhook delivery written in one statement each.
     */
    void casesOpened(List<Long> caseIds, Instant now) {
        List<CaseView> opened = cases.find(caseIds, now);
        if (opened.isEmpty()) {
            return;
        }
        Map<Long, List<UnitHeads.Head>> headsOf = heads.byUnit();
        List<Notice> notices = new ArrayList<>();
        for (CaseView c : opened) {
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
            for (UnitHeads.Head head : headsOf.getOrDefault(c.ownerUnitId(), List.of())) {
                notices.add(new Notice(head.username(), c.id(), subject, body, "/cases/" + c.id()));
            }
        }
        tell(notices, now);
        queueWebhooks(opened, "case.opened", now);
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
        queueWebhooks(List.of(c), "case.escalated", now);
    }

    void caseChanged(long caseId, Instant now) {
        CaseView c = cases.find(caseId, now).orElseThrow();
        queueWebhooks(List.of(c), "case." + c.state().toLowerCase(), now);
    }

    /**
     * An inbox message (and a mail, when the person gave an address) for one staff member, in the
     * caller's transaction; {@code caseId} is null for anything that is not a case (a plan's
     * deadline, an overdue paper batch). The one way any package tells a person something.
     */
    public void tell(String username, Long caseId, String subject, String body, String link, Instant now) {
        tell(List.of(new Notice(username, caseId, subject, body, link)), now);
    }

    /** What one person is told: an inbox message, and its mail when they gave an address. */
    record Notice(String username, Long caseId, String subject, String body, String link) {
    }

    /** The notices in one statement: their inbox messages, and the mails of those who want mail beside them. */
    void tell(List<Notice> notices, Instant now) {
        if (notices.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(notices.size());
        for (Notice n : notices) {
            Map<String, Object> row = new HashMap<>();
            row.put("username", n.username());
            row.put("case_id", n.caseId());
            row.put("subject", n.subject());
            row.put("body", n.body());
            row.put("link", n.link());
            row.put("position", rows.size());
            rows.add(row);
        }
        jdbc.sql("""
                        WITH n AS (
                            SELECT * FROM jsonb_to_recordset(CAST(:notices AS jsonb))
                                AS n (username text, case_id bigint, subject text, body text, link text, position bigint)),
                        told AS (
                            INSERT INTO inbox_message (username, case_id, subject, body, link, created_at)
                            SELECT username, case_id, subject, body, link, :now FROM n ORDER BY position
                            RETURNING id, username, subject, body, link)
                        INSERT INTO mail_outbox (inbox_id, recipient, subject, body, created_at)
                        SELECT told.id, s.email, told.subject, told.body || coalesce(chr(10) || told.link, ''), :now
                        FROM told JOIN notification_setting s ON s.username = told.username AND s.email_on AND s.email IS NOT NULL
                        ORDER BY told.id""")
                .param("notices", json.writeValueAsString(rows)).param("now", Timestamp.from(now)).update();
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

    /** A delivery of the event for each enabled endpoint whose scope covers a case's unit, in one statement. */
    private void queueWebhooks(List<CaseView> told, String event, Instant now) {
        List<Endpoint> endpoints = jdbc.sql("SELECT id, scope_unit_id FROM webhook_endpoint WHERE enabled")
                .query(Endpoint.class).list();
        if (endpoints.isEmpty()) {
            return;
        }
        List<Long> unitIds = told.stream().map(CaseView::unitId).distinct().toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Set<Long> covered = units.within(unitIds, endpoint.scopeUnitId());
            for (CaseView c : told) {
                if (!covered.contains(c.unitId())) {
                    continue;
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("event", event);
                payload.put("at", now.toString());
                payload.put("case", c);
                Map<String, Object> row = new HashMap<>();
                row.put("endpoint_id", endpoint.id());
                row.put("case_id", c.id());
                row.put("body", json.writeValueAsString(payload));
                row.put("position", rows.size());
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO webhook_delivery (endpoint_id, event, case_id, body, next_attempt_at, created_at)
                        SELECT endpoint_id, :event, case_id, body, :now, :now
                        FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS d (endpoint_id bigint, case_id bigint, body text, position bigint)
                        ORDER BY position""")
                .param("event", event).param("rows", json.writeValueAsString(rows)).param("now", Timestamp.from(now)).update();
    }

    private static String dash(String value) {
        return value == null ? "–" : value;
    }
}
