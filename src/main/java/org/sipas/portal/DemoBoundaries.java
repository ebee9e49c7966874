package org.sipas.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sipas.catalog.ProvinceOutlines;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.ImportRejectedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's map: on a start with the demo on and no boundaries uploaded yet, the province
 * boundaries file beside the project ({@code sipas.portal.demo-boundaries}, else
 * {@code ../shared/data/vn-provinces-2025.geojson} or {@code ../../shared/…} above a worktree) is
 * uploaded as an administrator would, after the demo's units are in. The file is third-party data
 * and is not shipped: without it the portal shows its tables only, and an administrator uploads a
 * map at {@code /admin/map}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoBoundaries implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBoundaries.class);

    private final boolean demo;
    private final String configured;
    private final ProvinceBoundaries boundaries;
    private final CurrentUsers users;
    private final UnitDirectory units;

    DemoBoundaries(@Value("${sipas.demo.enabled:false}") boolean demo, @Value("${sipas.portal.demo-boundaries:}") String configured,
                   ProvinceBoundaries boundaries, CurrentUsers users, UnitDirectory units) {
        this.demo = demo;
        this.configured = configured;
        this.boundaries = boundaries;
        this.users = users;
        this.units = units;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!demo || boundaries.current().isPresent()) {
            return;
        }
        Optional<Path> file = file();
        if (file.isEmpty()) {
            log.info("sipas: no province boundaries for the demo's map (set SIPAS_DEMO_BOUNDARIES or upload at /admin/map)");
            return;
        }
        byte[] bytes = Files.readAllBytes(file.get());
        CurrentUser demoAdmin = new CurrentUser("demo", Set.of(Role.ADMIN), units.root().id());
        try {
            ProvinceOutlines.Upload upload = users.runAs(demoAdmin,
                    () -> boundaries.upload(file.get().getFileName().toString(), bytes));
            log.info("sipas: demo map loaded from {}: {} provinces", file.get(), upload.features());
        } catch (ImportRejectedException rejected) {
            log.warn("sipas: the demo's boundaries {} were refused: {}", file.get(), rejected.getMessage());
        }
    }

    private Optional<Path> file() {
        List<Path> candidates = configured.isBlank()
                ? Stream.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))
                        .map(dir -> dir.resolve("data").resolve("vn-provinces-2025.geojson")).toList()
                : List.of(Path.of(configured));
        return candidates.stream().filter(Files::isReadable).findFirst();
    }
}
