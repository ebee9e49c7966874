package org.sipas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.sipas.SipasApplication;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The whole application on a fresh embedded PostgreSQL under target/, as benchmarks run it. */
final class BenchContext {

    private BenchContext() {
    }

    static ConfigurableApplicationContext start() {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SipasApplication.class).run(
                "--server.port=0", "--sipas.demo.enabled=false", "--sipas.admin.password=bench-administrator",
                "--sipas.db.embedded.data-dir=" + dataDir(), "--sipas.db.embedded.shared-in-jvm=true",
                "--sipas.contacts.key-dir=target/bench-keys", "--logging.level.root=WARN");
        long nation = app.getBean(UnitDirectory.class).root().id();
        CurrentUser admin = new CurrentUser("bench", Set.of(Role.ADMIN), nation);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                admin, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        return app;
    }

    /** Deletes {@code dir} and everything in it (nothing when it is absent); fails when a file stays. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** target/bench-pg, or {@code -Dbench.data-dir} (the smoke run gives each benchmark its own fresh one). */
    static String dataDir() {
        return System.getProperty("bench.data-dir", "target/bench-pg");
    }

    /**
     * The official list of 34 provinces and 3,321 communes, from {@code -Dsipas.shared} (the shared
     * folder), else ../shared beside the project or ../../shared above a worktree; null when none has it.
     */
    static Path officialUnitList() {
        String shared = System.getProperty("sipas.shared", "");
        List<Path> candidates = shared.isBlank() ? List.of(Path.of("..", "shared"), Path.of("..", "..", "shared")) : List.of(Path.of(shared));
        return candidates.stream().map(dir -> dir.resolve("data").resolve("vn-units-2025.csv")).filter(Files::isRegularFile)
                .findFirst().orElse(null);
    }
}
