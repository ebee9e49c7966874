package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.campaign.Campaigns;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.index.DomainEstimate;
import org.sipas.index.Domain;
import org.sipas.index.Estimates;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.quality.ReviewDecisions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The exports of accepted responses, read back as an analyst would: the {@code .sav} by GNU PSPP,
 * whose frequencies must equal the product's own counts and figures; the CSV as a spreadsheet
 * reads it; and an export across methodology versions keeping a question the new version dropped.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResponseExportTest {

    static final String METHODOLOGY = "sipas-2017";
    static final String[] RATINGS = {"1", "2", "3", "4", "5", "4", "5", "9", "0", null};
    /** An open answer over 300 bytes of UTF-8, most letters with diacritics of 2 or 3 bytes. */
    static final String OPEN_ANSWER = ("Đề nghị bộ phận một cửa bố trí thêm ghế ngồi chờ, niêm yết công khai lệ phí và hướng dẫn"
            + " người dân kê khai hồ sơ trực tuyến tận tình hơn; công chức tiếp nhận rất nhiệt tình, chu đáo nhưng thời gian"
            + " chờ đợi vẫn còn dài, nhất là vào sáng thứ Hai đầu tuần.");
    static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    ReviewDecisions decisions;
    @Autowired
    Estimates estimates;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Campaigns campaigns;
    @Autowired
    FieldCases fieldCases;

    @TempDir
    Path directory;

    /** A fixture campaign: 36 sampled phone interviews and 2 counter ratings, 32 of them accepted, 2 rejected, the rest undecided. */
    record Fixture(FieldworkFixtures.InField field, List<Long> accepted, List<Long> rejected, List<Long> undecided, long openAnswer,
                   long formula) {
    }

    private Fixture campaign(String prefix, long seed) {
        FieldworkFixtures.InField field = fixtures.inField(prefix, METHODOLOGY, 40, Map.of("PHONE", 1));
        Random random = new Random(seed);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            FieldCase c = field.cases().get(i);
            Map<String, String> answers = answers(random);
            if (i == 0) {
                answers.put("suggestion", OPEN_ANSWER);
            } else if (i == 1) {
                answers.put("suggestion", FORMULA);
            }
            Instant ended = Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofDays(i % 20));
            ids.add(store.store(Submission.of(ResponseChannel.CATI, METHODOLOGY, 1, c.unitId(), answers, ended.minus(Duration.ofMinutes(20)))
                    .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-" + prefix.toLowerCase())
                    .finished(ended, null)).responseId());
        }
        for (int i = 0; i < 2; i++) {
            ids.add(store.store(Submission.of(ResponseChannel.KIOSK, METHODOLOGY, 1, field.commune1(), answers(random),
                    Instant.parse("2025-03-10T02:00:00Z")).inCampaign(field.campaignId())).responseId());
        }
        decisions.checkArrivals();
        List<Long> accepted = new ArrayList<>(ids.subList(0, 30));
        accepted.addAll(ids.subList(36, 38));
        List<Long> rejected = ids.subList(30, 32);
        users.runAs(field.admin(), () -> {
            decisions.decide(field.campaignId(), accepted, "ACCEPTED", "Đã phúc tra", "Chấp nhận để kiểm thử xuất dữ liệu");
            decisions.decide(field.campaignId(), rejected, "REJECTED", "Phỏng vấn không diễn ra", null);
            return null;
        });
        return new Fixture(field, accepted, List.copyOf(rejected), List.copyOf(ids.subList(32, 36)), ids.get(0), ids.get(1));
    }

    private static Map<String, String> answers(Random random) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("applicant_kind", random.nextInt(3) == 0 ? "to_chuc" : "ca_nhan");
        for (int i = 1; i <= 22; i++) {
            String rating = RATINGS[random.nextInt(RATINGS.length)];
            if (rating != null) {
                answers.put("c%02d".formatted(i), rating);
            }
        }
        return answers;
    }

    private byte[] download(String path, Fixture fixture) throws Exception {
        return download(path, fixture.field());
    }

    private byte[] download(String path, FieldworkFixtures.InField field) throws Exception {
        return download(path, field.admin());
    }

    private byte[] download(String path, CurrentUser caller) throws Exception {
        MvcResult result = mvc.perform(get(path).with(SignedIn.as(caller))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + ": " + result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsByteArray();
    }

    @Test
    void theSavIsReadBackByPsppAndItsFrequenciesAreTheProductsOwnCounts() throws Exception {
        Pspp.assumeInstalled();
        Fixture fixture = campaign("RXSAV", 18);
        long id = fixture.field().campaignId();
        byte[] sav = download("/api/v1/campaigns/" + id + "/responses.sav", fixture);
        Files.write(directory.resolve("export.sav"), sav);
        List<String> criteria = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            criteria.add("c%02d".formatted(i));
        }

        // the codes as they are, counted by PSPP over the random sample, without weights
        Pspp.Output counts = Pspp.run(directory, """
                SET TNUMBERS=VALUES TVARS=NAMES.
                GET FILE='export.sav'.
                SELECT IF (series = 'sampled').
                WEIGHT OFF.
                FREQUENCIES VARIABLES=%s applicant_kind.
                """.formatted(String.join(" ", criteria)));
        assertThat(counts.errors()).as("PSPP's warnings").isBlank();
        // the database's own count of each code among the accepted sampled responses
        Map<String, Map<String, Long>> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT a.key, a.value, count(*) FROM response r CROSS JOIN jsonb_each_text(r.answers) a
                        WHERE r.id = ANY(:ids) AND r.sampled GROUP BY 1, 2""")
                .param("ids", fixture.accepted().toArray(Long[]::new))
                .query((rs, n) -> stored.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        Map<String, IndexEstimate> figures = figures(fixture);
        // weighted by the file's weight (N_h / n_h), PSPP's shares are the index's design-weighted estimates
        // (the counter ratings have no weight: outside the random sample)
        Pspp.Output weighted = Pspp.run(directory, """
                SET TNUMBERS=VALUES TVARS=NAMES.
                GET FILE='export.sav'.
                SELECT IF (series = 'sampled').
                FREQUENCIES VARIABLES=%s.
                """.formatted(String.join(" ", criteria)));
        assertThat(weighted.errors()).isBlank();
        for (String criterion : criteria) {
            Map<String, Double> frequencies = Pspp.frequencies(counts.table(criterion));
            Map<String, Double> expected = new HashMap<>();
            stored.getOrDefault(criterion, Map.of()).forEach((code, n) -> expected.put(code, n.doubleValue()));
            double asked = expected.values().stream().mapToDouble(Double::doubleValue).sum();
            if (asked < 30) {
                expected.put(".", 30 - asked);
            }
            assertThat(frequencies).as(criterion).isEqualTo(expected);
            // the index's unweighted share: satisfied (4, 5) of valid (1-5), 9 and 0 left out as user-missing
            assertThat(Pspp.satisfiedPct(frequencies)).as(criterion).isCloseTo(figures.get(criterion).unweightedPct(), within(1e-9));
            assertThat(Pspp.satisfiedPct(Pspp.frequencies(weighted.table(criterion)))).as(criterion + " weighted")
                    .isCloseTo(figures.get(criterion).estimatePct(), within(1e-4));
        }
        Map<String, Double> kinds = Pspp.frequencies(counts.table("applicant_kind"));
        stored.get("applicant_kind").forEach((code, n) -> assertThat(kinds.get(code)).as(code).isEqualTo(n.doubleValue()));
        assertThat(kinds.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(30);

        // the dictionary: Vietnamese labels whole, the missing-value codes, the 300-byte answer whole
        Pspp.Output dictionary = Pspp.run(directory, """
                GET FILE='export.sav'.
                DISPLAY DICTIONARY.
                SELECT IF (response_id = %d).
                COMPUTE answer_bytes = LENGTH(RTRIM(suggestion)).
                FORMATS answer_bytes (F5.0).
                LIST VARIABLES=response_id suggestion answer_bytes.
                """.formatted(fixture.openAnswer()));
        assertThat(dictionary.errors()).isBlank();
        assertThat(dictionary.table("Variables")).anySatisfy(row -> assertThat(row).startsWith("c13")
                .contains("Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo", "Ordinal", "F1.0", "9; 0"));
        // value → label, the variable's label left out (it stands on the first row of each variable)
        assertThat(dictionary.table("Value Labels").stream().filter(row -> row.size() >= 3).map(row -> row.subList(1, 3)).toList())
                .contains(List.of("ca_nhan", "Người dân tự đi giải quyết công việc"), List.of("5", "Rất hài lòng"),
                        List.of("9[a]", "Không trả lời"), List.of("0[a]", "Không áp dụng"),
                        List.of("CATI", "Phỏng vấn qua điện thoại"), List.of("RXSAV-C1", "Phường Một RXSAV"));
        assertThat(SavWriter.utf8(OPEN_ANSWER).length).isGreaterThan(300);
        assertThat(dictionary.table("Data List")).containsExactly(List.of("response_id", "suggestion", "answer_bytes"),
                List.of(Long.toString(fixture.openAnswer()), OPEN_ANSWER, Integer.toString(SavWriter.utf8(OPEN_ANSWER).length)));
    }

    /** The product's own figures for the accepted responses: what approved results rest on. */
    private Map<String, IndexEstimate> figures(Fixture fixture) {
        long id = fixture.field().campaignId();
        DomainEstimate nation = users.runAs(fixture.field().admin(), () -> estimates.ofResponses(id, decisions.accepted(id),
                Map.of(Series.SAMPLED, List.of(Domain.NATION)))).figures().get(Series.SAMPLED).get(Domain.NATION).domains().get(0);
        Map<String, IndexEstimate> byCode = new HashMap<>();
        nation.figures().forEach(f -> byCode.put(f.index(), f));
        return byCode;
    }

    @Test
    void theCsvIsForExcelWithTheDesignWeightAndWithoutPersonalData() throws Exception {
        Fixture fixture = campaign("RXCSV", 19);
        long id = fixture.field().campaignId();
        byte[] bytes = download("/api/v1/campaigns/" + id + "/responses.csv", fixture);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
        List<String> header = rows.get(0).getParser().getHeaderNames();
        assertThat(header).startsWith("response_id", "campaign_id", "methodology", "methodology_version", "period_from",
                "period_to", "month", "unit_code", "channel", "series", "stratum", "stratum_frame_size", "stratum_responses",
                "design_weight", "applicant_kind").contains("c01", "c22", "suggestion", "e1_expect", "official");
        // accepted only: not the rejected, not the undecided
        assertThat(rows.stream().map(r -> Long.valueOf(r.get("response_id"))).toList())
                .containsExactlyInAnyOrderElementsOf(fixture.accepted());
        // no personal data: no column, and no cell, holds a name, a phone, a token or the interviewer
        assertThat(header).noneMatch(h -> h.matches("(?i).*(name|phone|hash|token|contact|dossier|interviewer|collected|latitude).*"));
        assertThat(text).doesNotContain("Người dân ", "0912", "dtv-rxcsv");
        // the weight is N_h / n_h of the stratum as the approved figures weigh it; the counter ratings have none
        long dossiersPerCommune = 60;
        for (CSVRecord row : rows) {
            if (row.get("series").equals("sampled")) {
                long n = Long.parseLong(row.get("stratum_responses"));
                assertThat(Long.parseLong(row.get("stratum_frame_size"))).isEqualTo(dossiersPerCommune);
                assertThat(Double.parseDouble(row.get("design_weight"))).isCloseTo((double) dossiersPerCommune / n, within(1e-12));
                assertThat(rows.stream().filter(r -> r.get("stratum").equals(row.get("stratum"))).count()).isEqualTo(n);
                assertThat(row.get("channel")).isEqualTo("CATI");
            } else {
                assertThat(row.get("series")).isEqualTo("counter");
                assertThat(row.get("design_weight")).isEmpty();
                assertThat(row.get("stratum")).isEmpty();
            }
            assertThat(row.get("period_from")).isEqualTo("01/01/2025");
            assertThat(row.get("unit_code")).startsWith("RXCSV-C");
        }
        CSVRecord open = rows.stream().filter(r -> r.get("response_id").equals(Long.toString(fixture.openAnswer()))).findFirst().orElseThrow();
        assertThat(open.get("suggestion")).isEqualTo(OPEN_ANSWER);
        assertThat(open.get("month")).isEqualTo("2025-03");
        // a formula typed as an answer reaches the spreadsheet as text
        CSVRecord formula = rows.stream().filter(r -> r.get("response_id").equals(Long.toString(fixture.formula()))).findFirst().orElseThrow();
        assertThat(formula.get("suggestion")).isEqualTo("'" + FORMULA);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'responses.export' AND entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongRequestIsAProblemBeforeAnyByteOfTheFile() throws Exception {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser admin = new CurrentUser("rx-quan-tri", Set.of(Role.ADMIN), nation);
        MvcResult unknown = mvc.perform(get("/api/v1/campaigns/987654321/responses.sav").with(SignedIn.as(admin))).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).doesNotContain(ResponseExportApi.SAV);
        StringBuilder many = new StringBuilder("/api/v1/responses.csv?campaign=1");
        for (int i = 2; i <= ResponseExports.MAX_CAMPAIGNS + 1; i++) {
            many.append("&campaign=").append(i);
        }
        MvcResult tooMany = mvc.perform(get(many.toString()).with(SignedIn.as(admin))).andReturn();
        assertThat(tooMany.getResponse().getStatus()).isEqualTo(422);
        assertThat(tooMany.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("1 to 50 campaigns");
        // a unit's manager sees the figures of the dashboard, never the rows of those who rated the unit
        CurrentUser manager = new CurrentUser("rx-truong-don-vi", Set.of(Role.UNIT_MANAGER), nation);
        assertThat(mvc.perform(get("/api/v1/campaigns/1/responses.csv").with(SignedIn.as(manager))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    /** A small methodology of the test's own: version 1 asks q_keep, q_dropped and q_text; version 2 drops q_dropped and adds q_new. */
    static String methodology(String code, boolean second) {
        return """
                code: %s
                version: 1
                title: {vi: "Phiếu thử xuất dữ liệu qua các phiên bản", en: "Export across versions test form"}
                scales:
                  hl5:
                    levels:
                      - {code: 1, vi: "Rất không hài lòng", en: "Very dissatisfied"}
                      - {code: 2, vi: "Không hài lòng", en: "Dissatisfied"}
                      - {code: 3, vi: "Bình thường", en: "Neutral"}
                      - {code: 4, vi: "Hài lòng", en: "Satisfied"}
                      - {code: 5, vi: "Rất hài lòng", en: "Very satisfied"}
                    satisfied: [4, 5]
                    excluded:
                      - {code: 9, vi: "Không trả lời", en: "No answer"}
                      - {code: 0, vi: "Không áp dụng", en: "Not applicable"}
                sections:
                  - name: main
                    title: {vi: "Đánh giá", en: "Rating"}
                    questions:
                      - {name: q_keep, type: scale hl5, label: {vi: "Thái độ của công chức", en: "The official's attitude"}}
                %s
                      - {name: q_text, type: text, label: {vi: "Góp ý khác", en: "Other suggestions"}}
                index:
                  code: HL
                  label: {vi: "Chỉ số hài lòng", en: "Satisfaction index"}
                  rule: mean
                  children:
                    - {code: q_keep, question: q_keep, rule: share_satisfied}
                %s
                """.formatted(code,
                second ? "      - {name: q_new, type: scale hl5, label: {vi: \"Thời gian giải quyết hồ sơ\", en: \"Handling time\"}}"
                        : "      - {name: q_dropped, type: scale hl5, label: {vi: \"Phí, lệ phí đúng quy định\", en: \"Fees as the rules set\"}}",
                second ? "    - {code: q_new, question: q_new, rule: share_satisfied}"
                        : "    - {code: q_dropped, question: q_dropped, rule: share_satisfied}");
    }

    private void upload(String yaml, FieldworkFixtures.InField anyAdmin) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/methodologies").param("name", "xuat-phien-ban.yaml")
                .contentType(MediaType.parseMediaType("application/yaml")).content(yaml.getBytes(StandardCharsets.UTF_8))
                .with(SignedIn.as(anyAdmin.admin())).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isIn(200, 201);
    }

    /** Stores a phone interview of each of the first {@code n} cases and accepts them all; their ids. */
    private List<Long> interviewedAndAccepted(FieldworkFixtures.InField field, String code, int version, int n,
                                              java.util.function.IntFunction<Map<String, String>> answers) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FieldCase c = field.cases().get(i);
            ids.add(store.store(Submission.of(ResponseChannel.CATI, code, version, c.unitId(), answers.apply(i),
                            Instant.parse("2025-03-05T03:00:00Z")).forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId())
                    .collectedBy("dtv-phien-ban").finished(Instant.parse("2025-03-05T03:20:00Z"), null)).responseId());
        }
        decisions.checkArrivals();
        users.runAs(field.admin(), () -> decisions.decide(field.campaignId(), ids, "ACCEPTED", "Đã phúc tra", "Kiểm thử"));
        return ids;
    }

    @Test
    void aQuestionDroppedInTheNewVersionStaysAColumnOfAnExportAcrossCampaigns() throws Exception {
        String code = "rx-phien-ban";
        // version 1 is uploaded first, used (so frozen) by the first campaign; the upload after it becomes version 2
        FieldworkFixtures.Drafted first = fixtures.drafted("RXVA", "sipas-2017", 20, Map.of("PHONE", 1));
        FieldworkFixtures.InField uploader = new FieldworkFixtures.InField(first.campaignId(), first.province(), first.commune1(),
                first.commune2(), first.admin(), List.of());
        upload(methodology(code, false), uploader);
        FieldworkFixtures.InField older = started(first, code, 1);
        upload(methodology(code, true), uploader);
        FieldworkFixtures.Drafted second = fixtures.drafted("RXVB", "sipas-2017", 20, Map.of("PHONE", 1));
        FieldworkFixtures.InField newer = started(second, code, 2);

        List<Long> olderIds = interviewedAndAccepted(older, code, 1, 4,
                i -> Map.of("q_keep", Integer.toString(1 + i), "q_dropped", i == 3 ? "9" : Integer.toString(5 - i), "q_text", "Ý kiến " + i));
        List<Long> newerIds = interviewedAndAccepted(newer, code, 2, 3, i -> Map.of("q_keep", "4", "q_new", Integer.toString(3 + i)));

        // CSV: every variable either version asked, empty where the campaign did not ask it
        String query = "?campaign=" + older.campaignId() + "&campaign=" + newer.campaignId();
        // the first province's administrator may not export the other province's campaign with it
        assertThat(mvc.perform(get("/api/v1/responses.csv" + query).with(SignedIn.as(older.admin()))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser analyst = new CurrentUser("rx-phan-tich", Set.of(Role.ANALYST), nation);
        byte[] bytes = download("/api/v1/responses.csv" + query, analyst);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        List<String> header = rows.get(0).getParser().getHeaderNames();
        // the newest version's order, the dropped question where it stood in the version that had it
        assertThat(header.subList(header.indexOf("q_keep"), header.size())).containsExactly("q_keep", "q_dropped", "q_new", "q_text");
        assertThat(rows).hasSize(7);
        for (CSVRecord row : rows) {
            boolean old = olderIds.contains(Long.valueOf(row.get("response_id")));
            assertThat(row.get("methodology_version")).isEqualTo(old ? "1" : "2");
            assertThat(row.get("q_dropped").isEmpty()).as("q_dropped of " + row.get("response_id")).isEqualTo(!old);
            assertThat(row.get("q_new").isEmpty()).as("q_new of " + row.get("response_id")).isEqualTo(old);
        }
        assertThat(rows.stream().map(r -> Long.valueOf(r.get("response_id"))).toList())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(olderIds.stream(), newerIds.stream()).toList());

        // .sav: the dropped question is a variable with its labels and missing codes, system-missing for the new campaign
        Pspp.assumeInstalled();
        Files.write(directory.resolve("cross.sav"), download("/api/v1/responses.sav" + query, analyst));
        Pspp.Output output = Pspp.run(directory, """
                GET FILE='cross.sav'.
                DISPLAY DICTIONARY.
                LIST VARIABLES=campaign_id methodology_version q_keep q_dropped q_new q_text.
                """);
        assertThat(output.errors()).isBlank();
        assertThat(output.table("Variables")).anySatisfy(row -> assertThat(row).startsWith("q_dropped")
                .contains("Phí, lệ phí đúng quy định", "Ordinal", "9; 0"));
        List<List<String>> listed = output.table("Data List");
        String a = Long.toString(older.campaignId());
        String b = Long.toString(newer.campaignId());
        assertThat(listed).containsExactly(
                List.of("campaign_id", "methodology_version", "q_keep", "q_dropped", "q_new", "q_text"),
                List.of(a, "1", "1", "5", ".", "Ý kiến 0"),
                List.of(a, "1", "2", "4", ".", "Ý kiến 1"),
                List.of(a, "1", "3", "3", ".", "Ý kiến 2"),
                List.of(a, "1", "4", "9", ".", "Ý kiến 3"),
                List.of(b, "2", "4", ".", "3", ""),
                List.of(b, "2", "4", ".", "4", ""),
                List.of(b, "2", "4", ".", "5", ""));
    }

    /** A drafted campaign moved to version {@code version} of {@code code}, drawn and in the field. */
    private FieldworkFixtures.InField started(FieldworkFixtures.Drafted drafted, String code, int version) {
        jdbc.sql("UPDATE campaign SET methodology_code = :code, methodology_version = :v WHERE id = :id")
                .param("code", code).param("v", version).param("id", drafted.campaignId()).update();
        users.runAs(drafted.admin(), () -> campaigns.draw(drafted.campaignId(), 1L));
        fixtures.approveSample(drafted);
        users.runAs(drafted.admin(), () -> {
            campaigns.startFieldwork(drafted.campaignId());
            return null;
        });
        return new FieldworkFixtures.InField(drafted.campaignId(), drafted.province(), drafted.commune1(), drafted.commune2(),
                drafted.admin(), fieldCases.of(drafted.campaignId(), null));
    }
}
