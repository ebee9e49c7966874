package org.sipas.feedback;

import org.sipas.methodology.AlertSeverity;
import org.sipas.methodology.AlertKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sipas.identity.AuditLog;
import org.sipas.methodology.Methodologies;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The alert rules of each methodology version (table {@code alert_rule}), edited by administrators. */
@Repository
class AlertRules {

    private static final String SELECT = """
            SELECT id, methodology_code, methodology_version, code, kind, questions, codes, level, words, channels, severity,
                   label, enabled FROM alert_rule""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Methodologies methodologies;

    AlertRules(JdbcClient jdbc, AuditLog audit, Methodologies methodologies) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.methodologies = methodologies;
    }

    List<AlertRule> of(String methodologyCode, int version) {
        return jdbc.sql(SELECT + " WHERE methodology_code = :c AND methodology_version = :v ORDER BY code")
                .param("c", methodologyCode).param("v", version).query(AlertRules::row).list();
    }

    /** The newest version of the methodology before {@code version} that has rules. */
    Optional<Integer> latestVersionBefore(String methodologyCode, int version) {
        return jdbc.sql("SELECT max(methodology_version) FROM alert_rule WHERE methodology_code = :c AND methodology_version < :v")
                .param("c", methodologyCode).param("v", version).query(Integer.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    List<AlertRule> all() {
        return jdbc.sql(SELECT + " ORDER BY methodology_code, methodology_version, code").query(AlertRules::row).list();
    }

    Optional<AlertRule> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(AlertRules::row).optional();
    }

    /** Adds a rule or replaces the one of the same version and code; audited. */
    @Transactional
    AlertRule save(AlertRule rule, String actor) {
        Optional<AlertRule> before = jdbc.sql(SELECT + " WHERE methodology_code = :c AND methodology_version = :v AND code = :code")
                .param("c", rule.methodologyCode()).param("v", rule.methodologyVersion()).param("code", rule.code())
                .query(AlertRules::row).optional();
        long id = jdbc.sql("""
                        INSERT INTO alert_rule (methodology_code, methodology_version, code, kind, questions, codes, level, words,
                                                channels, severity, label, enabled, updated_by, updated_at)
                        VALUES (:mc, :mv, :code, :kind, CAST(:questions AS text[]), CAST(:codes AS text[]), :level,
                                CAST(:words AS text[]), CAST(:channels AS text[]), :severity, :label, :enabled, :actor, now())
                        ON CONFLICT (methodology_code, methodology_version, code) DO UPDATE SET
                            kind = EXCLUDED.kind, questions = EXCLUDED.questions, codes = EXCLUDED.codes, level = EXCLUDED.level,
                            words = EXCLUDED.words, channels = EXCLUDED.channels, severity = EXCLUDED.severity,
                            label = EXCLUDED.label, enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = now()
                        RETURNING id""")
                .param("mc", rule.methodologyCode()).param("mv", rule.methodologyVersion()).param("code", rule.code())
                .param("kind", rule.kind().name()).param("questions", array(rule.questions())).param("codes", array(rule.codes()))
                .param("level", rule.level()).param("words", array(rule.words())).param("channels", array(rule.channels()))
                .param("severity", rule.severity().name()).param("label", rule.label()).param("enabled", rule.enabled())
                .param("actor", actor)
                .query(Long.class).single();
        AlertRule saved = rule.withId(id);
        writeAlarmLevels(saved);
        audit.record(before.isPresent() ? "alert-rule.changed" : "alert-rule.added", "alert_rule", Long.toString(id),
                before.orElse(null), saved, rule.methodologyCode() + " v" + rule.methodologyVersion() + " " + rule.code());
        return saved;
    }

    /**
     * Writes again the alarm levels of a version's NOT_SATISFIED rules from the version as stored now
     * (a replaced draft may have changed its scales); the outbox trigger reads them.
     */
    void refreshAlarmLevels(String methodologyCode, int version) {
        of(methodologyCode, version).forEach(this::writeAlarmLevels);
    }

    /**
     * The alarm levels of every NOT_SATISFIED rule that has none yet (the shipped rules of V41, the
     * rules stored before V84): until then the trigger lets every answer of those rules through.
     */
    @EventListener(ApplicationReadyEvent.class)
    void fillAlarmLevels() {
        jdbc.sql(SELECT + " WHERE kind = 'NOT_SATISFIED' AND alarm_levels IS NULL").query(AlertRules::row).list()
                .forEach(this::writeAlarmLevels);
    }

    /** NULL when the version is unknown: the trigger then passes every answer, never fewer than the judge. */
    private void writeAlarmLevels(AlertRule rule) {
        if (rule.kind() != AlertKind.NOT_SATISFIED) {
            return;
        }
        String levels = methodologies.find(rule.methodologyCode(), rule.methodologyVersion())
                .map(m -> RuleCheck.alarmLevels(rule, m).stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .orElse(null);
        jdbc.sql("UPDATE alert_rule SET alarm_levels = CAST(:levels AS int[]) WHERE id = :id")
                .param("levels", levels).param("id", rule.id()).update();
    }

    /** A PostgreSQL text[] literal of the values (each quoted). */
    static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static AlertRule row(ResultSet rs, int n) throws SQLException {
        return new AlertRule(rs.getLong("id"), rs.getString("methodology_code"), rs.getInt("methodology_version"),
                rs.getString("code"), AlertKind.valueOf(rs.getString("kind")), texts(rs.getArray("questions")),
                texts(rs.getArray("codes")), (Integer) rs.getObject("level"), texts(rs.getArray("words")),
                texts(rs.getArray("channels")), AlertSeverity.valueOf(rs.getString("severity")), rs.getString("label"),
                rs.getBoolean("enabled"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
