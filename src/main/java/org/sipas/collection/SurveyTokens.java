package org.sipas.collection;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.sipas.campaign.FieldCase;
import org.sipas.methodology.Methodologies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey tokens: the random, single-use keys in the links and QR codes that let a citizen answer
 * a questionnaire at {@code /s/{token}} without logging in (DESIGN §8).
 */
@Service
public class SurveyTokens {

    /**
     * How long a link stays open from its issue. A campaign's token keeps the same 60 days rather
     * than running to the campaign's period end plus a window: fieldwork starts after the period
     * it samples (the period is when the dossiers were received), so its end says nothing about
     * when a respondent can answer. A campaign token also closes when its campaign leaves the field.
     */
    static final Duration VALIDITY = Duration.ofDays(60);
    /** An open-portal sitting is answered there and then: a week covers an interrupted one. */
    static final Duration PORTAL_VALIDITY = Duration.ofDays(7);

    /** A token as handed out: the key of the link and until when it may be answered. */
    public record Issued(String token, Instant expiresAt) {
    }
    /** 144 random bits: base64url without padding, 24 characters, beyond guessing. */
    private static final int TOKEN_BYTES = 18;

    private final JdbcClient jdbc;
    private final Methodologies methodologies;
    private final SecureRandom random = new SecureRandom();

    private final Gathering<String, Optional<SurveyToken>> reads = new Gathering<>("token-reader", this::findAll, 2, 200);
    /**
     * Off ({@code sipas.collection.gather-token-reads=false}), each submit reads its own token. The
     * readers are started also when off, and the switch can be turned while the server runs, so that
     * ResponseBenchmark can measure both ways in one run ({@code bench.variants}).
     */
    private volatile boolean gatheringReads;
    /**
     * One reader: a batch is what queued during the statement before, so with two readers each
     * statement carried half as many first visits (PageBenchmark: 4 a statement at 14,000 pages/s,
     * each statement JDBC's and a PostgreSQL backend's work on the same cores as the pages).
     */
    private final Gathering<String, Optional<Opening>> openings = new Gathering<>("first-step-reader", this::openingsOf, 1, 200);

    /** A token as the first step of its questionnaire needs it: the token, and whether answers were kept for it yet. */
    record Opening(SurveyToken token, boolean drafted) {
    }

    SurveyTokens(JdbcClient jdbc, Methodologies methodologies,
                 @Value("${sipas.collection.gather-token-reads}") boolean gatheringReads) {
        this.jdbc = jdbc;
        this.methodologies = methodologies;
        this.gatheringReads = gatheringReads;
    }

    /**
     * Issues a token to answer version {@code version} of methodology {@code methodologyCode} on
     * the web, about a dossier and the unit that served it when known. The version is frozen:
     * answers will be stored against its questions and codes, which must never change under them.
     *
     * @return the token, to be put in the respondent's link
     */
    @Transactional
    public String issue(String methodologyCode, int version, Long dossierId, Long unitId) {
        requireFrozen(methodologyCode, version);
        String token = newToken();
        jdbc.sql("""
                        INSERT INTO survey_token (token, methodology_code, methodology_version, dossier_id, unit_id, channel, expires_at)
                        VALUES (:token, :code, :version, :dossier, :unit, 'WEB', :expires)""")
                .param("token", token).param("code", methodologyCode).param("version", version)
                .param("dossier", dossierId).param("unit", unitId)
                .param("expires", Timestamp.from(Instant.now().plus(VALIDITY)))
                .update();
        return token;
    }

    /**
     * The links of sampled cases, one per case: a case that has its token keeps it (asking again
     * returns the same token, also when two callers ask at once: the unique key on the case
     * decides), a case without one gets a new one, about the case's dossier and unit, in its
     * campaign, for the campaign's methodology version.
     *
     * @return case id → its token, for every case given
     */
    @Transactional
    public Map<Long, Issued> forCases(List<FieldCase> cases) {
        if (cases.isEmpty()) {
            return Map.of();
        }
        Map<String, List<FieldCase>> byVersion = cases.stream().collect(Collectors.groupingBy(
                c -> c.methodologyCode() + '\u0000' + c.methodologyVersion(), LinkedHashMap::new, Collectors.toList()));
        Timestamp expires = Timestamp.from(Instant.now().plus(VALIDITY));
        for (List<FieldCase> same : byVersion.values()) {
            FieldCase first = same.get(0);
            requireFrozen(first.methodologyCode(), first.methodologyVersion());
            jdbc.sql("""
                            INSERT INTO survey_token (token, methodology_code, methodology_version, dossier_id, unit_id, channel,
                                                      expires_at, campaign_id, sample_member_id)
                            SELECT t.token, :code, :version, t.dossier, t.unit, 'WEB', :expires, t.campaign, t.member
                            FROM unnest(CAST(:tokens AS text[]), CAST(:dossiers AS bigint[]), CAST(:units AS bigint[]),
                                        CAST(:campaigns AS bigint[]), CAST(:members AS bigint[]))
                                 AS t(token, dossier, unit, campaign, member)
                            ON CONFLICT (sample_member_id) DO NOTHING""")
                    .param("code", first.methodologyCode()).param("version", first.methodologyVersion())
                    .param("expires", expires)
                    .param("tokens", array(same.stream().map(c -> newToken()).toList()))
                    .param("dossiers", array(same.stream().map(c -> Long.toString(c.dossierId())).toList()))
                    .param("units", array(same.stream().map(c -> Long.toString(c.unitId())).toList()))
                    .param("campaigns", array(same.stream().map(c -> Long.toString(c.campaignId())).toList()))
                    .param("members", array(same.stream().map(c -> Long.toString(c.id())).toList()))
                    .update();
        }
        Map<Long, Issued> issued = new LinkedHashMap<>();
        jdbc.sql("SELECT sample_member_id, token, expires_at FROM survey_token WHERE sample_member_id = ANY (CAST(:members AS bigint[]))")
                .param("members", array(cases.stream().map(c -> Long.toString(c.id())).toList()))
                .query(rs -> {
                    issued.put(rs.getLong(1), new Issued(rs.getString(2), rs.getTimestamp(3).toInstant()));
                });
        return issued;
    }

