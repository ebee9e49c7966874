package org.sipas.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.catalog.CatalogCodes;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.GradeBands;
import org.sipas.index.Series;
import org.sipas.reporting.Snapshot;
import org.sipas.reporting.SnapshotLineage;
import org.sipas.reporting.SnapshotVersion;
import org.sipas.web.CsvWriter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The open data: published results as JSON and CSV for anyone, read-only, versioned by snapshot (a
 * version's figures never change, so its addresses can be cited and cached), with the portal's
 * suppression rule applied. Nothing personal is here: no respondent, no contact, no official, not
 * even the staff who prepared or approved (the campaign's issuing body is the authority).
 */
@RestController
@RequestMapping("/api/v1/public")
@SecurityRequirements
@Tag(name = "Open data", description = "Dữ liệu mở: kết quả đã công bố, theo phiên bản, không cần đăng nhập")
class OpenDataApi {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
    private static final CacheControl LIST = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final PublishedResults published;
    private final PortalFigures figures;
    private final CatalogCodes catalog;

    OpenDataApi(PublishedResults published, PortalFigures figures, CatalogCodes catalog) {
        this.published = published;
        this.figures = figures;
        this.catalog = catalog;
    }

    /** A published campaign and its versions. */
    record PublishedCampaign(long campaignId, String name, LocalDate periodFrom, LocalDate periodTo, String scopeUnitCode,
                             String scopeUnitName, String methodologyCode, int methodologyVersion, int latestVersion,
                             List<Version> versions) {
    }

    /** One published version: its snapshot id, when it was approved and what changed from the one before. */
    record Version(int version, long snapshotId, Instant approvedAt, String whatChanged, int figuresChanged) {
    }

    /** A version's description: what it is of, how it was made, and the minimum n below which figures are withheld. */
    record VersionDetail(long campaignId, String name, int version, long snapshotId, Instant approvedAt, String whatChanged,
                         LocalDate periodFrom, LocalDate periodTo, String scopeUnitCode, String scopeUnitName,
                         String methodologyCode, int methodologyVersion, int minimumN, List<Grade> grades, Lineage lineage,
                         Map<String, List<String>> figures) {
    }

    /** A grade band in force at approval. */
    record Grade(String code, String labelVi, String labelEn, double minimumPct) {
    }

    /** The lineage of a version's figures (DESIGN §5): the sample, the responses counted, quality control. */
    record Lineage(Long sampleSeed, Instant sampledAt, Instant computedAt, long responsesCounted, String countedDigest,
                   long accepted, long rejected, long undecided, Map<String, Long> recheckOutcomes, int strata) {
    }

    /** The figures of one series and kind of domain. */
    record Figures(long campaignId, int version, long snapshotId, String series, boolean randomSample, String domain,
                   int minimumN, List<Area> domains) {
    }

    /** One domain's figures; {@code suppressed} when its n is under the minimum, then every percentage is null. */
    record Area(String code, String name, long n, boolean suppressed, List<PortalFigures.IndexRow> figures) {
    }

    /** A province as the open data names it. */
    record Province(String code, String name, String nameEn) {
    }

    @Operation(summary = "Published campaigns, newest approval first, each with its published versions")
    @GetMapping("/campaigns")
    ResponseEntity<List<PublishedCampaign>> campaigns() {
        List<PublishedCampaign> out = published.latest().stream().map(s -> new PublishedCampaign(s.campaignId(), s.campaignName(),
                s.periodFrom(), s.periodTo(), s.scopeUnitCode(), s.scopeUnitName(), s.methodologyCode(), s.methodologyVersion(),
                s.version(), versions(s.campaignId()))).toList();
        return ResponseEntity.ok().cacheControl(LIST).body(out);
    }

    @Operation(summary = "The published versions of one campaign, newest first")
    @GetMapping("/campaigns/{id}/versions")
    ResponseEntity<List<Version>> versionList(@PathVariable long id) {
        List<Version> versions = versions(id);
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "campaign " + id + " has no published results");
        }
        return ResponseEntity.ok().cacheControl(LIST).body(versions);
    }

    @Operation(summary = "One published version: what it covers, its lineage, grades, and which figures it holds")
    @GetMapping("/campaigns/{id}/versions/{version}")
    ResponseEntity<VersionDetail> version(@PathVariable long id, @PathVariable int version, WebRequest request) {
        Snapshot s = snapshot(id, version);
        if (request.checkNotModified(etag(s, "detail"))) {
            return null;
        }
        GradeBands bands = s.gradeBands() == null ? GradeBands.NONE : s.gradeBands();
        SnapshotLineage l = s.lineage();
        Map<String, List<String>> held = new java.util.TreeMap<>();
        s.figures().forEach((series, byDomain) -> held.put(series.name().toLowerCase(Locale.ROOT),
                byDomain.keySet().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).sorted().toList()));
        return ResponseEntity.ok().cacheControl(VERSIONED).eTag(etag(s, "detail")).body(new VersionDetail(s.campaignId(),
                s.campaignName(), s.version(), s.id(), s.approvedAt(), s.whatChanged(), s.periodFrom(), s.periodTo(),
                s.scopeUnitCode(), s.scopeUnitName(), s.methodologyCode(), s.methodologyVersion(), figures.minimumN(),
                bands.bands().stream().map(b -> new Grade(b.code(), b.label().vi(), b.label().en(), b.minimumPct())).toList(),
                new Lineage(l.sampleSeed(), l.sampledAt(), l.computedAt(), l.responsesCounted(), l.countedDigest(), l.accepted(),
                        l.rejected(), l.undecided(), l.recheckOutcomes(), l.strata().size()), held));
    }

    @Operation(summary = "A version's figures for one series and kind of domain, every node of the index tree",
            description = "Domains under the minimum n are suppressed: n is given, every percentage is null. The counter and "
                    + "portal series are not random samples (randomSample false): their estimates are plain shares, without CI.")
    @GetMapping(path = "/campaigns/{id}/versions/{version}/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Figures> figures(@PathVariable long id, @PathVariable int version,
                                    @RequestParam(defaultValue = "nation") @Parameter(description = "nation, province, unit, children, month, procedure, channel, respondent") String domain,
                                    @RequestParam(defaultValue = "sampled") @Parameter(description = "sampled, counter or portal") String series,
                                    @RequestParam(defaultValue = "vi") @Parameter(description = "language of the labels: vi or en") String lang,
                                    WebRequest request) {
        Snapshot s = snapshot(id, version);
        String tag = etag(s, series + "-" + domain + "-" + lang);
        if (request.checkNotModified(tag)) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(VERSIONED).eTag(tag).body(figuresOf(s, series(series), domain(domain), locale(lang)));
    }

    @Operation(summary = "The same figures as CSV (UTF-8 with BOM, one row per domain and index node)")
    @GetMapping(path = "/campaigns/{id}/versions/{version}/figures.csv")
    ResponseEntity<byte[]> figuresCsv(@PathVariable long id, @PathVariable int version,
                                      @RequestParam(defaultValue = "nation") String domain,
                                      @RequestParam(defaultValue = "sampled") String series,
                                      @RequestParam(defaultValue = "vi") String lang) {
        Snapshot s = snapshot(id, version);
        Figures f = figuresOf(s, series(series), domain(domain), locale(lang));
        List<List<?>> rows = new ArrayList<>();
        for (Area a : f.domains()) {
            for (PortalFigures.IndexRow r : a.figures()) {
                rows.add(java.util.Arrays.asList(f.series(), f.randomSample(), f.domain(), a.code(), a.name(), r.code(), r.label(),
                        r.level(), a.n(), a.suppressed(), r.estimate(), r.se(), r.low(), r.high(), r.unweighted()));
            }
        }
        return csv(s, "figures-" + series + "-" + domain, List.of("series", "random_sample", "domain_kind", "domain", "domain_name",
                "index", "index_label", "level", "n", "suppressed", "estimate_pct", "se_pct", "ci95_low", "ci95_high",
                "unweighted_pct"), rows);
    }

    @Operation(summary = "A version's ranking of provinces or units by the overall index, with grades, as CSV")
    @GetMapping(path = "/campaigns/{id}/versions/{version}/ranking.csv")
    ResponseEntity<byte[]> rankingCsv(@PathVariable long id, @PathVariable int version,
                                      @RequestParam(defaultValue = "province") @Parameter(description = "province or unit") String domain,
                                      @RequestParam(defaultValue = "vi") String lang) {
        Snapshot s = snapshot(id, version);
        Domain kind = domain(domain);
        if (kind != Domain.PROVINCE && kind != Domain.UNIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a ranking is of provinces or units: " + domain);
        }
        List<List<?>> rows = new ArrayList<>();
        for (PortalFigures.AreaRow r : figures.ranked(s, PortalFigures.domains(s, Series.SAMPLED, kind), locale(lang))) {
            rows.add(java.util.Arrays.asList(r.rank(), r.bestRank(), r.worstRank(), r.code(), r.name(), r.n(), r.suppressed(),
                    r.estimate(), r.low(), r.high(), r.gradeCode(), r.grade()));
        }
        return csv(s, "ranking-" + domain, List.of("rank", "best_rank", "worst_rank", "code", "name", "n", "suppressed",
                "estimate_pct", "ci95_low", "ci95_high", "grade_code", "grade"), rows);
    }

    @Operation(summary = "A version's sample: each stratum's frame size N_h, responses n_h and design weight, as CSV")
    @GetMapping(path = "/campaigns/{id}/versions/{version}/sample.csv")
    ResponseEntity<byte[]> sampleCsv(@PathVariable long id, @PathVariable int version) {
        Snapshot s = snapshot(id, version);
        List<List<?>> rows = new ArrayList<>();
        for (SnapshotLineage.StratumWeight h : s.lineage().strata()) {
            rows.add(java.util.Arrays.asList(h.stratum(), h.unitCode(), h.unitName(), h.procedureCode(), h.frameSize(),
                    h.responses(), h.weight()));
        }
        return csv(s, "sample", List.of("stratum", "unit_code", "unit_name", "procedure_code", "frame_size_N_h",
                "responses_n_h", "weight"), rows);
    }

    /** A point of a trend. */
    record TrendPoint(long campaignId, String name, LocalDate periodFrom, LocalDate periodTo, int version, long snapshotId,
                      long n, boolean suppressed, Double estimatePct, Double ci95Low, Double ci95High) {
    }

    @Operation(summary = "The overall index of every published campaign of the same methodology and scope as this one, oldest first")
    @GetMapping(path = "/campaigns/{id}/trend", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<TrendPoint>> trend(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(LIST).body(trendOf(id));
    }

    @Operation(summary = "The same trend as CSV")
    @GetMapping(path = "/campaigns/{id}/trend.csv")
    ResponseEntity<byte[]> trendCsv(@PathVariable long id) {
        Snapshot s = snapshot(id, null);
        List<List<?>> rows = new ArrayList<>();
        for (TrendPoint p : trendOf(id)) {
            rows.add(java.util.Arrays.asList(p.campaignId(), p.name(), p.periodFrom().toString(), p.periodTo().toString(),
                    p.version(), p.snapshotId(), p.n(), p.suppressed(), p.estimatePct(), p.ci95Low(), p.ci95High()));
        }
        return csv(s, "trend", List.of("campaign_id", "campaign", "period_from", "period_to", "version", "snapshot_id", "n",
                "suppressed", "estimate_pct", "ci95_low", "ci95_high"), rows);
    }

    @Operation(summary = "The provinces and cities (after the 2025 reorganisation) with their codes and names")
    @GetMapping("/provinces")
    ResponseEntity<List<Province>> provinces() {
        return ResponseEntity.ok().cacheControl(LIST)
                .body(catalog.provinces().stream().map(p -> new Province(p.code(), p.name(), p.nameEn())).toList());
    }

    private List<TrendPoint> trendOf(long id) {
        Snapshot s = snapshot(id, null);
        List<Snapshot> series = published.sameSeries(s);
        List<PortalFigures.TrendPoint> points = figures.trend(series);
        List<TrendPoint> out = new ArrayList<>();
        for (PortalFigures.TrendPoint p : points) {
            long snapshotId = series.stream().filter(x -> x.campaignId() == p.campaignId()).findFirst().orElseThrow().id();
            out.add(new TrendPoint(p.campaignId(), p.campaign(), p.from(), p.to(), p.version(), snapshotId, p.n(), p.suppressed(),
                    p.estimate(), p.low(), p.high()));
        }
        return out;
    }

    private Figures figuresOf(Snapshot s, Series series, Domain domain, Locale locale) {
        if (s.figures(series, domain) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "version " + s.version() + " holds no " + series.name().toLowerCase(Locale.ROOT)
                    + " figures by " + domain.name().toLowerCase(Locale.ROOT));
        }
        List<Area> areas = new ArrayList<>();
        for (DomainEstimate d : PortalFigures.domains(s, series, domain)) {
            areas.add(new Area(d.code(), d.name(), d.n(), figures.suppressed(d.n()), figures.indexRows(s, d, locale)));
        }
        return new Figures(s.campaignId(), s.version(), s.id(), series.name().toLowerCase(Locale.ROOT), series.isRandomSample(),
                domain.name().toLowerCase(Locale.ROOT), figures.minimumN(), areas);
    }

    private List<Version> versions(long campaignId) {
        return published.versions(campaignId).stream()
                .map((SnapshotVersion v) -> new Version(v.version(), v.snapshotId(), v.approvedAt(), v.whatChanged(), v.changed()))
                .toList();
    }

    private Snapshot snapshot(long id, Integer version) {
        return published.version(id, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                version == null ? "campaign " + id + " has no published results" : "campaign " + id + " has no published version " + version));
    }

    private ResponseEntity<byte[]> csv(Snapshot s, String name, List<String> header, List<? extends List<?>> rows) {
        return ResponseEntity.ok().contentType(CSV).cacheControl(VERSIONED)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sipas-" + s.campaignId() + "-v" + s.version() + "-"
                        + name + ".csv\"")
                .body(CsvWriter.table(header, rows, true));
    }

    private static String etag(Snapshot s, String what) {
        return "\"" + s.id() + "." + s.version() + "-" + what + "\"";
    }

    private static Series series(String code) {
        try {
            return Series.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "series must be sampled, counter or portal: " + code);
        }
    }

    private static Domain domain(String code) {
        try {
            return Domain.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown domain: " + code);
        }
    }

    private static Locale locale(String lang) {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }
}
