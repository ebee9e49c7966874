package org.sipas.campaign;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of training: settings, sessions and participants, quiz questions and attempts (V86). */
@Repository
class TrainingRepository {

    /** A campaign's settings as stored, or the defaults when it has none. */
    record Settings(boolean required, int passMark) {
        static final Settings DEFAULTS = new Settings(false, 80);
    }

    /** A training session with its participants. */
    record Session(long id, LocalDate heldOn, String place, String trainer, List<String> participants) {
    }

    /** A quiz question; {@code correct} is the position of the right option. */
    record QuizQuestion(long id, String prompt, List<String> options, int correct, String generatedFrom) {
    }

    /** Who passed, with their best attempt and the sessions they attended. */
    record TrainedRow(String username, int correct, int questions, Instant passedAt, int sessions) {
    }

    /** One attempt at the quiz. */
    record Attempt(long id, String username, int correct, int questions, int passMark, boolean passed, Instant takenAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TrainingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The campaigns sampled or in the field, newest first: those people train for. */
    /** A campaign sampled or in the field, with the unit whose subtree it covers. */
    record Active(long id, long scopeUnitId) {
    }

    List<Active> activeCampaigns() {
        return jdbc.sql("SELECT id, scope_unit_id FROM campaign WHERE status IN ('SAMPLED', 'IN_FIELD') ORDER BY id DESC")
                .query((rs, n) -> new Active(rs.getLong(1), rs.getLong(2))).list();
    }

    Settings settings(long campaignId) {
        return jdbc.sql("SELECT required, pass_mark FROM campaign_training WHERE campaign_id = :c").param("c", campaignId)
                .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getInt(2))).optional().orElse(Settings.DEFAULTS);
    }

    void saveSettings(long campaignId, Settings settings, String by) {
        jdbc.sql("""
                        INSERT INTO campaign_training (campaign_id, required, pass_mark, changed_by) VALUES (:c, :r, :m, :by)
                        ON CONFLICT (campaign_id) DO UPDATE SET required = excluded.required, pass_mark = excluded.pass_mark,
                                                                changed_by = excluded.changed_by, changed_at = now()""")
                .param("c", campaignId).param("r", settings.required()).param("m", settings.passMark()).param("by", by).update();
    }

    long addSession(long campaignId, LocalDate heldOn, String place, String trainer, List<String> participants, String by) {
        long id = jdbc.sql("""
                        INSERT INTO training_session (campaign_id, held_on, place, trainer, created_by)
                        VALUES (:c, :on, :place, :trainer, :by) RETURNING id""")
                .param("c", campaignId).param("on", Date.valueOf(heldOn)).param("place", place).param("trainer", trainer)
                .param("by", by).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO training_participant (session_id, username)
                        SELECT :s, u FROM unnest(CAST(:users AS text[])) AS u ON CONFLICT DO NOTHING""")
                .param("s", id).param("users", participants.toArray(String[]::new)).update();
        return id;
    }

    List<Session> sessions(long campaignId) {
        return jdbc.sql("""
                        SELECT s.id, s.held_on, s.place, s.trainer,
                               coalesce(array_agg(p.username ORDER BY p.username) FILTER (WHERE p.username IS NOT NULL), '{}') AS people
                        FROM training_session s LEFT JOIN training_participant p ON p.session_id = s.id
                        WHERE s.campaign_id = :c GROUP BY s.id ORDER BY s.held_on, s.id""")
                .param("c", campaignId)
                .query((rs, n) -> new Session(rs.getLong("id"), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                        rs.getString("trainer"), List.of((String[]) rs.getArray("people").getArray())))
                .list();
    }

    long addQuestion(long campaignId, String prompt, List<String> options, int correct, String generatedFrom, String by) {
        return jdbc.sql("""
                        INSERT INTO quiz_question (campaign_id, prompt, options, correct, generated_from, created_by)
                        VALUES (:c, :prompt, CAST(:options AS jsonb), :correct, :from, :by)
                        ON CONFLICT (campaign_id, generated_from) DO NOTHING RETURNING id""")
                .param("c", campaignId).param("prompt", prompt).param("options", json.writeValueAsString(options))
                .param("correct", correct).param("from", generatedFrom).param("by", by)
                .query(Long.class).optional().orElse(0L);
    }

    boolean removeQuestion(long campaignId, long questionId) {
        return jdbc.sql("DELETE FROM quiz_question WHERE campaign_id = :c AND id = :id").param("c", campaignId)
                .param("id", questionId).update() == 1;
    }

    List<QuizQuestion> questions(long campaignId) {
        return jdbc.sql("SELECT id, prompt, options, correct, generated_from FROM quiz_question WHERE campaign_id = :c ORDER BY id")
                .param("c", campaignId).query(this::question).list();
    }

    long addAttempt(long campaignId, String username, Map<Long, Integer> answers, int correct, int questions, int passMark,
                    boolean passed) {
        return jdbc.sql("""
                        INSERT INTO quiz_attempt (campaign_id, username, answers, correct, questions, pass_mark, passed)
                        VALUES (:c, :u, CAST(:a AS jsonb), :correct, :questions, :mark, :passed) RETURNING id""")
                .param("c", campaignId).param("u", username).param("a", json.writeValueAsString(answers))
                .param("correct", correct).param("questions", questions).param("mark", passMark).param("passed", passed)
                .query(Long.class).single();
    }

    /** The attempts of one person at the campaign's quiz, newest first. */
    List<Attempt> attempts(long campaignId, String username) {
        return jdbc.sql("""
                        SELECT id, username, correct, questions, pass_mark, passed, taken_at FROM quiz_attempt
                        WHERE campaign_id = :c AND username = :u ORDER BY taken_at DESC, id DESC""")
                .param("c", campaignId).param("u", username).query(TrainingRepository::attempt).list();
    }

    boolean passed(long campaignId, String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM quiz_attempt WHERE campaign_id = :c AND username = :u AND passed)")
                .param("c", campaignId).param("u", username).query(Boolean.class).single();
    }

    /** Everyone who passed the campaign's quiz, with their best passing attempt (its first, on a tie) and sessions attended. */
    List<TrainedRow> trained(long campaignId) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (a.username) a.username, a.correct, a.questions, a.taken_at,
                               (SELECT count(*) FROM training_participant p JOIN training_session s ON s.id = p.session_id
                                WHERE s.campaign_id = a.campaign_id AND p.username = a.username) AS sessions
                        FROM quiz_attempt a WHERE a.campaign_id = :c AND a.passed
                        ORDER BY a.username, a.correct * 1.0 / a.questions DESC, a.taken_at""")
                .param("c", campaignId)
                .query((rs, n) -> new TrainedRow(rs.getString("username"), rs.getInt("correct"), rs.getInt("questions"),
                        rs.getTimestamp("taken_at").toInstant(), rs.getInt("sessions")))
                .list();
    }

    private QuizQuestion question(ResultSet rs, int n) throws SQLException {
        List<String> options = json.readValue(rs.getString("options"), new TypeReference<List<String>>() {
        });
        return new QuizQuestion(rs.getLong("id"), rs.getString("prompt"), options, rs.getInt("correct"),
                rs.getString("generated_from"));
    }

    private static Attempt attempt(ResultSet rs, int n) throws SQLException {
        return new Attempt(rs.getLong("id"), rs.getString("username"), rs.getInt("correct"), rs.getInt("questions"),
                rs.getInt("pass_mark"), rs.getBoolean("passed"), rs.getTimestamp("taken_at").toInstant());
    }
}
