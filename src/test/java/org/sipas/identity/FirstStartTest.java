package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.SipasApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The administrator of a new installation: no default password, a one-time one printed once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final Pattern PRINTED = Pattern.compile("password: (\\S+)");

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SipasApplication.class).run("--server.port=0", "--sipas.demo.enabled=false",
                "--sipas.admin.password=", "--sipas.db.embedded.shared-in-jvm=false",
                "--sipas.db.embedded.data-dir=" + dataDir, "--logging.level.org.sipas.identity=INFO");
    }

    @Test
    void withoutAConfiguredPasswordTheFirstStartPrintsARandomOneTimePasswordOnce(@TempDir Path dir, CapturedOutput output) {
        String printed;
        try (ConfigurableApplicationContext first = start(dir.resolve("pg"))) {
            Matcher m = PRINTED.matcher(output.getOut());
            assertThat(m.find()).as("one-time password in the log").isTrue();
            printed = m.group(1);
            assertThat(printed).hasSize(16);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
            assertThat(first.getBean(PasswordEncoder.class).matches(printed, hash)).isTrue();
            assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE username = 'admin'")
                    .query(Boolean.class).single()).isTrue();
        }
        int printedSoFar = countOf(output.getOut());
        try (ConfigurableApplicationContext second = start(dir.resolve("pg"))) {
            assertThat(countOf(output.getOut())).as("not printed again on a restart").isEqualTo(printedSoFar);
        }
    }

    private static int countOf(String log) {
        Matcher m = PRINTED.matcher(log);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
