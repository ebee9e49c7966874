package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Respondents who submit at the same moment are committed together (one WAL flush for all), each
 * answered only after that commit, and each judged alone: a retry, a second tab or a broken
 * submission in the same batch changes nothing for the others. Their tokens are read together too.
 */
@SpringBootTest
class GroupCommitTest {

    @Autowired
    SurveyTokens tokens;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private Submission answer(String token, String key) {
        return Submission.of(ResponseChannel.WEB, "mot-cua-2018", 1, null, Map.of("satisfaction", "3"), Instant.now())
                .withToken(token).withIdempotencyKey(key);
    }

    private long storedFor(String token) {
        return jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single();
    }

    @Test
    void fortyRespondentsSubmittingAtOnceAreAllStoredAndEachIsAnsweredAfterTheCommit() throws Exception {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            issued.add(tokens.issue("mot-cua-2018", 1, null, null));
        }
        CyclicBarrier together = new CyclicBarrier(issued.size());
        ExecutorService crowd = Executors.newFixedThreadPool(issued.size());
        try {
            List<Future<Boolean>> answered = new ArrayList<>();
            for (String token : issued) {
                answered.add(crowd.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    ResponseStore.Stored stored = store.submit(answer(token, "crowd-" + token));
                    // acknowledged means committed: another connection sees the row already
                    return stored.created() && storedFor(token) == 1;
                }));
            }
            for (Future<Boolean> one : answered) {
                assertThat(one.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            crowd.shutdownNow();
        }
    }

    @Test
    void aRetryInTheSameBatchGetsTheFirstResultAndASecondTabIsRefused() {
        String token = tokens.issue("mot-cua-2018", 1, null, null);

        List<ResponseStore.Outcome> outcomes = store.storeTogether(Stream.of(
                answer(token, "first-tab-" + token), answer(token, "first-tab-" + token), answer(token, "second-tab-" + token))
                .map(store::row).toList());

        assertThat(outcomes.get(0).stored().created()).isTrue();
        assertThat(outcomes.get(1).stored().created()).isFalse();
        assertThat(outcomes.get(1).stored().responseId()).isEqualTo(outcomes.get(0).stored().responseId());
        assertThat(outcomes.get(2).refusal()).isInstanceOfSatisfying(AlreadyAnswered.class,
                refused -> assertThat(refused.reason()).isEqualTo(AlreadyAnswered.Reason.TOKEN_USED));
        assertThat(storedFor(token)).isEqualTo(1);
    }

    @Test
    void aSubmissionTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() {
        String before = tokens.issue("mot-cua-2018", 1, null, null);
        String after = tokens.issue("mot-cua-2018", 1, null, null);
        Submission ofNoUnit = Submission.of(ResponseChannel.WEB, "mot-cua-2018", 1, -1L, Map.of("satisfaction", "3"), Instant.now())
                .withIdempotencyKey("no-such-unit-" + before);

        List<ResponseStore.Outcome> outcomes = store.storeTogether(Stream.of(answer(before, null), ofNoUnit, answer(after, null))
                .map(store::row).toList());

        assertThat(outcomes.get(0).stored().created()).isTrue();
        assertThat(outcomes.get(1).refusal()).hasMessageContaining("unit");
        assertThat(outcomes.get(2).stored().created()).isTrue();
        assertThat(storedFor(before)).isEqualTo(1);
        assertThat(storedFor(after)).isEqualTo(1);
    }

    @Test
    void tokensAskedForAtOnceAreReadTogetherAndEachCallerGetsItsOwn() throws Exception {
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            asked.add(tokens.issue("mot-cua-2018", 1, null, null));
        }
        // what a path may carry: nothing here may spoil the others' read
        asked.addAll(List.of("no-such-token", "a,b{c}\"d'", ""));
        CyclicBarrier together = new CyclicBarrier(asked.size());
        ExecutorService crowd = Executors.newFixedThreadPool(asked.size());
        try {
            List<Future<Optional<SurveyToken>>> read = new ArrayList<>();
            for (String token : asked) {
                read.add(crowd.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return tokens.findAmongOthers(token);
                }));
            }
            for (int i = 0; i < asked.size(); i++) {
                Optional<SurveyToken> found = read.get(i).get(60, TimeUnit.SECONDS);
                if (i < 20) {
                    assertThat(found).map(SurveyToken::token).contains(asked.get(i));
                } else {
                    assertThat(found).isEmpty();
                }
            }
        } finally {
            crowd.shutdownNow();
        }
    }

    @Test
    void submitRefusesToRunInsideACallersTransactionWhoseCommitWouldComeAfterTheAcknowledgement() {
        String token = tokens.issue("mot-cua-2018", 1, null, null);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> store.submit(answer(token, null))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(storedFor(token)).isZero();
    }
}
