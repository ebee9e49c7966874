package org.sipas.collection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The answers stored in PostgreSQL for a token's response, read back as the tests compare them. */
final class StoredAnswers {

    private StoredAnswers() {
    }

    static Map<String, String> of(JdbcClient jdbc, JsonMapper json, String token) {
        String answers = jdbc.sql("SELECT answers::text FROM response WHERE token = :t").param("t", token)
                .query(String.class).single();
        return json.readValue(answers, new TypeReference<LinkedHashMap<String, String>>() {
        });
    }
}
