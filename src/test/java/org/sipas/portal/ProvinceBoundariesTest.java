package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.catalog.CatalogImports;
import org.sipas.catalog.ProvinceOutlines;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administrator's boundaries: a GeoJSON file checked whole with every error located, stored and
 * audited, and drawn on the server as light SVG paths.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProvinceBoundariesTest {

    /**
     * Third-party data beside the project, never committed (../shared/data/README.md): ../shared beside
     * the project, or ../../shared above a worktree.
     */
    static final Path SHARED_BOUNDARIES = java.util.stream.Stream.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))
            .map(dir -> dir.resolve("data").resolve("vn-provinces-2025.geojson")).filter(Files::isReadable).findFirst()
            .orElse(Path.of("..", "shared", "data", "vn-provinces-2025.geojson"));

    @Autowired
    ProvinceBoundaries boundaries;
    @Autowired
    CatalogImports catalog;
    @Autowired
    CurrentUsers users;
    @Autowired
    UnitDirectory units;
    @Autowired
    AuditLog audit;
    @Autowired
    ImportErrors importErrors;
    @Autowired
    MockMvc mvc;

    CurrentUser admin;

    @BeforeEach
    void testProvinces() {
        admin = new CurrentUser("boundaries-test", Set.of(Role.ADMIN), units.root().id());
        String csv = """
                level,code,name,full_name,name_en,unit_type,parent_code
                province,PTA,Tỉnh Thử Á,Tỉnh Thử Á,Test A,Tỉnh,
                province,PTB,Tỉnh Thử Bờ,Tỉnh Thử Bờ,Test B,Tỉnh,
                """;
        users.runAs(admin, () -> catalog.importUnits("pt-units.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aSmallFileIsStoredAuditedAndDrawnWithItsHoleAndItsIslet() throws IOException {
        long audited = audit.count("province_boundaries");
        byte[] tiny = tiny();
        ProvinceOutlines.Upload upload = users.runAs(admin, () -> boundaries.upload("tiny-provinces.geojson", tiny));

        assertThat(upload.codes()).containsExactly("PTA", "PTB");
        assertThat(upload.uploadedBy()).isEqualTo("boundaries-test");
        assertThat(audit.count("province_boundaries")).isEqualTo(audited + 1);
        MapOutline outline = boundaries.outline().orElseThrow();
        assertThat(outline.boundariesId()).isEqualTo(upload.id());
        MapOutline.Shape a = outline.shapes().get(0);
        MapOutline.Shape b = outline.shapes().get(1);
        assertThat(a.code()).isEqualTo("PTA");
        assertThat(a.name(Locale.ENGLISH)).isEqualTo("Test A");
        assertThat(a.name(Locale.forLanguageTag("vi"))).isEqualTo("Tỉnh Thử Á");
        // the outer ring and the hole: two sub-paths, four corners each
        assertThat(a.path().chars().filter(c -> c == 'M').count()).isEqualTo(2);
        assertThat(a.path().chars().filter(c -> c == 'L').count()).isEqualTo(6);
        // the islet, far below half a map unit, is kept as a speck
        assertThat(b.path().chars().filter(c -> c == 'M').count()).isEqualTo(2);
        assertThat(outline.width()).isEqualTo(MapOutline.WIDTH);
    }

    @Test
    void aBrokenFileStoresNothingAndNamesEveryProblemWithItsLineAndMember() throws IOException {
        int before = boundaries.history().size();
        byte[] broken = new ClassPathResource("portal/broken-provinces.geojson").getContentAsByteArray();

        ImportRejectedException rejected = (ImportRejectedException) org.assertj.core.api.Assertions.catchThrowable(
                () -> users.runAs(admin, () -> boundaries.upload("broken-provinces.geojson", broken)));

        assertThat(rejected).isNotNull();
        List<String> found = importErrors.show(rejected, Locale.ENGLISH).stream()
                .map(e -> e.line() + " " + e.column() + " " + e.code()).toList();
        assertThat(found).containsExactly(
                "6 features[1].properties.code catalog.geojson.unknownProvince",
                "6 features[1].geometry.coordinates[0] catalog.geojson.openRing",
                "9 features[2].properties.code catalog.geojson.duplicate",
                "9 features[2].geometry.type catalog.geojson.geometry",
                "12 features[3].properties.code catalog.geojson.noCode",
                "12 features[3].geometry.coordinates[0][1] catalog.geojson.position");
        assertThat(importErrors.show(rejected, Locale.ENGLISH).get(0).message())
                .isEqualTo("Feature 2 (starting at column 3): code \"ZZ-NOWHERE\" is no province of the unit catalog.");
        assertThat(boundaries.history()).hasSize(before);
    }

    @Test
    void notJsonIsRejectedWithTheLineAndColumnOfTheFault() {
        byte[] notJson = "{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": } ]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> users.runAs(admin, () -> boundaries.upload("bad.json", notJson)))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> {
                    assertThat(rejected.errors()).hasSize(1);
                    assertThat(rejected.errors().get(0).line()).isEqualTo(2);
                    assertThat(rejected.errors().get(0).code()).isEqualTo("catalog.geojson.syntax");
                });
    }

    @Test
    void theAdministratorUploadsOnThePageAndOthersMayNot() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "tiny-provinces.geojson", "application/geo+json", tiny());
        mvc.perform(multipart("/admin/map").file(file).with(csrf()).with(user("map-admin").roles("ADMIN")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("uploaded", 2));
        String page = mvc.perform(get("/admin/map").with(user("map-admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<svg class=\"map\"").contains("Tỉnh Thử Bờ").contains("tiny-provinces.geojson");
        mvc.perform(multipart("/admin/map").file(file).with(csrf()).with(user("map-analyst").roles("ANALYST")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficialBoundariesOfThe34ProvincesDrawInAFewTensOfKilobytes() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(SHARED_BOUNDARIES),
                "skipped: " + SHARED_BOUNDARIES.toAbsolutePath().normalize() + " is absent (third-party data, not committed)");
        String provinces = new ClassPathResource("demo/units.csv").getContentAsString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("level,") || line.startsWith("province,"))
                .collect(Collectors.joining("\n"));
        users.runAs(admin, () -> catalog.importUnits("provinces.csv", new ByteArrayInputStream(provinces.getBytes(StandardCharsets.UTF_8))));

        ProvinceOutlines.Upload upload = users.runAs(admin,
                () -> boundaries.upload("vn-provinces-2025.geojson", readShared()));

        assertThat(upload.features()).isEqualTo(34);
        MapOutline outline = boundaries.outline().orElseThrow();
        int bytes = outline.shapes().stream().mapToInt(s -> s.path().length()).sum();
        assertThat(bytes).as("SVG path bytes for 34 provinces").isBetween(10_000, 150_000);
        assertThat(outline.shapes()).allSatisfy(s -> assertThat(s.path()).startsWith("M").endsWith("Z"));
        assertThat(outline.height()).isBetween(300.0, 500.0);
        String page = mvc.perform(get("/admin/map").with(user("map-admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(Path.of("target", "admin-map.html"), page);
        assertThat(page.split("<path", -1)).hasSize(34 + 1);
    }

    private static byte[] readShared() {
        try {
            return Files.readAllBytes(SHARED_BOUNDARIES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] tiny() throws IOException {
        return new ClassPathResource("portal/tiny-provinces.geojson").getContentAsByteArray();
    }
}
