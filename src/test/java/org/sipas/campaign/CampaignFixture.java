package org.sipas.campaign;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a campaign test needs, under codes of its own (the test database is shared by every test
 * class of a run): a province P with communes C1 (1,000 dossiers received in the first quarter of
 * 2025), C2 (400) and C3 (50), plus 300 of C1 received in April (outside the quarter) and 100 of C1
 * without a phone; phones repeat between C1 and C2 (1,200 people for their 1,400 dossiers), C3's
 * people are its own; a copy of the one-stop methodology under the code {@code <prefix>-method}.
 */
final class CampaignFixture {

    final String prefix;
    final long province;
    final long nation;
    private final JdbcClient jdbc;

    CampaignFixture(JdbcClient jdbc, MockMvc mvc, String prefix) throws Exception {
        this.jdbc = jdbc;
        this.prefix = prefix;
        this.nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        if (jdbc.sql("SELECT count(*) FROM unit WHERE code = :c").param("c", prefix + "-P").query(Long.class).single() == 0) {
            long p = unit("P", "Tỉnh " + prefix, "PROVINCE", "Tỉnh", nation, "/VN/");
            unit("C1", "Phường Một", "COMMUNE", "Phường", p, "/VN/" + prefix + "-P/");
            unit("C2", "Xã Hai", "COMMUNE", "Xã", p, "/VN/" + prefix + "-P/");
            unit("C3", "Xã Ba", "COMMUNE", "Xã", p, "/VN/" + prefix + "-P/");
            jdbc.sql("INSERT INTO procedure (code, name, level) VALUES (:c, 'Thủ tục thử', 'COMMUNE')")
                    .param("c", prefix + "-T1").update();
            dossiers("C1", 1_000, "2025-01-01", 0, true, 1_200);
            dossiers("C2", 400, "2025-01-01", 1_000, true, 1_200);
            dossiers("C3", 50, "2025-02-01", 1_400, true, 100_000);
            dossiers("C1", 300, "2025-04-02", 1_450, true, 1_200);
            dossiers("C1", 100, "2025-03-01", 1_750, false, 1_200);
            try (InputStream shipped = getClass().getResourceAsStream("/methodology/mot-cua-2018.yaml")) {
                String yaml = new String(shipped.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("code: mot-cua-2018", "code: " + methodology());
                mvc.perform(post("/api/v1/methodologies").param("name", methodology() + ".yaml")
                                .contentType("application/yaml").content(yaml).with(SignedIn.as(admin())))
                        .andExpect(status().isCreated());
            }
        }
        this.province = unitId("P");
    }

    String methodology() {
        return prefix.toLowerCase() + "-method";
    }

    CurrentUser admin() {
        return new CurrentUser("admin-" + prefix, Set.of(Role.ADMIN), nation);
    }

    long unitId(String local) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", prefix + "-" + local).query(Long.class).single();
    }

    /** The first quarter of 2025 in P, by phone and face to face, target and minimum as given. */
    CampaignPlan plan(String name, int target, int minimum) {
        return new CampaignPlan(name, methodology(), 1, province, List.of(),
                Period.of(Period.Kind.QUARTER, LocalDate.of(2025, 1, 1), null), Period.Schedule.QUARTERLY, target,
                CampaignPlan.Rule.PROPORTIONAL, minimum, Map.of(), false, 20,
                List.of(new ChannelPlan(SurveyChannel.PHONE, 6_000, 40_000), new ChannelPlan(SurveyChannel.FACE_TO_FACE, 8_500, 15_000)),
                List.of(new FixedCost("Phần mềm", 150_000_000)));
    }

    /**
     * A phone campaign of June 2025 in commune C3 (whose fixture dossiers are all earlier), created
     * and drawn by API: its sample is the {@code target} dossiers a test imported for June.
     */
    String drawnJunePhoneCampaign(MockMvc mvc, int target) throws Exception {
        String body = """
                {"name": "Tháng 6/2025 gọi điện", "methodologyCode": "%s", "methodologyVersion": 1, "scopeUnitCode": "%s-C3",
                 "periodKind": "MONTH", "periodFrom": "2025-06-01", "schedule": "MONTHLY", "rule": "PROPORTIONAL",
                 "target": %d, "minimum": 0, "phoneShare": 1, "phoneCost": 40000}""".formatted(methodology(), prefix, target);
        String id = String.valueOf(com.jayway.jsonpath.JsonPath.<Integer>read(mvc.perform(post("/api/v1/campaigns")
                        .contentType("application/json").content(body).with(SignedIn.as(admin())))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.allocation.strata[0].n").value(target))
                .andReturn().getResponse().getContentAsString(), "$.campaign.id"));
        mvc.perform(post("/api/v1/campaigns/{id}/draw", id).with(SignedIn.as(admin()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.sampled").value(target));
        return id;
    }

    private void dossiers(String unit, int count, String from, int first, boolean withPhone, int people) {
        TestFrame.dossiers(jdbc, prefix, unit, count, from, first, withPhone, people);
    }

    private long unit(String local, String name, String kind, String type, long parent, String parentPath) {
        return TestFrame.unit(jdbc, prefix, local, name, kind, type, parent, parentPath);
    }
}
