package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.methodology.Methodologies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SamplingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CurrentUsers users;
    @Autowired
    Methodologies methodologies;
    @Autowired
    SampleReviews sampleReviews;

    CampaignFixture fixture;

    @BeforeEach
    void frame() throws Exception {
        fixture = new CampaignFixture(jdbc, mvc, "CSM");
    }

    @Test
    void theSameSeedDrawsTheSameSampleAndAnotherSeedAnother() {
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025", 300, 60)));

        asAdmin(() -> campaigns.draw(id, 42L));
        List<Long> first = drawn(id);
        asAdmin(() -> campaigns.draw(id, 42L));
        List<Long> again = drawn(id);
        asAdmin(() -> campaigns.draw(id, 43L));
        List<Long> other = drawn(id);

        // 300 sampled and reserves of ⌈20%⌉: C1 36, C2 15, C3 none (all 50 sampled)
        assertThat(first).hasSize(300 + 51).isEqualTo(again);
        assertThat(other).hasSize(351).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT seed FROM campaign WHERE id = :id").param("id", id).query(Long.class).single()).isEqualTo(43L);
    }

    @Test
    void eachStratumDrawsItsShareWithInclusionProbabilityNhOverNh() {
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 xác suất", 300, 60)));

        Campaigns.DrawSummary summary = asAdmin(() -> campaigns.draw(id, 7L));

        // eligible in the quarter with a phone: C1 1,000 (its April and phoneless dossiers are not), C2 400, C3 50.
        // 300 × 50 / 1,450 = 10.3 < 60, but C3 holds only 50: all 50 (cap). Left 250 over 1,400:
        // C1 250 × 1,000 / 1,400 = 178.57, C2 71.43 → 178 + 71 = 249, the remainder .57 goes to C1: 179, 71.
        record Line(String unit, long frame, int n, int reserve, long sampled, double probability) {
        }
        List<Line> lines = jdbc.sql("""
                        SELECT u.code, s.frame_size, s.n, s.reserve, count(m.*) FILTER (WHERE m.role = 'SAMPLE'),
                               max(m.inclusion_probability)
                        FROM campaign_stratum s JOIN unit u ON u.id = s.unit_id
                        LEFT JOIN sample_member m ON m.stratum_id = s.id
                        WHERE s.campaign_id = :id GROUP BY u.code, s.id ORDER BY u.code""")
                .param("id", id)
                .query((rs, n) -> new Line(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getDouble(6)))
                .list();
        assertThat(lines).containsExactly(
                new Line("CSM-C1", 1_000, 179, 36, 179, 179 / 1_000.0),
                new Line("CSM-C2", 400, 71, 15, 71, 71 / 400.0),
                new Line("CSM-C3", 50, 50, 0, 50, 1.0));
        assertThat(summary.sampled()).isEqualTo(300);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM sample_member m JOIN campaign_stratum s ON s.id = m.stratum_id
                        WHERE m.campaign_id = :id AND m.inclusion_probability <> s.n::float8 / s.frame_size""")
                .param("id", id).query(Long.class).single()).isZero();
        // every drawn dossier is eligible: in the quarter, with a phone
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM sample_member m JOIN dossier d ON d.id = m.dossier_id
                        JOIN dossier_contact c ON c.dossier_id = d.id
                        WHERE m.campaign_id = :id AND (d.received_at >= '2025-04-01 00:00+07' OR c.phone_hash IS NULL)""")
                .param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void noPersonIsDrawnTwiceInACampaign() {
        // 1,450 eligible dossiers but only 1,200 people: a census of the frame would take everyone twice over
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 một người một phiếu", 1_000, 60)));

        asAdmin(() -> campaigns.draw(id, 11L));

        Map<String, Object> counts = jdbc.sql("""
                        SELECT count(*) AS members, count(DISTINCT c.phone_hash) AS people
                        FROM sample_member m JOIN dossier_contact c ON c.dossier_id = m.dossier_id WHERE m.campaign_id = :id""")
                .param("id", id).query().singleRow();
        assertThat(counts.get("members")).isEqualTo(counts.get("people"));
    }

    @Test
    void aSampledDossierCannotBeDeleted() {
        // sample_member keeps no foreign key to dossier (a lookup and a row lock per drawn dossier); a trigger guards instead
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 hồ sơ đã chọn", 300, 60)));
        asAdmin(() -> campaigns.draw(id, 5L));
        long sampled = jdbc.sql("SELECT min(dossier_id) FROM sample_member WHERE campaign_id = :id").param("id", id)
                .query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM dossier WHERE id = :id").param("id", sampled).update())
                .hasMessageContaining("a sampled dossier cannot be deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM dossier WHERE id = :id").param("id", sampled).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReserveReplacesARefusalOnlyThroughTheAuditedAction() throws Exception {
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 dự phòng", 300, 60)));
        asAdmin(() -> campaigns.draw(id, 5L));
        SampleMember refused = asAdmin(() -> campaigns.members(campaigns.get(id), SampleMember.Role.SAMPLE, null)).get(0);
        long firstReserve = jdbc.sql("""
                        SELECT id FROM sample_member WHERE stratum_id = :s AND role = 'RESERVE' ORDER BY rank LIMIT 1""")
                .param("s", refused.stratumId()).query(Long.class).single();

        // an analyst reads campaigns but may not replace anyone
        mvc.perform(post("/api/v1/campaigns/{id}/sample/{member}/replace", id, refused.id()).param("reason", "từ chối")
                        .with(SignedIn.as(new CurrentUser("analyst-csm", Set.of(Role.ANALYST), fixture.nation)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/campaigns/{id}/sample/{member}/replace", id, refused.id()).param("reason", "Từ chối trả lời")
                        .with(SignedIn.as(fixture.admin())))
                .andExpect(status().isOk());

        SampleMember replacing = asAdmin(() -> campaigns.members(campaigns.get(id), SampleMember.Role.SAMPLE, null)).stream()
                .filter(m -> m.id() == firstReserve).findFirst().orElseThrow();
        assertThat(replacing.replacesId()).isEqualTo(refused.id());
        assertThat(replacing.channel()).isEqualTo(refused.channel());
        assertThat(jdbc.sql("SELECT state || ':' || replace_reason FROM sample_member WHERE id = :id").param("id", refused.id())
                .query(String.class).single()).isEqualTo("REPLACED:Từ chối trả lời");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'campaign.replace' AND entity_id = :id""")
                .param("id", Long.toString(refused.id())).query(Long.class).single()).isEqualTo(1);
        // the replaced person cannot be replaced a second time
        assertThatThrownBy(() -> asAdmin(() -> campaigns.replace(refused.id(), "lần nữa"))).isInstanceOf(CampaignConflict.class);
    }

    @Test
    void noRedrawOnceFieldworkStartedAndTheMethodologyIsFrozen() throws Exception {
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 thực địa", 300, 60)));
        asAdmin(() -> campaigns.draw(id, 3L));
        List<Long> sample = drawn(id);
        users.runAs(new CurrentUser("approver-" + fixture.admin().name(), Set.of(Role.ADMIN), fixture.nation),
                () -> sampleReviews.approve(id, null));

        mvc.perform(post("/api/v1/campaigns/{id}/start", id).with(SignedIn.as(fixture.admin()))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/campaigns/{id}/draw", id).param("seed", "4").with(SignedIn.as(fixture.admin())))
                .andExpect(status().isConflict());

        assertThat(drawn(id)).isEqualTo(sample);
        assertThat(methodologies.isFrozen(fixture.methodology(), 1)).isTrue();
        assertThat(jdbc.sql("SELECT status FROM campaign WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("IN_FIELD");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'campaign.status' AND entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void minimumsTheFrameCannotMeetStopTheDrawWithTheReason() {
        // 3 strata × 200 = 600 > 300
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 tối thiểu", 300, 200)));

        assertThatThrownBy(() -> asAdmin(() -> campaigns.draw(id, 1L))).isInstanceOf(CampaignConflict.class)
                .hasMessage("campaign.allocation.minimumsAboveTarget");
    }

    @Test
    void aQuarterlyCampaignMakesNextQuartersDraftWithTheSameRules() {
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 định kỳ", 300, 60)));

        long next = asAdmin(() -> campaigns.next(id)).id();

        Campaign made = asAdmin(() -> campaigns.get(next));
        assertThat(made.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(made.templateId()).isEqualTo(id);
        assertThat(made.plan().period()).isEqualTo(new Period(Period.Kind.QUARTER, java.time.LocalDate.of(2025, 4, 1),
                java.time.LocalDate.of(2025, 6, 30)));
        assertThat(made.plan()).isEqualTo(fixture.plan("Quý I/2025 định kỳ", 300, 60)
                .forPeriod(made.plan().name(), made.plan().period()));
    }

    @Test
    void nextPeriodAskedTwiceAnswersTheDraftMadeTheFirstTime() throws Exception {
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 một lần tiếp", 300, 60)));

        String first = mvc.perform(post("/api/v1/campaigns/{id}/next", id).with(SignedIn.as(fixture.admin())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/campaigns/{id}/next", id).with(SignedIn.as(fixture.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<Integer>read(again, "$.id"))
                .isEqualTo(JsonPath.<Integer>read(first, "$.id"));
        assertThat(nextsOf(id)).isOne();
    }

    @Test
    void nextPeriodAskedByTwoManagersAtOnceMakesOneDraft() throws Exception {
        long id = asAdmin(() -> campaigns.create(fixture.plan("Quý I/2025 hai người cùng tiếp", 300, 60)));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Campaigns.Next> ask = () -> {
                together.await(10, TimeUnit.SECONDS);
                return asAdmin(() -> campaigns.next(id));
            };
            Future<Campaigns.Next> one = two.submit(ask);
            Future<Campaigns.Next> other = two.submit(ask);
            Campaigns.Next a = one.get(30, TimeUnit.SECONDS);
            Campaigns.Next b = other.get(30, TimeUnit.SECONDS);
            assertThat(a.id()).isEqualTo(b.id());
            assertThat(List.of(a.created(), b.created())).containsExactlyInAnyOrder(true, false);
        } finally {
            two.shutdownNow();
        }
        assertThat(nextsOf(id)).isOne();
    }

    private long nextsOf(long id) {
        return jdbc.sql("SELECT count(*) FROM campaign WHERE template_id = :id").param("id", id).query(Long.class).single();
    }

    /** Sample then reserve, stratum by stratum, each in its random order. */
    private List<Long> drawn(long id) {
        return jdbc.sql("SELECT dossier_id FROM sample_member WHERE campaign_id = :id ORDER BY stratum_id, rank")
                .param("id", id).query(Long.class).list();
    }

    private <T> T asAdmin(Supplier<T> work) {
        return users.runAs(fixture.admin(), work);
    }
}
