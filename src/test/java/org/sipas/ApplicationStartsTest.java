package org.sipas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ApplicationStartsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsRunOnTheEmbeddedPostgresql17() {
        String version = jdbc.sql("SHOW server_version").query(String.class).single();
        assertThat(version).startsWith("17.");
        assertThat(jdbc.sql("SELECT code FROM unit WHERE kind = 'NATION'").query(String.class).single()).isEqualTo("VN");
    }

    @Test
    void aCommitIsDurableBeforeItIsAcknowledged() {
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void firstStartCreatesTheAdministrator() {
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'admin'").query(Long.class).single()).isEqualTo(1);
    }
}
