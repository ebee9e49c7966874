package org.sipas.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every channel's responses are stored: one row per response, appended, in one transaction
 * with closing the token and completing the sampled case. A caller acknowledges the respondent
 * only after {@link #store} returns, that is after the commit.
 *
 * <p>One respondent, one answer, guarded by the database so that two tabs, two devices or two
 * nodes cannot both succeed: a token is claimed by a row lock before the insert, and the unique
 * keys on the token, the sampled case, (campaign, phone hash) and (campaign, paper number) refuse
 * the second. A retry carrying the idempotency key of a stored response gets that response back.
 */
@Service
public class ResponseStore {

    /** A stored response: its id, whether this call stored it (false: a retry of an earlier submit), and when. */
    public record Stored(long responseId, boolean created, Instant submittedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CaseDispositions dispositions;

    ResponseStore(JdbcClient jdbc, JsonMapper json, CaseDispositions dispositions) {
        this.jdbc = jdbc;
        this.json = json;
        this.dispositions = dispositions;
    }

    /**
     * Stores a response.
     *
     * @throws AlreadyAnswered when the respondent has answered already (and it is not a retry of that
     *                         answer); nothing of this response is written then, so a caller's transaction
     *                         may go on and commit (a token claimed for a case answered by another channel
     *                         stays closed, which is right)
     */
    @Transactional(noRollbackFor = AlreadyAnswered.class)
    public Stored store(Submission submission) {
        // the happy path is one statement: claim the token, drop its draft, insert (a retry or a
        // refusal is told apart afterwards, so a first submit pays no lookup ahead)
        Optional<Stored> inserted = insert(submission);
        if (inserted.isEmpty()) {
            return byIdempotencyKey(submission.idempotencyKey()).orElseThrow(() -> new AlreadyAnswered(refusal(submission)));
        }
        if (submission.sampleCaseId() != null) {
            dispositions.record(submission.sampleCaseId(), submission.campaignId(), Disposition.COMPLETE, false,
                    submission.collectedBy() == null ? "respondent" : submission.collectedBy());
        }
        return inserted.get();
    }

    /** Whether a sampled case already has its response. */
    public boolean isAnswered(long sampleCaseId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM response WHERE sample_member_id = :case)").param("case", sampleCaseId)
                .query(Boolean.class).single();
    }

    /** Whether the phone of this keyed hash has already answered the campaign's open survey (or any of its responses). */
    public boolean hasAnswered(long campaignId, String respondentHash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM response WHERE campaign_id = :c AND respondent_hash = :hash)")
                .param("c", campaignId).param("hash", respondentHash).query(Boolean.class).single();
    }

    /** Whether the response of this token was stored by a submit carrying this idempotency key. */
    boolean storedWith(String token, String idempotencyKey) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM response WHERE token = :token AND idempotency_key = :key)")
                .param("token", token).param("key", idempotencyKey).query(Boolean.class).single();
    }

    /**
     * Put before the insert of a response to a token: the token is closed (a row lock, so that of
     * two submits at once the second finds it used) and its draft dropped; with no token claimed,
     * nothing is inserted.
     */
    private static final String CLAIM_TOKEN = """
            WITH claimed AS (UPDATE survey_token SET used_at = now()
                             WHERE token = :token AND used_at IS NULL AND expires_at > now() RETURNING token),
                 dropped AS (DELETE FROM response_draft WHERE token IN (SELECT token FROM claimed))
            """;

    private Optional<Stored> insert(Submission s) {
        return jdbc.sql((s.token() == null ? "" : CLAIM_TOKEN) + """
                        INSERT INTO response (token, methodology_code, methodology_version, unit_id, dossier_id, channel,
                                              answers, started_at, finished_at, campaign_id, stratum_id, sample_member_id,
                                              sampled, collected_by, idempotency_key, respondent_hash, kiosk_id,
                                              paper_number, latitude, longitude, position_accuracy_m)
                        SELECT :token, :code, :version, :unit, :dossier, :channel, cast(:answers AS jsonb), :started,
                               coalesce(:finished, now()), :campaign, :stratum, :case, :sampled, :by, :key, :hash, :kiosk,
                               :paper, :lat, :lon, :accuracy
                        """ + (s.token() == null ? "" : "FROM claimed ") + """
                        ON CONFLICT DO NOTHING
                        RETURNING id, submitted_at""")
                .param("token", s.token()).param("code", s.methodologyCode()).param("version", s.methodologyVersion())
                .param("unit", s.unitId()).param("dossier", s.dossierId()).param("channel", s.channel().name())
                .param("answers", json.writeValueAsString(s.answers())).param("started", Timestamp.from(s.startedAt()))
                .param("finished", s.finishedAt() == null ? null : Timestamp.from(s.finishedAt()))
                .param("campaign", s.campaignId()).param("stratum", s.stratumId()).param("case", s.sampleCaseId())
                .param("sampled", s.sampleCaseId() != null).param("by", s.collectedBy())
                .param("key", s.idempotencyKey()).param("hash", s.respondentHash()).param("kiosk", s.kioskId())
                .param("paper", s.paperNumber())
                .param("lat", s.position() == null ? null : s.position().latitude())
                .param("lon", s.position() == null ? null : s.position().longitude())
                .param("accuracy", s.position() == null ? null : s.position().accuracyMetres())
                .query((rs, n) -> new Stored(rs.getLong(1), true, rs.getTimestamp(2).toInstant())).optional();
    }

    private Optional<Stored> byIdempotencyKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, submitted_at FROM response WHERE idempotency_key = :key").param("key", key)
                .query((rs, n) -> new Stored(rs.getLong(1), false, rs.getTimestamp(2).toInstant())).optional();
    }

    private AlreadyAnswered.Reason tokenState(String token) {
        boolean used = jdbc.sql("SELECT used_at IS NOT NULL FROM survey_token WHERE token = :token").param("token", token)
                .query(Boolean.class).optional().orElse(false);
        return used ? AlreadyAnswered.Reason.TOKEN_USED : AlreadyAnswered.Reason.TOKEN_EXPIRED;
    }

    /** Which one-answer rule refused the insert: the respondent's other answer first, then the link's state. */
    private AlreadyAnswered.Reason refusal(Submission s) {
        if (s.sampleCaseId() != null && isAnswered(s.sampleCaseId())) {
            return AlreadyAnswered.Reason.CASE_ANSWERED;
        }
        if (s.paperNumber() != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM response WHERE campaign_id = :c AND paper_number = :p)")
                .param("c", s.campaignId()).param("p", s.paperNumber()).query(Boolean.class).single()) {
            return AlreadyAnswered.Reason.PAPER_NUMBER_TAKEN;
        }
        if (s.respondentHash() != null && s.campaignId() != null && hasAnswered(s.campaignId(), s.respondentHash())) {
            return AlreadyAnswered.Reason.PERSON_ANSWERED;
        }
        return s.token() != null ? tokenState(s.token()) : AlreadyAnswered.Reason.PERSON_ANSWERED;
    }
}
