package org.sipas.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province-wide SIPAS 2017 campaign in the field for the approval tests (two communes, 60 dossiers
 * each), its phone interviews stored through {@link ResponseStore} with seeded random ratings, and
 * the people of its results: an analyst of the province, the province's administrator, and a
 * national administrator (the level above a province-wide campaign).
 */
final class ResultsCampaign {

    private static final String METHODOLOGY = "sipas-2017";
    private static final String[] RATINGS = {"1", "2", "3", "4", "5", "4", "5", "5", "9", null};

    final FieldworkFixtures.InField field;
    final CurrentUser analyst;
    final CurrentUser provinceAdmin;
    final CurrentUser nationalAdmin;
    final List<Long> responses = new ArrayList<>();
    private final ResponseStore store;
    private final Random random;
    private int nextCase;

    ResultsCampaign(FieldworkFixtures fixtures, ResponseStore store, JdbcClient jdbc, String prefix, int target, long seed) {
        this.field = fixtures.inField(prefix, METHODOLOGY, target, Map.of("PHONE", 1));
        this.store = store;
        this.random = new Random(seed);
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        String name = prefix.toLowerCase();
        this.analyst = new CurrentUser("phan-tich-" + name, Set.of(Role.ANALYST), field.province());
        this.provinceAdmin = new CurrentUser("qt-tinh-" + name, Set.of(Role.PROVINCE_ADMIN), field.province());
        this.nationalAdmin = new CurrentUser("qt-quoc-gia-" + name, Set.of(Role.ADMIN), nation);
    }

    long id() {
        return field.campaignId();
    }

    /** The next sampled case's phone interview, random ratings of the 22 criteria; its response id. */
    long interview() {
        FieldCase c = field.cases().get(nextCase);
        Instant ended = Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofDays(nextCase % 20));
        nextCase++;
        long id = store.store(Submission.of(ResponseChannel.CATI, METHODOLOGY, 1, c.unitId(), answers(), ended.minus(Duration.ofMinutes(20)))
                .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-" + field.campaignId())
                .finished(ended, null)).responseId();
        responses.add(id);
        return id;
    }

    private Map<String, String> answers() {
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
}
