package org.sipas.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small SIPAS 2017 campaign in the field (two communes, 60 dossiers each, a sample of
 * {@code target}) whose responses are stored through {@link ResponseStore}, as every channel stores
 * them: random ratings of the 22 criteria, with no-answer (9), not-applicable (0) and skipped ones.
 */
final class TallyCampaign {

    static final String METHODOLOGY = "sipas-2017";
    static final String[] RATINGS = {"1", "2", "3", "4", "5", "4", "5", "9", "0", null};

    final FieldworkFixtures.InField field;
    private final ResponseStore store;
    private final JdbcClient jdbc;
    private final Random random;
    private int nextCase;

    TallyCampaign(FieldworkFixtures fixtures, ResponseStore store, JdbcClient jdbc, String prefix, int target, long seed) {
        this(fixtures, store, jdbc, prefix, target, seed, Map.of("PHONE", 1));
    }

    TallyCampaign(FieldworkFixtures fixtures, ResponseStore store, JdbcClient jdbc, String prefix, int target, long seed,
                  Map<String, Integer> channels) {
        this.field = fixtures.inField(prefix, METHODOLOGY, target, channels);
        this.store = store;
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    long id() {
        return field.campaignId();
    }

    /** Answers for the next sampled case, stored as a phone interview; its response id. */
    long answerNextCase() {
        FieldCase c = field.cases().get(nextCase++);
        return store.store(Submission.of(ResponseChannel.CATI, METHODOLOGY, 1, c.unitId(), answers(), Instant.now().minusSeconds(600))
                .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-tally")).responseId();
    }

    /** A counter rating in the campaign (not sampled: the counter series). */
    long rateAtCounter(long unitId) {
        return store.store(Submission.of(ResponseChannel.KIOSK, METHODOLOGY, 1, unitId, answers(), Instant.now().minusSeconds(30))
                .inCampaign(id())).responseId();
    }

    int casesLeft() {
        return field.cases().size() - nextCase;
    }

    Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("applicant_kind", random.nextBoolean() ? "ca_nhan" : "to_chuc");
        for (int i = 1; i <= 22; i++) {
            String rating = RATINGS[random.nextInt(RATINGS.length)];
            if (rating != null) {
                answers.put("c%02d".formatted(i), rating);
            }
        }
        return answers;
    }

    /** The campaign's tally rows as text, in key order: two tallies are equal when these are. */
    List<String> tallyRows() {
        return new ArrayList<>(jdbc.sql("""
                        SELECT concat_ws(' | ', series, stratum_id, unit_id, domain_kind, domain_value, n, encode(sums, 'hex'))
                        FROM tally WHERE campaign_id = :c
                        ORDER BY series, domain_kind, stratum_id, unit_id, domain_value""")
                .param("c", id()).query(String.class).list());
    }
}
