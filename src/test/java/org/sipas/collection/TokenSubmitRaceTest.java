package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A submit that loses the race for its token (another tab or node stored first, after this one's
 * page was served) stores nothing and says so, rather than failing the request.
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

    @Test
    void theSecondSubmitOfATokenStoresNothingAndReportsItWithoutAnError() {
        String token = tokens.issue("mot-cua-2018", 1, null, null);
        SurveyToken open = tokens.find(token).orElseThrow();
        drafts.keep(token, Draft.fresh());

        assertThat(responses.store(open, Map.of("satisfaction", "3"), Instant.now())).isTrue();
        assertThat(responses.store(open, Map.of("satisfaction", "1"), Instant.now())).isFalse();

        assertThat(jdbc.sql("SELECT answers->>'satisfaction' FROM response WHERE token = :t").param("t", token)
                .query(String.class).list()).containsExactly("3");
        assertThat(drafts.find(token)).isEmpty();
    }
}
