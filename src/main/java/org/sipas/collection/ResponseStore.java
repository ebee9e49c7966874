package org.sipas.collection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every channel's responses are stored: one row per response, appended, in one transaction
 * with closing the token and completing the sampled case. A caller acknowledges the respondent
 * only after {@link #store} or {@link #submit} returns, that is after the commit.
 *
 * <p>One respondent, one answer, guarded by the database so that two tabs, two devices or two
 * nodes cannot both succeed: the unique keys on the token, the sampled case, (campaign, phone hash)
 * and (campaign, paper number) refuse the second, and a token is closed only with the response
 * that answers it. A retry carrying the idempotency key of a stored response of the same token,
 * kiosk, case or paper gets that response back; the key of another one's submit is refused
 * ({@link IdempotencyKeyReused}), the keys of each family of channels apart (V16).
 *
 * <p>Nothing is stored for a campaign that is not in the field ({@link CampaignNotInField}), by any
 * channel: the statement share-locks the campaign rows it inserts for, so a close (an update of
 * that row) waits for the submits under way and the submits behind it see it closed.
 *
 * <p>Both ways in use the same statement, which stores a whole batch: {@link #store} a batch of
 * one in the caller's transaction, {@link #submit} whatever arrived at the same moment, committed
 * together ({@link Gathering}).
 */
@Service
public class ResponseStore {

    /** A stored response: its id, whether this call stored it (false: a retry of an earlier submit), and when. */
    public record Stored(long responseId, boolean created, Instant submittedAt) {
    }

    /** What became of one submission of a batch: stored (or found stored by its idempotency key), or refused. */
    record Outcome(Stored stored, RuntimeException refusal) {

        static Outcome of(Stored stored) {
            return new Outcome(stored, null);
        }

        static Outcome refused(RuntimeException refusal) {
            return new Outcome(null, refusal);
        }

        Stored storedOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return stored;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CaseDispositions dispositions;
    private final TransactionTemplate transactions;
    private final Gathering<Row, Outcome> groupCommit;
    private final ApplicationEventPublisher events;

    ResponseStore(JdbcClient jdbc, JsonMapper json, CaseDispositions dispositions, PlatformTransactionManager transactions,
                  @Value("${sipas.collection.writers}") int writers, @Value("${sipas.collection.largest-batch}") int largestBatch,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.dispositions = dispositions;
        this.transactions = new TransactionTemplate(transactions);
        this.groupCommit = new Gathering<>("response-writer", this::storeTogether, writers, largestBatch);
    }

    /**
     * Stores a response in the caller's transaction (or in one of its own): for a channel that
     * writes more than the response at once, such as a call attempt or a settled paper.
     *
     * @throws AlreadyAnswered      when the respondent has answered already (and it is not a retry of that
     *                              answer); nothing of this response is written then, so a caller's
     *                              transaction may go on and commit
     * @throws IdempotencyKeyReused when its key names another respondent's submit; nothing written either
     * @throws CampaignNotInField   when its campaign has left the field (or not entered it); nothing written
     */
    @Transactional(noRollbackFor = {AlreadyAnswered.class, IdempotencyKeyReused.class, CampaignNotInField.class})
    public Stored store(Submission submission) {
        return write(List.of(row(submission))).get(0).storedOrThrow();
    }

    /**
     * Stores a response in a transaction shared with the responses that arrive at the same moment,
     * and returns after that transaction has committed: for a respondent's own submit, on any
     * channel, when nothing else is written with it. Not to be called in a transaction: the
     * response would be committed before it, and without it.
     *
     * @throws AlreadyAnswered     as {@link #store}
     * @throws IdempotencyKeyReused as {@link #store}
     * @throws CampaignNotInField  as {@link #store}
     */
    public Stored submit(Submission submission) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("submit commits on its own; in a transaction, use store");
        }
        // the row is written out here, in the caller's thread, not in the writer everyone waits for
        return groupCommit.call(row(submission)).storedOrThrow();
    }

    @PreDestroy
    void stopWriting() {
        groupCommit.close();
    }

    /**
     * A batch in one transaction. Should one submission break the statement (a foreign key, a
     * check), the batch is rolled back and each is stored alone, so that only that one fails.
     */
    List<Outcome> storeTogether(List<Row> batch) {
        try {
            return transactions.execute(status -> write(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                throw e;
            }
            return batch.stream().map(this::storeAlone).toList();
        }
    }

    private Outcome storeAlone(Row row) {
        try {
            return transactions.execute(status -> write(List.of(row))).get(0);
        } catch (RuntimeException e) {
            return Outcome.refused(e);
        }
    }

    /**
     * The batch's one statement, then, for each submission, the sampled case made complete, or
     * (not inserted) the earlier response of its idempotency key, or the rule that refused it.
     */
    private List<Outcome> write(List<Row> batch) {
        List<Optional<Stored>> inserted = insert(batch);
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Submission submission = batch.get(i).submission();
            Optional<Stored> stored = inserted.get(i);
            if (stored.isPresent()) {
                if (submission.sampleCaseId() != null) {
                    dispositions.record(submission.sampleCaseId(), submission.campaignId(), Disposition.COMPLETE, false,
                            submission.collectedBy() == null ? "respondent" : submission.collectedBy());
                }
                outcomes.add(Outcome.of(stored.get()));
                // in the transaction: listeners act after its commit
                events.publishEvent(new ResponseSubmitted(stored.get().responseId(), submission.campaignId(),
                        submission.channel(), submission.sampleCaseId() != null));
            } else {
                outcomes.add(earlier(submission).orElseGet(() -> Outcome.refused(refusal(submission))));
            }
        }
        return outcomes;
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
     * Inserts a batch in one statement. A submission is inserted when its token (if any) is open and
     * its campaign (if any) in the field, and no unique key refuses it (nor an earlier one of the same
     * batch); the tokens of the inserted ones are closed and their drafts dropped, so a refused
     * submission leaves its token as it was. The campaigns are share-locked: a close waits for the
     * batch, and a batch behind a close finds the campaign closed when the lock is granted (its
     * status is read again then). Ids are drawn before the insert so that each row of the result
     * names its submission.
     */
    private static final String INSERT_BATCH = """
            WITH batch AS MATERIALIZED (
                     SELECT b.*, e.n, nextval('response_id_seq') AS id
                     FROM jsonb_array_elements(cast(:batch AS jsonb)) WITH ORDINALITY AS e(row, n),
                          jsonb_to_record(e.row)
                          AS b(token text, code text, version int, unit bigint, dossier bigint, channel text,
                               answers jsonb, started timestamptz, finished timestamptz, campaign bigint, stratum bigint,
                               "case" bigint, by text, key text, hash text, kiosk bigint, paper text,
                               lat double precision, lon double precision, accuracy double precision)),
                 in_field AS MATERIALIZED (
                     SELECT c.id FROM campaign c
                     WHERE c.id IN (SELECT campaign FROM batch) AND c.status = 'IN_FIELD'
                     FOR SHARE OF c),
                 inserted AS (
                     INSERT INTO response (id, token, methodology_code, methodology_version, unit_id, dossier_id, channel,
                                           answers, started_at, finished_at, campaign_id, stratum_id, sample_member_id,
                                           sampled, collected_by, idempotency_key, respondent_hash, kiosk_id,
                                           paper_number, latitude, longitude, position_accuracy_m)
                     SELECT id, token, code, version, unit, dossier, channel, answers, started, coalesce(finished, now()),
                            campaign, stratum, "case", "case" IS NOT NULL, by, key, hash, kiosk, paper, lat, lon, accuracy
                     FROM batch b
                     WHERE (token IS NULL OR EXISTS (SELECT 1 FROM survey_token t
                                                     WHERE t.token = b.token AND t.used_at IS NULL AND t.expires_at > now()))
                       AND (campaign IS NULL OR campaign IN (SELECT id FROM in_field))
                     ORDER BY n
                     ON CONFLICT DO NOTHING
                     RETURNING id, token, submitted_at),
                 claimed AS (UPDATE survey_token t SET used_at = now() FROM inserted i WHERE t.token = i.token),
                 dropped AS (DELETE FROM response_draft d USING inserted i WHERE d.token = i.token)
            SELECT b.n, i.id, i.submitted_at FROM batch b LEFT JOIN inserted i ON i.id = b.id ORDER BY b.n""";

    /** A submission with its row for {@link #INSERT_BATCH}, as JSON. */
    record Row(Submission submission, String json) {
    }

    Row row(Submission s) {
        Map<String, Object> row = new HashMap<>();
        row.put("token", s.token());
        row.put("code", s.methodologyCode());
        row.put("version", s.methodologyVersion());
        row.put("unit", s.unitId());
        row.put("dossier", s.dossierId());
        row.put("channel", s.channel().name());
        row.put("answers", s.answers());
        row.put("started", s.startedAt().toString());
        row.put("finished", s.finishedAt() == null ? null : s.finishedAt().toString());
        row.put("campaign", s.campaignId());
        row.put("stratum", s.stratumId());
        row.put("case", s.sampleCaseId());
        row.put("by", s.collectedBy());
        row.put("key", s.idempotencyKey());
        row.put("hash", s.respondentHash());
        row.put("kiosk", s.kioskId());
        row.put("paper", s.paperNumber());
        if (s.position() != null) {
            row.put("lat", s.position().latitude());
            row.put("lon", s.position().longitude());
            row.put("accuracy", s.position().accuracyMetres());
        }
        return new Row(s, json.writeValueAsString(row));
    }

    private List<Optional<Stored>> insert(List<Row> batch) {
        StringJoiner rows = new StringJoiner(",", "[", "]");
        batch.forEach(row -> rows.add(row.json()));
        return jdbc.sql(INSERT_BATCH).param("batch", rows.toString())
                .query((rs, n) -> rs.getObject(2) == null ? Optional.<Stored>empty()
                        : Optional.of(new Stored(rs.getLong(2), true, rs.getTimestamp(3).toInstant())))
                .list();
    }

    /**
     * The response stored before under the submission's idempotency key, among its family of channels
     * (as the unique indexes of V16 group them): that response when it is the same token's, kiosk's,
     * case's or paper's (a retry), a refusal naming the key when it is someone else's.
     */
    private Optional<Outcome> earlier(Submission s) {
        if (s.idempotencyKey() == null) {
            return Optional.empty();
        }
        String family = s.token() != null ? "token IS NOT NULL"
                : s.kioskId() != null ? "kiosk_id = :kiosk"
                : "token IS NULL AND kiosk_id IS NULL AND channel = :channel";
        return jdbc.sql("""
                        SELECT id, submitted_at,
                               token IS NOT DISTINCT FROM :token AND kiosk_id IS NOT DISTINCT FROM :kiosk
                               AND sample_member_id IS NOT DISTINCT FROM :case AND paper_number IS NOT DISTINCT FROM :paper AS same
                        FROM response WHERE idempotency_key = :key AND\s""" + family)
                .param("key", s.idempotencyKey()).param("token", s.token()).param("kiosk", s.kioskId())
                .param("case", s.sampleCaseId()).param("paper", s.paperNumber()).param("channel", s.channel().name())
                .query((rs, n) -> rs.getBoolean("same")
                        ? Outcome.of(new Stored(rs.getLong("id"), false, rs.getTimestamp("submitted_at").toInstant()))
                        : Outcome.refused(new IdempotencyKeyReused(s.idempotencyKey())))
                .optional();
    }

    /**
     * Which rule refused the insert: the respondent's other answer first, then the link's use, the
     * campaign's state, and last the link's expiry.
     */
    private RuntimeException refusal(Submission s) {
        if (s.sampleCaseId() != null && isAnswered(s.sampleCaseId())) {
            return new AlreadyAnswered(AlreadyAnswered.Reason.CASE_ANSWERED);
        }
        if (s.paperNumber() != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM response WHERE campaign_id = :c AND paper_number = :p)")
                .param("c", s.campaignId()).param("p", s.paperNumber()).query(Boolean.class).single()) {
            return new AlreadyAnswered(AlreadyAnswered.Reason.PAPER_NUMBER_TAKEN);
        }
        if (s.respondentHash() != null && s.campaignId() != null && hasAnswered(s.campaignId(), s.respondentHash())) {
            return new AlreadyAnswered(AlreadyAnswered.Reason.PERSON_ANSWERED);
        }
        boolean used = s.token() != null && jdbc.sql("SELECT used_at IS NOT NULL FROM survey_token WHERE token = :token")
                .param("token", s.token()).query(Boolean.class).optional().orElse(false);
        if (used) {
            return new AlreadyAnswered(AlreadyAnswered.Reason.TOKEN_USED);
        }
        if (s.campaignId() != null && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM campaign WHERE id = :c AND status = 'IN_FIELD')")
                .param("c", s.campaignId()).query(Boolean.class).single()) {
            return new CampaignNotInField(s.campaignId());
        }
        return new AlreadyAnswered(s.token() != null ? AlreadyAnswered.Reason.TOKEN_EXPIRED : AlreadyAnswered.Reason.PERSON_ANSWERED);
    }
}
