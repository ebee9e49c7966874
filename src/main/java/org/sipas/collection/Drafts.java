package org.sipas.collection;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The answers of unfinished sittings, by token, kept in PostgreSQL so any node can serve the next step. */
@Repository
class Drafts {

    private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Drafts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Draft> find(String token) {
        return jdbc.sql("SELECT answers::text, reached, started_at FROM response_draft WHERE token = :token")
                .param("token", token)
                .query((rs, n) -> new Draft(new Answers(json.readValue(rs.getString(1), ANSWERS)), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    void keep(String token, Draft draft) {
        jdbc.sql("""
                        INSERT INTO response_draft (token, answers, reached, started_at)
                        VALUES (:token, cast(:answers AS jsonb), :reached, :started)
                        ON CONFLICT (token) DO UPDATE SET answers = excluded.answers, reached = excluded.reached,
                                                          updated_at = now()""")
                .param("token", token).param("answers", json.writeValueAsString(draft.answers().typed()))
                .param("reached", draft.reached()).param("started", Timestamp.from(draft.startedAt()))
                .update();
    }
}
