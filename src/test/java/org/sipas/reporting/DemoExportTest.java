package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.SipasApplication;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.index.Domain;
import org.sipas.index.Estimates;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.quality.ReviewDecisions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo campaign's {@code .sav}, downloaded over HTTP from an installation started with the demo
 * (a database of its own), read back by GNU PSPP: its frequencies are the database's counts of the
 * accepted answers, and its weighted shares the index's figures for them (those its approved
 * results rest on).
 */
class DemoExportTest {

    private static final String PASSWORD = "xuat-du-lieu-mau-2026";

    @TempDir
    Path dir;

    @Test
    void theDemoCampaignsSavGivesPsppTheProductsCountsAndFigures() throws Exception {
        Pspp.assumeInstalled();
        try (ConfigurableApplicationContext sipas = new SpringApplicationBuilder(SipasApplication.class).run("--server.port=0",
                "--sipas.demo.enabled=true", "--sipas.demo.dossiers=5000", "--sipas.admin.password=" + PASSWORD,
                "--sipas.db.embedded.shared-in-jvm=false", "--sipas.db.embedded.shared-buffers=128MB",
                "--sipas.db.embedded.data-dir=" + dir.resolve("pg"), "--sipas.contacts.key-dir=" + dir.resolve("keys"))) {
            JdbcClient jdbc = sipas.getBean(JdbcClient.class);
            long campaign = jdbc.sql("SELECT min(id) FROM campaign").query(Long.class).single();
            String port = sipas.getEnvironment().getProperty("local.server.port");
            HttpResponse<byte[]> sav = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/campaigns/" + campaign + "/responses.sav"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(sav.statusCode()).isEqualTo(200);
            assertThat(sav.headers().firstValue("Content-Type")).hasValue(ResponseExportApi.SAV);
            Files.write(dir.resolve("demo.sav"), sav.body());

            ReviewDecisions decisions = sipas.getBean(ReviewDecisions.class);
            List<Long> accepted = decisions.accepted(campaign);
            assertThat(accepted).isNotEmpty();
            CurrentUser admin = new CurrentUser("xuat-du-lieu", Set.of(Role.ADMIN), sipas.getBean(UnitDirectory.class).root().id());
            Map<String, IndexEstimate> figures = new HashMap<>();
            sipas.getBean(CurrentUsers.class).runAs(admin, () -> sipas.getBean(Estimates.class)
                            .ofResponses(campaign, accepted, Map.of(Series.SAMPLED, List.of(Domain.NATION))))
                    .figures().get(Series.SAMPLED).get(Domain.NATION).domains().get(0).figures()
                    .forEach(f -> figures.put(f.index(), f));
            Map<String, Map<String, Long>> stored = new HashMap<>();
            jdbc.sql("""
                            SELECT a.key, a.value, count(*) FROM response r CROSS JOIN jsonb_each_text(r.answers) a
                            WHERE r.id = ANY(:ids) AND r.sampled GROUP BY 1, 2""")
                    .param("ids", accepted.toArray(Long[]::new))
                    .query((rs, n) -> stored.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
                    .list();
            long sampled = jdbc.sql("SELECT count(*) FROM response WHERE id = ANY(:ids) AND sampled")
                    .param("ids", accepted.toArray(Long[]::new)).query(Long.class).single();

            List<String> criteria = new ArrayList<>();
            for (int i = 1; i <= 22; i++) {
                criteria.add("c%02d".formatted(i));
            }
            Pspp.Output counts = Pspp.run(dir, """
                    SET TNUMBERS=VALUES TVARS=NAMES.
                    GET FILE='demo.sav'.
                    SELECT IF (series = 'sampled').
                    WEIGHT OFF.
                    FREQUENCIES VARIABLES=%s applicant_kind.
                    """.formatted(String.join(" ", criteria)));
            assertThat(counts.errors()).isBlank();
            Pspp.Output weighted = Pspp.run(dir, """
                    SET TNUMBERS=VALUES TVARS=NAMES.
                    GET FILE='demo.sav'.
                    SELECT IF (series = 'sampled').
                    FREQUENCIES VARIABLES=%s.
                    """.formatted(String.join(" ", criteria)));
            assertThat(weighted.errors()).isBlank();
            for (String criterion : criteria) {
                Map<String, Double> frequencies = Pspp.frequencies(counts.table(criterion));
                Map<String, Double> expected = new HashMap<>();
                stored.getOrDefault(criterion, Map.of()).forEach((code, n) -> expected.put(code, n.doubleValue()));
                double asked = expected.values().stream().mapToDouble(Double::doubleValue).sum();
                if (sampled > asked) {
                    expected.put(".", sampled - asked);
                }
                assertThat(frequencies).as(criterion).isEqualTo(expected);
                assertThat(Pspp.satisfiedPct(frequencies)).as(criterion).isCloseTo(figures.get(criterion).unweightedPct(), within(1e-9));
                assertThat(Pspp.satisfiedPct(Pspp.frequencies(weighted.table(criterion)))).as(criterion + " weighted")
                        .isCloseTo(figures.get(criterion).estimatePct(), within(1e-4));
            }
            Map<String, Double> kinds = Pspp.frequencies(counts.table("applicant_kind"));
            stored.get("applicant_kind").forEach((code, n) -> assertThat(kinds.get(code)).as(code).isEqualTo(n.doubleValue()));
        }
    }
}
