package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.ApprovalLevels;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.Estimates;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;

@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.test.context.event.RecordApplicationEvents
class ResultsApprovalTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    Estimates estimates;
    @Autowired
    ReviewDecisions reviews;
    @Autowired
    ResultsApproval approval;
    @Autowired
    Publications publications;
    @Autowired
    CurrentUsers users;
    @Autowired
    FieldCampaigns campaigns;
    @Autowired
    Approvers approvers;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    private ResultsCampaign interviewed(String prefix, int interviews) {
        ResultsCampaign campaign = new ResultsCampaign(fixtures, store, jdbc, prefix, 20, prefix.hashCode());
        for (int i = 0; i < interviews; i++) {
            campaign.interview();
        }
        return campaign;
    }

    private void decide(ResultsCampaign campaign, List<Long> responses, String to, String reason) {
        users.runAs(campaign.provinceAdmin, () -> {
            reviews.checkArrivals();
            return reviews.decide(campaign.id(), responses, to, reason, "phiếu thử: chấp nhận dù thiếu câu trả lời");
        });
        tallies.fold();
    }

    private Snapshot publish(ResultsCampaign campaign, String whatChanged) {
        users.runAs(campaign.analyst, () -> {
            approval.prepare(campaign.id());
            return approval.submit(campaign.id(), whatChanged);
        });
        return users.runAs(campaign.nationalAdmin, () -> approval.approve(campaign.id(), "Đồng ý công bố"));
    }

    private String storedRow(long snapshotId) {
        return jdbc.sql("SELECT row_to_json(s)::text FROM snapshot s WHERE id = :id").param("id", snapshotId).query(String.class).single();
    }

    private static long overallN(Snapshot snapshot) {
        return snapshot.overall().domains().get(0).n();
    }

    @Test
    void aSnapshotIsUnchangedAfterAResponseItCountedIsRejectedAndACorrectionIsANewVersionWithTheOldOneStillServed() throws Exception {
        ResultsCampaign campaign = interviewed("PHA", 12);
        decide(campaign, campaign.responses, "ACCEPTED", "đạt yêu cầu");
        Snapshot first = publish(campaign, null);
        String firstRow = storedRow(first.id());
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.whatChanged()).isNull();
        assertThat(overallN(first)).isEqualTo(12);
        assertThat(first.lineage().accepted()).isEqualTo(12);
        assertThat(publications.countedResponses(first.id())).containsExactlyElementsOf(campaign.responses);

        // quality control rejects a response the snapshot counted: the live figures move, the published ones do not
        long doubtful = campaign.responses.get(0);
        decide(campaign, List.of(doubtful), "REJECTED", "phúc tra: phỏng vấn không diễn ra");
        CampaignEstimates live = users.runAs(campaign.nationalAdmin,
                () -> estimates.of(campaign.id(), Domain.NATION, null, Series.SAMPLED));
        assertThat(live.domains().get(0).n()).isEqualTo(11);
        // and a re-check reopens another one: it waits outside the approved count, the published figures still do not move
        long reopened = campaign.responses.get(1);
        decide(campaign, List.of(reopened), "IN_RECHECK", "phúc tra lại theo yêu cầu của thanh tra");
        assertThat(publications.version(campaign.id(), 1)).contains(first);
        assertThat(publications.latest(campaign.id())).contains(first);
        assertThat(storedRow(first.id())).isEqualTo(firstRow);
        assertThatThrownBy(() -> jdbc.sql("UPDATE snapshot SET approved_by = 'ai đó' WHERE id = :id").param("id", first.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never changed");

        // the correction: version 2, prepared and approved the same way, with what changed
        ResultsVersion draft = users.runAs(campaign.analyst, () -> approval.prepare(campaign.id()));
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.state()).isEqualTo(ResultsVersion.State.DRAFT);
        assertThatThrownBy(() -> users.runAs(campaign.analyst, () -> approval.submit(campaign.id(), "  ")))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        Snapshot second = publish(campaign, "Loại một phiếu sau phúc tra (phỏng vấn không diễn ra), một phiếu đang phúc tra lại");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.whatChanged()).isEqualTo("Loại một phiếu sau phúc tra (phỏng vấn không diễn ra), một phiếu đang phúc tra lại");
        assertThat(overallN(second)).isEqualTo(10);
        assertThat(second.lineage().rejected()).isEqualTo(1);
        assertThat(second.lineage().undecided()).isEqualTo(1);
        assertThat(publications.countedResponses(second.id())).doesNotContain(doubtful, reopened).hasSize(10);
        assertThat(second.changes()).anySatisfy(change -> {
            assertThat(change.series()).isEqualTo("SAMPLED");
            assertThat(change.domainKind()).isEqualTo("NATION");
            assertThat(change.index()).isEqualTo(first.overall().domains().get(0).overall().index());
            assertThat(change.nBefore()).isEqualTo(12);
            assertThat(change.nAfter()).isEqualTo(10);
            assertThat(change.before()).isEqualTo(first.overall().domains().get(0).overall().estimatePct());
        });

        // the old version stays served, as it was
        assertThat(publications.version(campaign.id(), 1)).contains(first);
        assertThat(storedRow(first.id())).isEqualTo(firstRow);
        assertThat(publications.latest(campaign.id())).contains(second);
        assertThat(publications.versions(campaign.id())).extracting(SnapshotVersion::version).containsExactly(2, 1);
        assertThat(publications.published()).extracting(Snapshot::id).contains(second.id()).doesNotContain(first.id());
        CurrentUser reader = new CurrentUser("doc-pha", Set.of(Role.UNIT_MANAGER), campaign.field.commune1());
        mvc.perform(get("/api/v1/campaigns/{id}/snapshots/1", campaign.id()).with(SignedIn.as(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.figures.SAMPLED.NATION.domains[0].n").value(12))
                .andExpect(jsonPath("$.lineage.responsesCounted").value(12));
        mvc.perform(get("/api/v1/campaigns/{id}/snapshots/2", campaign.id()).with(SignedIn.as(reader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.SAMPLED.NATION.domains[0].n").value(10))
                .andExpect(jsonPath("$.whatChanged").value(second.whatChanged()));
        mvc.perform(get("/api/v1/campaigns/{id}/snapshots", campaign.id()).with(SignedIn.as(reader)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(2)).andExpect(jsonPath("$[0].changed").value(second.changes().size()));
        mvc.perform(get("/api/v1/campaigns/{id}/snapshots/3", campaign.id()).with(SignedIn.as(reader)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/{id}/results", campaign.id()).param("version", "1").with(SignedIn.as(campaign.analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đang xem phiên bản 1 đã công bố")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Loại một phiếu sau phúc tra")));
    }

    @Test
    void whenEveryResponseIsAcceptedTheSnapshotsFiguresEqualTheLiveEstimates() {
        ResultsCampaign campaign = interviewed("PHB", 16);
        decide(campaign, campaign.responses, "ACCEPTED", "đạt yêu cầu");
        Snapshot snapshot = publish(campaign, null);
        for (Domain domain : ResultsApproval.FROZEN.get(Series.SAMPLED)) {
            CampaignEstimates live = users.runAs(campaign.nationalAdmin, () -> estimates.of(campaign.id(), domain, null, Series.SAMPLED));
            CampaignEstimates frozen = snapshot.figures(Series.SAMPLED, domain);
            assertThat(frozen.domains()).as(domain.name()).hasSameSizeAs(live.domains()).isNotEmpty();
            for (int d = 0; d < live.domains().size(); d++) {
                DomainEstimate a = live.domains().get(d);
                DomainEstimate b = frozen.domains().get(d);
                assertThat(b.code()).isEqualTo(a.code());
                assertThat(b.n()).isEqualTo(a.n());
                for (int i = 0; i < a.figures().size(); i++) {
                    IndexEstimate x = a.figures().get(i);
                    IndexEstimate y = b.figures().get(i);
                    assertThat(y.index()).isEqualTo(x.index());
                    assertThat(y.n()).isEqualTo(x.n());
                    close(y.unweightedPct(), x.unweightedPct(), domain + " " + x.index());
                    close(y.estimatePct(), x.estimatePct(), domain + " " + x.index());
                    close(y.sePct(), x.sePct(), domain + " " + x.index());
                    close(y.ci95Low(), x.ci95Low(), domain + " " + x.index());
                    close(y.ci95High(), x.ci95High(), domain + " " + x.index());
                }
            }
        }
        assertThat(snapshot.lineage().strata()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.frameSize()).isEqualTo(60);
            assertThat(s.weight()).isEqualTo(60.0 / s.responses());
        });
        assertThat(snapshot.lineage().strata().stream().mapToLong(SnapshotLineage.StratumWeight::responses).sum()).isEqualTo(16);
        assertThat(snapshot.lineage().sampleSeed()).isEqualTo(1L);
        assertThat(snapshot.lineage().methodologyCode()).isEqualTo("sipas-2017");
    }

    private static void close(Double actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void onlyAcceptedResponsesAreCountedUndecidedOnesWaitOutside() {
        ResultsCampaign campaign = interviewed("PHC", 10);
        decide(campaign, campaign.responses.subList(0, 7), "ACCEPTED", "đạt yêu cầu");
        ResultsVersion draft = users.runAs(campaign.analyst, () -> approval.prepare(campaign.id()));
        assertThat(draft.figures(Series.SAMPLED, Domain.NATION).domains().get(0).n()).isEqualTo(7);
        assertThat(draft.lineage().accepted()).isEqualTo(7);
        assertThat(draft.lineage().undecided()).isEqualTo(3);
        CampaignEstimates live = users.runAs(campaign.nationalAdmin, () -> estimates.of(campaign.id(), Domain.NATION, null, Series.SAMPLED));
        // the campaign counts undecided responses live (count until decided), never in approved results
        assertThat(live.domains().get(0).n()).isEqualTo(10);
    }

    @Test
    void theLevelAboveApprovesNobodyApprovesTheirOwnAndAReturnCarriesItsComments() throws Exception {
        ResultsCampaign campaign = interviewed("PHD", 6);
        decide(campaign, campaign.responses, "ACCEPTED", "đạt yêu cầu");
        long id = campaign.id();
        CurrentUser provinceAnalystAdmin = campaign.field.admin();  // ADMIN scoped to the province

        // who prepares: analysts and admins of the campaign's scope, not its province administrator
        assertThatThrownBy(() -> users.runAs(campaign.provinceAdmin, () -> approval.prepare(id))).isInstanceOf(AccessDeniedException.class);
        CurrentUser communeAnalyst = new CurrentUser("phan-tich-xa-phd", Set.of(Role.ANALYST), campaign.field.commune1());
        assertThatThrownBy(() -> users.runAs(communeAnalyst, () -> approval.prepare(id))).isInstanceOf(AccessDeniedException.class);
        users.runAs(campaign.analyst, () -> approval.prepare(id));
        assertThatThrownBy(() -> users.runAs(campaign.nationalAdmin, () -> approval.approve(id, null)))
                .as("nothing submitted yet").isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        users.runAs(campaign.analyst, () -> approval.submit(id, null));
        assertThatThrownBy(() -> users.runAs(campaign.analyst, () -> approval.prepare(id)))
                .as("a version waiting for approval is not prepared over").isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));

        // a province-wide campaign is approved above the province: not by its analyst, its province's admins
        for (CurrentUser notAbove : List.of(campaign.analyst, campaign.provinceAdmin, provinceAnalystAdmin)) {
            assertThatThrownBy(() -> users.runAs(notAbove, () -> approval.approve(id, null))).as(notAbove.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        // returned with comments (comments required), prepared again, submitted again
        assertThatThrownBy(() -> users.runAs(campaign.nationalAdmin, () -> approval.returnWithComments(id, " ")))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        ResultsVersion returned = users.runAs(campaign.nationalAdmin,
                () -> approval.returnWithComments(id, "Đề nghị bổ sung kết quả phúc tra trước khi công bố"));
        assertThat(returned.state()).isEqualTo(ResultsVersion.State.RETURNED);
        assertThat(publications.latest(id)).isEmpty();
        mvc.perform(get("/campaigns/{id}/results", id).with(SignedIn.as(campaign.analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đề nghị bổ sung kết quả phúc tra trước khi công bố")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bị trả lại")));

        // the national admin prepares and submits this time: then someone else approves
        users.runAs(campaign.nationalAdmin, () -> approval.prepare(id));
        users.runAs(campaign.nationalAdmin, () -> approval.submit(id, null));
        assertThatThrownBy(() -> users.runAs(campaign.nationalAdmin, () -> approval.approve(id, null)))
                .as("four eyes").isInstanceOf(AccessDeniedException.class).hasMessageContaining("another person");
        CurrentUser otherNational = new CurrentUser("qt-quoc-gia-2-phd", Set.of(Role.ADMIN), campaign.nationalAdmin.scopeUnitId());
        Snapshot published = users.runAs(otherNational, () -> approval.approve(id, null));
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.approvedBy()).isEqualTo(otherNational.name());
        assertThat(published.preparedBy()).isEqualTo(campaign.nationalAdmin.name());

        ResultsApproval.Overview overview = users.runAs(campaign.analyst, () -> approval.overview(id));
        assertThat(overview.comments()).extracting(ResultsVersion.Comment::step)
                .containsExactly("PREPARED", "SUBMITTED", "RETURNED", "PREPARED", "SUBMITTED", "APPROVED");
        assertThat(overview.comments().get(2).body()).isEqualTo("Đề nghị bổ sung kết quả phúc tra trước khi công bố");
        assertThat(overview.comments().get(2).author()).isEqualTo(campaign.nationalAdmin.name());

        // the campaign page links to the results for those who prepare or approve them, not for a unit's manager
        String link = "/campaigns/" + id + "/results";
        mvc.perform(get("/campaigns/{id}", id).with(SignedIn.as(campaign.analyst)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(link)));
        mvc.perform(get("/campaigns/{id}", id).with(SignedIn.as(new CurrentUser("ql-phd", Set.of(Role.UNIT_MANAGER), campaign.field.province()))))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(link))));

        // through the page: the buttons are the steps; a step refused for its state comes back with the reason
        mvc.perform(post("/campaigns/{id}/results/submit", id).with(csrf()).with(SignedIn.as(campaign.analyst)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/{id}/results/approve", id).with(csrf()).with(SignedIn.as(campaign.provinceAdmin)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApprovingLevelIsReadFromTheUnitTree() {
        ResultsCampaign campaign = interviewed("PHE", 0);
        FieldCampaign province = campaigns.find(campaign.id()).orElseThrow();
        ApprovalLevels.Level above = approvers.level(province);
        assertThat(above.unitCode()).isEqualTo("VN");
        assertThat(above.roles()).containsExactly(Role.ADMIN);

        // a commune's campaign is approved by its province's administrators
        FieldCampaign commune = new FieldCampaign(province.id(), province.name(), province.status(), province.methodologyCode(),
                province.methodologyVersion(), campaign.field.commune1(), province.periodFrom(), province.periodTo(), List.of());
        ApprovalLevels.Level provinceLevel = approvers.level(commune);
        assertThat(provinceLevel.unitId()).isEqualTo(campaign.field.province());
        assertThat(provinceLevel.roles()).containsExactly(Role.PROVINCE_ADMIN, Role.ADMIN);
        assertThat(approvers.mayApprove(campaign.provinceAdmin, commune)).isTrue();
        assertThat(approvers.mayApprove(campaign.field.admin(), commune)).isTrue();
        assertThat(approvers.mayApprove(campaign.analyst, commune)).isFalse();
        CurrentUser communeAdmin = new CurrentUser("qt-xa-phe", Set.of(Role.PROVINCE_ADMIN), campaign.field.commune1());
        assertThat(approvers.mayApprove(communeAdmin, commune)).as("scoped below the province").isFalse();
        CurrentUser otherProvince = new CurrentUser("qt-tinh-khac-phe", Set.of(Role.PROVINCE_ADMIN),
                jdbc.sql("SELECT id FROM unit WHERE depth = 1 AND code <> :c ORDER BY id LIMIT 1")
                        .param("c", "PHE-P").query(Long.class).single());
        assertThat(approvers.mayApprove(otherProvince, commune)).isFalse();
        assertThat(approvers.mayApprove(campaign.provinceAdmin, province)).isFalse();
        assertThat(approvers.mayApprove(campaign.nationalAdmin, province)).isTrue();
    }

    @Test
    void theSnapshotsApiIsDocumentedWithItsSummariesAndErrors() throws Exception {
        String doc = mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        com.jayway.jsonpath.DocumentContext api = com.jayway.jsonpath.JsonPath.parse(doc);
        String list = "$.paths['/api/v1/campaigns/{id}/snapshots'].get";
        String one = "$.paths['/api/v1/campaigns/{id}/snapshots/{version}'].get";
        assertThat(api.read(list + ".summary", String.class)).contains("published versions");
        assertThat(api.read(one + ".summary", String.class)).contains("One published version");
        assertThat(api.read(one + ".responses", Map.class)).containsKeys("200", "401", "403", "404");
        assertThat(api.read(list + ".responses", Map.class)).containsKeys("200", "401", "403", "404");
    }

    @Test
    void everyStepIsInTheAuditLogWithWhoDidIt() throws Exception {
        ResultsCampaign campaign = interviewed("PHF", 5);
        decide(campaign, campaign.responses, "ACCEPTED", "đạt yêu cầu");
        users.runAs(campaign.analyst, () -> approval.prepare(campaign.id()));
        users.runAs(campaign.analyst, () -> approval.submit(campaign.id(), null));
        String approve = "/campaigns/" + campaign.id() + "/results/approve";
        mvc.perform(get("/campaigns/{id}/results", campaign.id()).with(SignedIn.as(campaign.nationalAdmin)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(approve)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đã trình, chờ phê duyệt")));
        mvc.perform(get("/campaigns/{id}/results", campaign.id()).with(SignedIn.as(campaign.analyst)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(approve))));
        users.runAs(campaign.nationalAdmin, () -> approval.returnWithComments(campaign.id(), "Xem lại"));
        users.runAs(campaign.analyst, () -> approval.submit(campaign.id(), null));
        Snapshot snapshot = users.runAs(campaign.nationalAdmin, () -> approval.approve(campaign.id(), "Đồng ý"));
        List<Map<String, Object>> entries = jdbc.sql("""
                        SELECT action, actor, detail FROM audit_log
                        WHERE action LIKE 'results.%' AND (entity_id IN (SELECT id::text FROM results_version WHERE campaign_id = :c)
                              OR (entity_type = 'snapshot' AND entity_id = :s))
                        ORDER BY id""")
                .param("c", campaign.id()).param("s", Long.toString(snapshot.id())).query().listOfRows();
        assertThat(entries).extracting(e -> e.get("action") + " " + e.get("actor")).containsExactly(
                "results.prepare " + campaign.analyst.name(),
                "results.submit " + campaign.analyst.name(),
                "results.return " + campaign.nationalAdmin.name(),
                "results.submit " + campaign.analyst.name(),
                "results.approve " + campaign.nationalAdmin.name());
        assertThat(events.stream(ResultsPublished.class))
                .containsExactly(new ResultsPublished(campaign.id(), snapshot.id(), 1));
        assertThat(entries.get(2).get("detail")).isEqualTo("Xem lại");
        assertThat(entries.get(4).get("detail")).isEqualTo("Đồng ý");
    }
}
