package org.sipas.quality;

import java.time.Duration;
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
 * A SIPAS 2017 campaign in the field for quality tests (two communes, 60 dossiers each, a sample
 * of {@code target}), whose interviews are stored through {@link ResponseStore} as phone
 * interviews: random ratings of the 22 criteria (seeded), by the interviewer named.
 */
final class QualityCampaign {

    static final String METHODOLOGY = "sipas-2017";
    static final String[] RATINGS = {"1", "2", "3", "4", "5", "4", "5", "9", "0", null};

    final FieldworkFixtures.InField field;
    final String prefix;
    private final ResponseStore store;
    private final JdbcClient jdbc;
    private final Random random;
    private int nextCase;
    private int stored;

    QualityCampaign(FieldworkFixtures fixtures, ResponseStore store, JdbcClient jdbc, String prefix, int target, long seed) {
        this.field = fixtures.inField(prefix, METHODOLOGY, target, Map.of("PHONE", 1));
        this.prefix = prefix;
        this.store = store;
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    long id() {
        return field.campaignId();
    }

    /** The next case's interview by {@code interviewer}, answered in 20 minutes ending {@code endedAgo} ago; its response id. */
    long interview(String interviewer, Map<String, String> answers, Duration took, Instant ended) {
        FieldCase c = field.cases().get(nextCase++);
        return store.store(Submission.of(ResponseChannel.CATI, METHODOLOGY, 1, c.unitId(), answers, ended.minus(took))
                .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy(interviewer)
                .finished(ended, null)).responseId();
    }

    /** An interview in the campaign outside the sample (a walk-in at the commune), with random answers; its response id. */
    long interviewOutsideSample(String interviewer, long unitId) {
        Instant ended = nextWorkingDay();
        return store.store(Submission.of(ResponseChannel.CATI, METHODOLOGY, 1, unitId, answers(), ended.minus(Duration.ofMinutes(20)))
                .inCampaign(id()).collectedBy(interviewer).finished(ended, null)).responseId();
    }

    /** The next case's face-to-face interview by {@code interviewer} with random answers, recorded at {@code where}; its response id. */
    long faceToFace(String interviewer, Submission.Position where) {
        FieldCase c = field.cases().get(nextCase++);
        Instant ended = nextWorkingDay();
        return store.store(Submission.of(ResponseChannel.CAPI, METHODOLOGY, 1, c.unitId(), answers(), ended.minus(Duration.ofMinutes(20)))
                .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy(interviewer)
                .finished(ended, where)).responseId();
    }

    /** The next case's interview with random answers, 20 minutes ending at 10:00 (Vietnamese time), a day of 3-22 March 2025 in turn. */
    long interview(String interviewer) {
        return interview(interviewer, answers(), Duration.ofMinutes(20), nextWorkingDay());
    }

    private Instant nextWorkingDay() {
        return Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofDays(stored++ % 20));
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

    static Map<String, String> straightLined(String level) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("applicant_kind", "ca_nhan");
        for (int i = 1; i <= 22; i++) {
            answers.put("c%02d".formatted(i), level);
        }
        return answers;
    }

    /**
     * The campaign's tally rows as text in key order, with the campaign's own ids and codes written
     * as the fixture's names (C1, C2, T1): two campaigns of this fixture with the same responses give
     * the same rows.
     */
    List<String> tallyRows() {
        return new ArrayList<>(jdbc.sql("""
                        SELECT concat_ws(' | ', t.series, coalesce(su.code, '-'), u.code, t.domain_kind, t.domain_value, t.n,
                                         encode(t.sums, 'hex'))
                        FROM tally t
                        JOIN unit u ON u.id = t.unit_id
                        LEFT JOIN campaign_stratum s ON s.id = t.stratum_id
                        LEFT JOIN unit su ON su.id = s.unit_id
                        WHERE t.campaign_id = :c
                        ORDER BY 1""")
                .param("c", id()).query(String.class).list().stream()
                .map(row -> row.replace(prefix + "-", "")).sorted().toList());
    }
}
