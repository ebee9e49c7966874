package org.sipas.feedback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The steps of a case, by the unit head (or an administrator) within whose scope its unit lies:
 * each checks the step is allowed from where the case stands, changes the row, writes the step and
 * the audit entry, and queues its webhook, in one transaction.
 */
@Service
class CaseLifecycle {

    /** A step asked for: the state to go to and, for a resolution, its cause, action and note. */
    record Step(CaseState to, String rootCause, String actionTaken, String note) {
    }

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final CaseStore cases;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    CaseLifecycle(org.springframework.jdbc.core.simple.JdbcClient jdbc, CaseStore cases, UnitScope scope, CurrentUsers users,
                  AuditLog audit, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.scope = scope;
        this.users = users;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The case, when its unit is within the caller's scope: 404 when there is none, 403 outside. */
    CaseView visible(long id) {
        CaseView c = cases.find(id, clock.instant()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + id));
        scope.require(c.unitId());
        return c;
    }

    @Transactional
    CaseView move(long id, Step step) {
        requireHandler();
        CaseView before = visible(id);
        CaseState from = cases.lockState(id).orElseThrow();
        if (!from.next().contains(step.to())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a case " + from + " cannot become " + step.to());
        }
        Instant now = clock.instant();
        boolean resolving = step.to() == CaseState.RESOLVED;
        if (resolving && (blank(step.rootCause()) || blank(step.actionTaken()))) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "a resolution needs a root cause (rootCause) and the action taken (actionTaken)");
        }
        if (resolving && cases.rootCauses().stream().noneMatch(r -> r.code().equals(step.rootCause()))) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown root cause (rootCause) " + step.rootCause());
        }
        boolean reopening = step.to() == CaseState.INVESTIGATING && (from == CaseState.RESOLVED || from == CaseState.CLOSED);
        jdbc.sql("""
                        UPDATE feedback_case SET state = :to, updated_at = :now,
                            acknowledged_at = coalesce(acknowledged_at, :now),
                            resolved_at = CASE WHEN :resolving THEN :now ELSE resolved_at END,
                            closed_at = CASE WHEN :closing THEN :now ELSE closed_at END,
                            root_cause = CASE WHEN :resolving THEN CAST(:cause AS text) ELSE root_cause END,
                            action_taken = CASE WHEN :resolving THEN CAST(:action AS text) ELSE action_taken END,
                            resolution_note = CASE WHEN :resolving THEN CAST(:note AS text) ELSE resolution_note END
                        WHERE id = :id""")
                .param("to", step.to().name()).param("now", Timestamp.from(now)).param("resolving", resolving)
                .param("closing", step.to() == CaseState.CLOSED).param("cause", step.rootCause())
                .param("action", step.actionTaken()).param("note", blank(step.note()) ? null : step.note().strip()).param("id", id)
                .update();
        // a reopened case keeps its history but no longer counts as resolved
        if (reopening) {
            jdbc.sql("UPDATE feedback_case SET resolved_at = NULL, closed_at = NULL WHERE id = :id").param("id", id).update();
        }
        String kind = reopening ? "REOPENED" : step.to().name();
        cases.step(id, now, users.actorName(), kind, resolving ? step.rootCause() + ": " + step.actionTaken()
                + (blank(step.note()) ? "" : " – " + step.note().strip()) : step.note());
        CaseView after = cases.find(id, now).orElseThrow();
        audit.record("case." + kind.toLowerCase(), "feedback_case", Long.toString(id), summary(before), summary(after), null);
        notifications.caseChanged(id, now);
        return after;
    }

    java.util.List<CaseStore.RootCause> rootCauses() {
        return cases.rootCauses();
    }

    /** A follow-up call to a respondent who consented to be contacted, and its outcome. */
    @Transactional
    void followUp(long id, String outcome) {
        requireHandler();
        CaseView c = visible(id);
        if (!c.consented()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the respondent did not consent to be contacted");
        }
        if (blank(outcome)) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "the outcome of the call (outcome) is missing");
        }
        cases.step(id, clock.instant(), users.actorName(), "FOLLOW_UP", outcome.strip());
        audit.record("case.follow-up", "feedback_case", Long.toString(id), null, Map.of("outcome", outcome.strip()), null);
    }

    private void requireHandler() {
        if (!users.current().hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.UNIT_MANAGER)) {
            throw new AccessDeniedException("only a unit head or an administrator works on cases");
        }
    }

    private static Map<String, Object> summary(CaseView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", c.state());
        m.put("ownerUnitId", c.ownerUnitId());
        m.put("rootCause", c.rootCause());
        m.put("actionTaken", c.actionTaken());
        m.put("resolutionNote", c.resolutionNote());
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
