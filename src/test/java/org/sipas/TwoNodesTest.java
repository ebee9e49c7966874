package org.sipas;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.Campaigns;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.SurveyTokens;
import org.sipas.identity.CurrentUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.util.ClassUtils;

/**
 * Two application nodes on one PostgreSQL behave as one (DESIGN §1): two contexts of the
 * application, each with its own HTTP port, connection pool and beans, on the test JVM's one
 * embedded server, asked the same thing at the same moment. One sample per draw, one response per
 * token, one rate limit per address, one staff session store, and no scheduled job that would run on every node.
 *
 * <p>A feature that adds a scheduled job (the tally fold worker, alerts, the monthly mail) names it
 * in {@link #JOBS_WITH_A_TWO_NODES_CASE} and adds its case here: the job started on both nodes at
 * once ({@link #onBothAtOnce}) does its work once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    /**
     * Scheduled jobs ({@code Class#method}) whose two-nodes case is in this test. The dashboards'
     * {@code tellWhenFolded} is meant to run on every node: it tells that node's own open pages.
     */
    private static final Set<String> JOBS_WITH_A_TWO_NODES_CASE = Set.of(
            "org.sipas.index.Tallies#foldQuietly", "org.sipas.index.DashboardEvents#tellWhenFolded",
            "org.sipas.quality.Arrivals#checkQuietly", "org.sipas.feedback.CaseOpener#drainQuietly",
            "org.sipas.feedback.FeedbackJobs#runQuietly", "org.sipas.feedback.PaperHandoutReminders#runQuietly",
            "org.sipas.planning.PlanReminders#runQuietly", "org.sipas.planning.AfterPublication#sweepQuietly",
            "org.sipas.retention.RetentionJob#runQuietly", "org.sipas.reporting.OpenSurveyPublication#refreshQuietly");
    /** The open portal's burst per address, set low on both nodes so that a few requests find the limit. */
    private static final int BURST = 6;
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");
    private static final Pattern SESSION_COOKIE = Pattern.compile("sipas-session=([^;]+)");

    /** One node: its context and the port it answers on. */
    private record Node(String name, ConfigurableApplicationContext context, int port) {

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private Node a;
    private Node b;

    @BeforeAll
    void startTwoNodes() {
        // one after the other, as a rolling deployment starts them: the first migrates, the second finds it done
        a = start("a");
        b = start("b");
    }

    @AfterAll
    void stopBoth() {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.context().close();
            }
        }
    }

    private static Node start(String name) {
        // as arguments, which win over application.yml (properties() would only be defaults)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SipasApplication.class)
                .run("--server.port=0", "--spring.application.name=sipas-node-" + name,
                        "--sipas.portal.rate-limit.burst=" + BURST, "--sipas.portal.rate-limit.per-minute=1");
        return new Node(name, context, ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private JdbcClient jdbc() {
        return a.bean(JdbcClient.class);
    }

    @Test
    void theNodesAreTwoServersWithPoolsOfTheirOwnOnOneDatabase() {
        assertThat(a.port()).isNotEqualTo(b.port());
        assertThat(a.bean(DataSource.class)).isNotSameAs(b.bean(DataSource.class));
        String where = "SELECT current_setting('data_directory') || ':' || inet_server_port()";
        assertThat(b.bean(JdbcClient.class).sql(where).query(String.class).single())
                .isEqualTo(a.bean(JdbcClient.class).sql(where).query(String.class).single());
    }

    @Test
    void aCampaignDrawnOnBothNodesAtOnceHasOneWholeSample() {
        FieldworkFixtures.Drafted campaign = a.bean(FieldworkFixtures.class).drafted("TWOND", "mot-cua-2018", 40, Map.of("ONLINE", 1));

        List<Campaigns.DrawSummary> draws = onBothAtOnce(node -> node.bean(CurrentUsers.class).runAs(campaign.admin(),
                () -> node.bean(Campaigns.class).draw(campaign.campaignId(), node == a ? 11L : 22L)));

        // the draws queue on the campaign's row: the later one replaced the earlier (a redraw before fieldwork)
        long seed = jdbc().sql("SELECT seed FROM campaign WHERE id = :id").param("id", campaign.campaignId()).query(Long.class).single();
        assertThat(seed).isIn(11L, 22L);
        Campaigns.DrawSummary kept = draws.get(seed == 11L ? 0 : 1);
        List<Long> sample = drawn(campaign.campaignId());
        assertThat(sample).hasSize(kept.sampled() + kept.reserve()).doesNotHaveDuplicates();
        assertThat(jdbc().sql("SELECT count(*) FROM campaign_stratum WHERE campaign_id = :id").param("id", campaign.campaignId())
                .query(Integer.class).single()).isEqualTo(kept.strata());
        // one whole draw, not a mix of two: drawing again with the kept seed gives the very same sample
        b.bean(CurrentUsers.class).runAs(campaign.admin(), () -> b.bean(Campaigns.class).draw(campaign.campaignId(), seed));
        assertThat(drawn(campaign.campaignId())).isEqualTo(sample);
    }

    @Test
    void aTokenSubmittedToBothNodesAtOnceStoresOneResponseAndRefusesTheOther() {
        String body = "{\"answers\":{\"satisfaction\":\"3\"}}";
        for (int round = 0; round < 10; round++) {
            String token = a.bean(SurveyTokens.class).issue("mot-cua-2018", 1, null, null);

            List<Integer> statuses = onBothAtOnce(node -> send(HttpRequest.newBuilder(node.uri("/s/" + token + "/response"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "node-" + node.name() + "-" + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 409);
            assertThat(jdbc().sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single())
                    .isOne();
        }
    }

    @Test
    void theOpenPortalsLimitPerAddressHoldsAcrossBothNodes() {
        jdbc().sql("DELETE FROM portal_rate_limit WHERE client = '127.0.0.1'").update();
        // a citizen's page from node a: its CSRF token lives in a cookie, so node b takes it as well
        String token = a.bean(SurveyTokens.class).issue("mot-cua-2018", 1, null, null);
        HttpResponse<String> page = send(HttpRequest.newBuilder(a.uri("/s/" + token)).GET());
        String field = group(CSRF_FIELD, page.body());
        String cookie = group(CSRF_COOKIE, String.join(";", page.headers().allValues("Set-Cookie")));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * BURST; i++) {
            Node node = i % 2 == 0 ? a : b;
            // the limit is taken before the campaign is looked at: any campaign's portal counts
            statuses.add(send(HttpRequest.newBuilder(node.uri("/s/portal/0")).header("Cookie", "XSRF-TOKEN=" + cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(field, StandardCharsets.UTF_8) + "&unit=&phone="))).statusCode());
        }

        assertThat(statuses.subList(0, BURST)).doesNotContain(429, 403);
        assertThat(statuses.subList(BURST, 2 * BURST)).containsOnly(429);
    }

    @Test
    void aStaffMemberSignedInOnOneNodeIsSignedInOnTheOtherAndSigningOutEndsBoth() {
        HttpResponse<String> form = send(HttpRequest.newBuilder(a.uri("/login")).GET());
        String anonymous = group(SESSION_COOKIE, String.join(";", form.headers().allValues("Set-Cookie")));
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(a.uri("/login"))
                .header("Cookie", "sipas-session=" + anonymous)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-password&_csrf="
                        + URLEncoder.encode(group(CSRF_FIELD, form.body()), StandardCharsets.UTF_8))));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        // a new session id on sign-in (no session fixation), kept in PostgreSQL
        String session = "sipas-session=" + group(SESSION_COOKIE, String.join(";", signIn.headers().allValues("Set-Cookie")));

        HttpResponse<String> onB = send(HttpRequest.newBuilder(b.uri("/campaigns")).header("Cookie", session).GET());
        assertThat(onB.statusCode()).as("node b knows the session node a made").isEqualTo(200);

        HttpResponse<String> signOut = send(HttpRequest.newBuilder(b.uri("/logout")).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(group(CSRF_FIELD, onB.body()), StandardCharsets.UTF_8))));
        assertThat(signOut.statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = send(HttpRequest.newBuilder(a.uri("/campaigns")).header("Cookie", session).GET());
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theTallyFoldOnBothNodesAtOnceCountsEachResponseOnce() {
        onBothAtOnce(node -> node.bean(org.sipas.index.Tallies.class).fold());
        onBothAtOnce(node -> node.bean(org.sipas.index.Tallies.class).fold());
        // every campaign's whole-stratum tallies hold each counted response once, not once per node
        List<String> doubled = jdbc().sql("""
                        SELECT t.campaign_id || ':' || t.series FROM tally t
                        WHERE t.domain_kind = 'all'
                        GROUP BY t.campaign_id, t.series
                        HAVING sum(t.n) > (SELECT count(*) FROM response r WHERE r.campaign_id = t.campaign_id)""")
                .query(String.class).list();
        assertThat(doubled).isEmpty();
        assertThat(jdbc().sql("SELECT count(*) FROM tally_change").query(Long.class).single()).isZero();
    }

    @Test
    void theQualityCheckOfArrivalsOnBothNodesAtOnceChecksEachResponseOnce() {
        FieldworkFixtures.InField campaign = a.bean(FieldworkFixtures.class).inField("TWOQC", "mot-cua-2018", 40, Map.of("PHONE", 1));
        String counted = "SELECT (SELECT checked FROM quality_worker) + (SELECT count(*) FROM quality_arrival)";
        long before = jdbc().sql(counted).query(Long.class).single();
        org.sipas.collection.ResponseStore store = a.bean(org.sipas.collection.ResponseStore.class);
        for (org.sipas.campaign.FieldCase c : campaign.cases().subList(0, 30)) {
            store.store(org.sipas.collection.Submission.of(org.sipas.collection.ResponseChannel.CATI, "mot-cua-2018", 1, c.unitId(),
                            Map.of("satisfaction", "3"), java.time.Instant.now().minusSeconds(600))
                    .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-twoqc"));
        }

        // the worker is package-private: called as each node's scheduler calls it
        onBothAtOnce(node -> org.springframework.test.util.ReflectionTestUtils.invokeMethod(node.context().getBean("arrivals"), "check"));
        onBothAtOnce(node -> org.springframework.test.util.ReflectionTestUtils.invokeMethod(node.context().getBean("arrivals"), "check"));

        assertThat(jdbc().sql("SELECT count(*) FROM quality_arrival").query(Long.class).single()).isZero();
        assertThat(jdbc().sql("SELECT checked FROM quality_worker").query(Long.class).single()).isEqualTo(before + 30);
        assertThat(jdbc().sql("SELECT count(*) FROM response_review WHERE campaign_id = :c").param("c", campaign.campaignId())
                .query(Long.class).single()).isEqualTo(30);
    }

    @Test
    void theAlertOutboxJudgedOnBothNodesAtOnceOpensOneCasePerResponseAndRule() {
        // 200 not-satisfied quick ratings stored in one statement: the trigger queues them all in the outbox
        List<Long> stored = jdbc().sql("""
                        INSERT INTO response (methodology_code, methodology_version, unit_id, channel, answers, started_at)
                        SELECT 'mot-cua-2018', 1, (SELECT id FROM unit WHERE code = 'VN'), 'WEB', '{"satisfaction": "1"}', now()
                        FROM generate_series(1, 200) RETURNING id""").query(Long.class).list();

        List<Integer> opened = onBothAtOnce(node -> org.sipas.feedback.FeedbackOnANode.judgeOutbox(node.context()));
        opened = new ArrayList<>(opened);
        // the nodes' own timers may have taken some in between: what matters is each response's cases
        Map<String, Object> counts = jdbc().sql("""
                        SELECT count(*) AS cases, count(DISTINCT response_id) AS responses FROM feedback_case
                        WHERE response_id = ANY (CAST(:ids AS bigint[]))""")
                .param("ids", stored.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .query().singleRow();
        assertThat(((Number) counts.get("responses")).longValue()).isEqualTo(200);
        assertThat(((Number) counts.get("cases")).longValue()).isEqualTo(200);
        assertThat(opened.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(200);
        assertThat(jdbc().sql("SELECT count(*) FROM alert_outbox").query(Long.class).single()).isZero();
    }

    @Test
    void theMonthlyResultsSentFromBothNodesAtOnceReachEachHeadOnce() {
        java.time.YearMonth month = java.time.YearMonth.of(2031, 1);
        java.time.Instant now = java.time.Instant.parse("2031-02-03T02:00:00Z");
        List<Integer> sent = onBothAtOnce(node -> org.sipas.feedback.FeedbackOnANode.sendMonthlyResults(node.context(), month, now));
        long heads = jdbc().sql("SELECT count(*) FROM monthly_results WHERE month = DATE '2031-01-01'").query(Long.class).single();
        assertThat(sent.get(0) + sent.get(1)).isEqualTo((int) heads);
        assertThat(jdbc().sql("""
                        SELECT count(*) FROM (SELECT username FROM inbox_message WHERE subject LIKE '%01/2031%'
                                              GROUP BY username HAVING count(*) > 1) twice""").query(Long.class).single()).isZero();
    }

    @Test
    void escalationsRunOnBothNodesAtOnceEscalateEachCaseOnce() {
        java.time.Instant later = java.time.Instant.parse("2032-06-01T03:00:00Z");
        List<Integer> escalated = onBothAtOnce(node -> org.sipas.feedback.FeedbackOnANode.escalate(node.context(), later));
        long steps = jdbc().sql("""
                        SELECT count(*) FROM (SELECT case_id FROM feedback_case_step WHERE kind = 'ESCALATED' AND at = :at
                                              GROUP BY case_id HAVING count(*) > 1) twice""")
                .param("at", java.sql.Timestamp.from(later)).query(Long.class).single();
        assertThat(steps).isZero();
        assertThat(escalated).contains(0);
    }

    @Test
    void aPlanTaskRemindedFromBothNodesAtOnceIsRemindedOnce() {
        // a task ending on Wednesday 15 March 2034: the nodes' own scheduled runs (today's clock) find nothing due
        long task = org.sipas.planning.PlanningOnANode.issuedTaskEnding(a.context(), "TWNPL", java.time.LocalDate.of(2034, 3, 15));
        java.time.Instant now = java.time.Instant.parse("2034-03-13T02:00:00Z");

        List<Integer> reminded = onBothAtOnce(node -> org.sipas.planning.PlanningOnANode.remind(node.context(), now));

        assertThat(reminded.get(0) + reminded.get(1)).isEqualTo(1);
        assertThat(jdbc().sql("SELECT count(*) FROM plan_reminder WHERE task_id = :t").param("t", task).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc().sql("SELECT count(*) FROM inbox_message WHERE username = 'twnpl-truong' AND link LIKE :l")
                .param("l", "%/tasks/" + task).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPublicationsImprovementPlansSweptFromBothNodesAtOnceAreAskedOncePerUnit() {
        long campaign = org.sipas.planning.PlanningOnANode.publishedWithoutItsTasks(a.context(), "TWNIM");
        java.time.Instant now = java.time.Instant.now();

        List<Integer> created = onBothAtOnce(node -> org.sipas.planning.PlanningOnANode.sweepPublications(node.context(), now));

        assertThat(Math.min(created.get(0), created.get(1))).as("the job ran on one node").isZero();
        assertThat(jdbc().sql("SELECT count(*) FROM improvement_task WHERE campaign_id = :c").param("c", campaign).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc().sql("SELECT count(*) FROM improvement_round WHERE campaign_id = :c").param("c", campaign).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void overduePaperHandOutsRemindedFromBothNodesAtOnceAreToldOncePerBatch() {
        FieldworkFixtures.Drafted campaign = a.bean(FieldworkFixtures.class).drafted("TWONP", "mot-cua-2018", 4, Map.of("PAPER", 1));
        // handed out in 2033: the nodes' own scheduled runs (today's clock) find them not due, only the calls below do
        java.time.Instant handed = java.time.Instant.parse("2033-01-03T01:00:00Z");
        java.time.Instant now = java.time.Instant.parse("2033-02-15T02:00:00Z");
        for (int serial = 1; serial <= 3; serial++) {
            String number = campaign.campaignId() + String.format("%05d", serial) + "0";
            jdbc().sql("""
                            INSERT INTO paper_form (number, campaign_id, serial, unit_id, printed_by)
                            VALUES (:n, :c, :s, :u, 'tn-printer')""")
                    .param("n", number).param("c", campaign.campaignId()).param("s", serial).param("u", campaign.commune1()).update();
            long batch = jdbc().sql("""
                            INSERT INTO paper_batch (campaign_id, unit_id, recipient_kind, partner_name, handed_at, handed_by)
                            VALUES (:c, :u, 'PARTNER', 'Bưu điện', :at, 'tn-handed-by') RETURNING id""")
                    .param("c", campaign.campaignId()).param("u", campaign.commune1()).param("at", java.sql.Timestamp.from(handed))
                    .query(Long.class).single();
            jdbc().sql("INSERT INTO paper_handout (number, batch_id, state_at, state_by) VALUES (:n, :b, :at, 'tn-handed-by')")
                    .param("n", number).param("b", batch).param("at", java.sql.Timestamp.from(handed)).update();
        }

        List<Integer> reminded = onBothAtOnce(node -> node.bean(org.sipas.feedback.PaperHandoutReminders.class).remind(now));

        // batches of other tests' campaigns, handed out years before, are due too: this campaign's three are told once each
        assertThat(reminded.get(0) + reminded.get(1)).isGreaterThanOrEqualTo(3);
        assertThat(jdbc().sql("SELECT count(*) FROM inbox_message WHERE username = 'tn-handed-by' AND link = :l")
                .param("l", "/campaigns/" + campaign.campaignId() + "/paper/handout").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc().sql("SELECT count(*) FROM paper_batch WHERE campaign_id = :c AND reminded_at = :at")
                .param("c", campaign.campaignId()).param("at", java.sql.Timestamp.from(now)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void contactsDueUnderTheRetentionRuleAreErasedOnceByTwoNodesAtOnce() {
        FieldworkFixtures.InField campaign = a.bean(FieldworkFixtures.class).inField("TNRET", "mot-cua-2018", 20, Map.of("PHONE", 1));
        jdbc().sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = :id").param("id", campaign.campaignId()).update();
        // long after its re-check window
        java.time.Instant now = java.time.Instant.now().plus(java.time.Duration.ofDays(400));

        // scoped to the campaign's province, so no other test's contacts are touched
        List<Long> erased = onBothAtOnce(node -> org.sipas.retention.RetentionOnANode.erase(node.context(), campaign.province(), now));

        // one node erased the 120 contacts of the frame, the other found the job taken (or nothing left)
        assertThat(erased).filteredOn(n -> n == 120L).hasSize(1);
        assertThat(erased).filteredOn(n -> n != 120L).allMatch(n -> n <= 0);
        assertThat(jdbc().sql("""
                        SELECT count(*) FROM dossier_contact k JOIN dossier d ON d.id = k.dossier_id
                        WHERE d.unit_id IN (:c1, :c2) AND k.erased_at IS NOT NULL AND k.name_cipher IS NULL AND k.phone_hash IS NULL""")
                .param("c1", campaign.commune1()).param("c2", campaign.commune2()).query(Long.class).single()).isEqualTo(120);
        assertThat(jdbc().sql("SELECT count(*) FROM audit_log WHERE entity_type = 'contact_retention' AND entity_id = :s")
                .param("s", Long.toString(campaign.province())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOpenSurveyPublishingWhileOpenIsPublishedOnceByTwoNodesRefreshingAtOnce() {
        long survey = org.sipas.reporting.OpenSurveyRefreshOnANode.surveyWithAnswers(a.context(), "TNOSR", 12);
        java.time.Instant now = java.time.Instant.now();

        onBothAtOnce(node -> org.sipas.reporting.OpenSurveyRefreshOnANode.refresh(node.context(), now));

        // one node published its first version, the other found the job taken or the survey just published
        assertThat(org.sipas.reporting.OpenSurveyRefreshOnANode.versions(a.context(), survey)).isOne();
        assertThat(jdbc().sql("SELECT count(*) FROM snapshot WHERE campaign_id = :c").param("c", survey).query(Long.class).single())
                .isOne();
    }

    @Test
    void noScheduledJobRunsOnEveryNodeWithoutItsTwoNodesCase() {
        for (Node node : List.of(a, b)) {
            Set<String> jobs = new TreeSet<>();
            for (String name : node.context().getBeanDefinitionNames()) {
                Class<?> type = node.context().getType(name);
                if (type == null) {
                    continue;
                }
                for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                    if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                        jobs.add(ClassUtils.getUserClass(type).getName() + "#" + method.getName());
                    }
                }
            }
            assertThat(jobs).as("@Scheduled jobs of node %s", node.name()).isSubsetOf(JOBS_WITH_A_TWO_NODES_CASE);
            // jobs scheduled in code (a SchedulingConfigurer) are held by the scheduling infrastructure
            node.context().getBeansOfType(ScheduledTaskHolder.class).values().forEach(holder ->
                    assertThat(holder.getScheduledTasks()).as("scheduled tasks of node %s", node.name())
                            .hasSizeLessThanOrEqualTo(JOBS_WITH_A_TWO_NODES_CASE.size()));
        }
    }

    /** Runs the same call on both nodes at the same moment; the results in node order (a, b). */
    private <T> List<T> onBothAtOnce(Function<Node, T> call) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<T>> running = List.of(a, b).stream().map(node -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return call.apply(node);
        })).toList();
        return running.stream().map(f -> f.orTimeout(60, TimeUnit.SECONDS).join()).toList();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> drawn(long campaignId) {
        return jdbc().sql("SELECT dossier_id FROM sample_member WHERE campaign_id = :id ORDER BY stratum_id, rank")
                .param("id", campaignId).query(Long.class).list();
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text.length() > 300 ? text.substring(0, 300) : text).isTrue();
        return matcher.group(1);
    }
}
