package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One token, one response, whatever the browser does: a submit that loses the race for its token
 * stores nothing and says so (rather than failing the request), and a retry or double click of
 * the same submit (the same form key) gets the first result.
 */
@SpringBootTest
class TokenSubmitRaceTest {

    @Autowired
    SurveyTokens tokens;
    @Autowired
    Responses responses;
    @Autowired
    Drafts drafts;
    @Autowired
    JdbcClient jdbc;

    private List<String> stored(String token) {
        return jdbc.sql("SELECT answers->>'satisfaction' FROM response WHERE token = :t").param("t", token).query(String.class).list();
    }

    @Test
    void theSecondSubmitOfATokenStoresNothingAndReportsItWithoutAnError() {
        String token = tokens.issue("mot-cua-2018", 1, null, null);
        SurveyToken open = tokens.find(token).orElseThrow();
        drafts.keep(token, Draft.fresh());

        assertThat(responses.store(open, Map.of("satisfaction", "3"), Instant.now(), null)).isTrue();
        assertThat(responses.store(open, Map.of("satisfaction", "1"), Instant.now(), "another-tab-key")).isFalse();

        assertThat(stored(token)).containsExactly("3");
        assertThat(drafts.find(token)).isEmpty();
    }

    @Test
    void aDoubleClickedSubmitSentTwiceAtOnceStoresOneResponseAndThanksBoth() throws Exception {
        String token = tokens.issue("mot-cua-2018", 1, null, null);
        SurveyToken open = tokens.find(token).orElseThrow();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Boolean> submit = () -> {
            together.await(10, TimeUnit.SECONDS);
            return responses.store(open, Map.of("satisfaction", "2"), Instant.now(), "double-click-" + token);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = two.submit(submit);
            Future<Boolean> second = two.submit(submit);
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            two.shutdownNow();
        }
        assertThat(stored(token)).containsExactly("2");
    }

    @Test
    void twoTabsSubmittingAtOnceStoreOneResponseAndTellTheOtherItWasAnswered() throws Exception {
        String token = tokens.issue("mot-cua-2018", 1, null, null);
        SurveyToken open = tokens.find(token).orElseThrow();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = two.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return responses.store(open, Map.of("satisfaction", "1"), Instant.now(), "tab-one-" + token);
            });
            Future<Boolean> second = two.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return responses.store(open, Map.of("satisfaction", "3"), Instant.now(), "tab-two-" + token);
            });
            assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS))).containsExactlyInAnyOrder(true, false);
        } finally {
            two.shutdownNow();
        }
        assertThat(stored(token)).hasSize(1);
    }
}