    /** The link of one sampled case: its token if it has one, a new one otherwise. */
    public Issued forCase(FieldCase fieldCase) {
        return forCases(List.of(fieldCase)).get(fieldCase.id());
    }

    /**
     * A sitting of a campaign's open portal survey, for a respondent who gave a phone number
     * (kept only as its keyed hash): a new token each time, so nobody who knows a number can open
     * another person's unfinished answers; the store's one-answer-per-phone key decides at submit.
     */
    @Transactional
    public Issued forPortal(long campaignId, String methodologyCode, int version, long unitId, String respondentHash) {
        requireFrozen(methodologyCode, version);
        String token = newToken();
        Instant expires = Instant.now().plus(PORTAL_VALIDITY);
        jdbc.sql("""
                        INSERT INTO survey_token (token, methodology_code, methodology_version, unit_id, channel, expires_at,
                                                  campaign_id, respondent_hash)
                        VALUES (:token, :code, :version, :unit, 'PORTAL', :expires, :campaign, :hash)""")
                .param("token", token).param("code", methodologyCode).param("version", version).param("unit", unitId)
                .param("expires", Timestamp.from(expires)).param("campaign", campaignId).param("hash", respondentHash)
                .update();
        return new Issued(token, expires);
    }

    private void requireFrozen(String methodologyCode, int version) {
        methodologies.find(methodologyCode, version).orElseThrow(() -> new IllegalArgumentException(
                "No methodology " + methodologyCode + " version " + version + " to issue a survey token for"));
        methodologies.freeze(methodologyCode, version);
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A PostgreSQL array literal of values with no comma, quote or brace (ids, base64url tokens). */
    private static String array(List<String> values) {
        return values.stream().collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * As {@link #find}, read in one query with the tokens other requests ask for at the same moment:
     * for the token API, where each response posted starts by reading its token.
     */
    Optional<SurveyToken> findAmongOthers(String token) {
        return gatheringReads ? reads.call(token) : find(token);
    }

    /** On: {@link #findAmongOthers} gathers; off: it reads alone. */
    void gatherReads(boolean on) {
        gatheringReads = on;
    }

    private List<Optional<SurveyToken>> findAll(List<String> tokens) {
        Map<String, SurveyToken> found = new HashMap<>();
        jdbc.sql(SELECT_TOKEN + "WHERE token = ANY (:tokens)")
                .param("tokens", tokens.toArray(String[]::new)).query(SurveyTokens::row)
                .list().forEach(t -> found.put(t.token(), t));
        return tokens.stream().map(t -> Optional.ofNullable(found.get(t))).toList();
    }

    /**
     * The token and whether it has a draft, in one statement with the tokens other first visits ask
     * for at the same moment: for {@link FirstSteps}, where a crowd from a QR campaign opens its links.
     */
    Optional<Opening> openingAmongOthers(String token) {
        return openings.call(token);
    }

    private List<Optional<Opening>> openingsOf(List<String> tokens) {
        Map<String, Opening> found = new HashMap<>();
        jdbc.sql("SELECT " + TOKEN_COLUMNS
                        + ", EXISTS (SELECT 1 FROM response_draft d WHERE d.token = survey_token.token) AS drafted"
                        + " FROM survey_token WHERE token = ANY (:tokens)")
                .param("tokens", tokens.toArray(String[]::new))
                .query((rs, n) -> new Opening(row(rs, n), rs.getBoolean("drafted")))
                .list().forEach(o -> found.put(o.token().token(), o));
        return tokens.stream().map(t -> Optional.ofNullable(found.get(t))).toList();
    }

    @PreDestroy
    void stopReading() {
        reads.close();
        openings.close();
    }

    Optional<SurveyToken> find(String token) {
        return jdbc.sql(SELECT_TOKEN + "WHERE token = :token").param("token", token).query(SurveyTokens::row).optional();
    }

    /** What {@link #row} reads. */
    private static final String TOKEN_COLUMNS = """
            token, methodology_code, methodology_version, dossier_id, unit_id, channel, expires_at, used_at,
            campaign_id, sample_member_id, respondent_hash""";
    private static final String SELECT_TOKEN = "SELECT " + TOKEN_COLUMNS + " FROM survey_token ";

    private static SurveyToken row(ResultSet rs, int n) throws SQLException {
        return new SurveyToken(rs.getString("token"), rs.getString("methodology_code"), rs.getInt("methodology_version"),
                rs.getObject("dossier_id", Long.class), rs.getObject("unit_id", Long.class), rs.getString("channel"),
                rs.getTimestamp("expires_at").toInstant(), Optional.ofNullable(rs.getTimestamp("used_at"))
                .map(Timestamp::toInstant).orElse(null), rs.getObject("campaign_id", Long.class),
                rs.getObject("sample_member_id", Long.class), rs.getString("respondent_hash"));
    }
}
