package org.sipas.portal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.articles.PublishedArticles;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.Percent;
import org.sipas.index.Series;
import org.sipas.indexdb.IndexDefinitions;
import org.sipas.indexdb.IndexValues;
import org.sipas.reporting.Snapshot;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public portal's pages: no log-in, everything read from published snapshots, each page rendered
 * once and served with an ETag ({@link RenderedPages}). A page of the latest version may change at
 * the next correction, so browsers keep it five minutes; a page of a named past version is kept a day.
 */
@Controller
class PublicPagesController {

    private static final CacheControl LATEST = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final int HOME_ARTICLES = 5;
    /** The index of the home's national trend, and the unit it is of (the nation, root of the units tree). */
    private static final String NATIONAL_INDEX = "sipas";
    private static final String NATION = "VN";
    private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final PublishedResults published;
    private final PortalFigures figures;
    private final ProvinceBoundaries boundaries;
    private final RenderedPages pages;
    private final MessageSource messages;
    private final PublishedArticles articles;
    private final IndexValues indexValues;
    private final IndexDefinitions indexDefinitions;

    PublicPagesController(PublishedResults published, PortalFigures figures, ProvinceBoundaries boundaries, RenderedPages pages,
                     MessageSource messages, PublishedArticles articles, IndexValues indexValues, IndexDefinitions indexDefinitions) {
        this.articles = articles;
        this.indexValues = indexValues;
        this.indexDefinitions = indexDefinitions;
        this.published = published;
        this.figures = figures;
        this.boundaries = boundaries;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/portal")
    ResponseEntity<byte[]> home(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        List<Snapshot> latest = published.latest();
        String ids = versionsOf(latest);
        Optional<MapOutline> outline = boundaries.outline();
        // the latest articles are on the home page too: a publication, a change or a scheduled one whose time came is a new page
        String articleState = articles.state();
        // the national series of the index database is on it too: an import or a fed publication is a new page
        String nationalState = indexValues.stamp(NATIONAL_INDEX);
        String key = "home|" + ids + "|" + outline.map(MapOutline::boundariesId).orElse(0L) + "|" + articleState + "|" + nationalState;
        return pages.serve(key, (latest.isEmpty() ? "none" : latest.get(0).id() + "." + latest.get(0).version())
                        + "." + (articleState + "." + nationalState).replaceAll("[^A-Za-z0-9]", ""),
                "portal/home", () -> {
                    Map<String, Object> model = common(locale);
                    model.put("articles", articles.latest(locale.getLanguage(), HOME_ARTICLES));
                    model.put("national", national());
                    model.put("campaigns", latest.stream().map(s -> new Headline(s, figures.overall(s, Series.SAMPLED, locale)
                            .orElse(null))).toList());
                    if (!latest.isEmpty()) {
                        Snapshot newest = latest.get(0);
                        campaignFigures(model, newest, locale, outline);
                        model.put("trend", figures.trend(published.sameSeries(newest)));
                    }
                    return model;
                }, locale, LATEST, request, response);
    }

    /** One year of the national SIPAS series: the index's value and where it comes from (published, surveyed). */
    record NationalPoint(int year, BigDecimal value, String source) {
    }

    /** The national SIPAS series of the index database, oldest year first (empty without the index or figures). */
    private List<NationalPoint> national() {
        return indexDefinitions.latest(NATIONAL_INDEX).map(sipas -> indexValues.trend(NATIONAL_INDEX, NATION).stream()
                        .filter(f -> f.total(sipas) != null)
                        .map(f -> new NationalPoint(f.year(), f.total(sipas), f.source().name())).toList())
                .orElse(List.of());
    }

    /** A campaign on the home page's list: its snapshot and overall figure. */
    record Headline(Snapshot snapshot, PortalFigures.AreaRow overall) {
    }

    @GetMapping("/portal/campaigns/{id}")
    ResponseEntity<byte[]> campaign(@PathVariable long id, @RequestParam(required = false) Integer version, Locale locale,
                                    HttpServletRequest request, HttpServletResponse response) {
        Snapshot s = snapshot(id, version);
        Optional<MapOutline> outline = boundaries.outline();
        // the page shows the trend of its series too: another campaign's publication or correction is a new page
        List<Snapshot> series = published.sameSeries(s);
        return pages.serve("campaign|" + s.id() + "|" + outline.map(MapOutline::boundariesId).orElse(0L) + "|" + (version == null)
                        + "|" + versionsOf(series) + "|" + published.versions(id).size(),
                s.id() + "." + s.version(), "portal/campaign", () -> {
                    Map<String, Object> model = common(locale);
                    campaignFigures(model, s, locale, outline);
                    model.put("versions", published.versions(id));
                    model.put("trend", figures.trend(series));
                    model.put("counter", figures.overall(s, Series.COUNTER, locale).orElse(null));
                    model.put("portalSeries", figures.overall(s, Series.PORTAL, locale).orElse(null));
                    model.put("pinned", version != null);
                    return model;
                }, locale, version == null ? LATEST : VERSIONED, request, response);
    }

    @GetMapping("/portal/campaigns/{id}/provinces/{code}")
    ResponseEntity<byte[]> province(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Integer version,
                                    Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Snapshot s = snapshot(id, version);
        DomainEstimate province = PortalFigures.domain(s, Series.SAMPLED, Domain.PROVINCE, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no published figure of province " + code));
        return pages.serve("province|" + s.id() + "|" + code + "|" + (version == null), s.id() + "." + s.version(),
                "portal/area", () -> {
                    Map<String, Object> model = common(locale);
                    model.put("s", s);
                    model.put("pinned", version != null);
                    model.put("kind", "province");
                    model.put("area", province);
                    model.put("suppressed", figures.suppressed(province.n()));
                    model.put("indexRows", figures.indexRows(s, province, locale));
                    model.put("units", figures.ranked(s, figures.unitsOf(s, code), locale));
                    return model;
                }, locale, version == null ? LATEST : VERSIONED, request, response);
    }

    @GetMapping("/portal/campaigns/{id}/units/{code}")
    ResponseEntity<byte[]> unit(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Integer version,
                                Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Snapshot s = snapshot(id, version);
        DomainEstimate unit = PortalFigures.domain(s, Series.SAMPLED, Domain.UNIT, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no published figure of unit " + code));
        return pages.serve("unit|" + s.id() + "|" + code + "|" + (version == null), s.id() + "." + s.version(),
                "portal/area", () -> {
                    Map<String, Object> model = common(locale);
                    model.put("s", s);
                    model.put("pinned", version != null);
                    model.put("kind", "unit");
                    model.put("area", unit);
                    model.put("suppressed", figures.suppressed(unit.n()));
                    model.put("indexRows", figures.indexRows(s, unit, locale));
                    model.put("units", List.of());
                    model.put("counterUnit", PortalFigures.domain(s, Series.COUNTER, Domain.UNIT, code).orElse(null));
                    return model;
                }, locale, version == null ? LATEST : VERSIONED, request, response);
    }

    @GetMapping("/portal/campaigns/{id}/method")
    ResponseEntity<byte[]> method(@PathVariable long id, @RequestParam(required = false) Integer version, Locale locale,
                                  HttpServletRequest request, HttpServletResponse response) {
        Snapshot s = snapshot(id, version);
        return pages.serve("method|" + s.id() + "|" + (version == null), s.id() + "." + s.version(), "portal/method", () -> {
            Map<String, Object> model = common(locale);
            model.put("s", s);
            model.put("pinned", version != null);
            model.put("methodology", figures.methodology(s).orElse(null));
            return model;
        }, locale, version == null ? LATEST : VERSIONED, request, response);
    }

    /** The snapshots a page shows, as a part of its key: {@code 12.1,14.2}. */
    private static String versionsOf(List<Snapshot> snapshots) {
        return snapshots.stream().map(s -> s.id() + "." + s.version()).collect(Collectors.joining(","));
    }

    private Snapshot snapshot(long id, Integer version) {
        return published.version(id, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                version == null ? "campaign " + id + " has no published results" : "campaign " + id + " has no published version " + version));
    }

    private void campaignFigures(Map<String, Object> model, Snapshot s, Locale locale, Optional<MapOutline> outline) {
        model.put("s", s);
        List<DomainEstimate> nation = PortalFigures.domains(s, Series.SAMPLED, Domain.NATION);
        model.put("indexRows", nation.isEmpty() ? List.of() : figures.indexRows(s, nation.get(0), locale));
        model.put("overall", figures.overall(s, Series.SAMPLED, locale).orElse(null));
        List<PortalFigures.AreaRow> provinces = figures.ranked(s, PortalFigures.domains(s, Series.SAMPLED, Domain.PROVINCE), locale);
        model.put("provinces", provinces);
        model.put("units", figures.ranked(s, PortalFigures.domains(s, Series.SAMPLED, Domain.UNIT), locale));
        model.put("legend", figures.legend(s, locale, messages.getMessage("portal.map.noFigure", null, locale)));
        Map<String, PortalFigures.AreaRow> byCode = new HashMap<>();
        provinces.forEach(p -> byCode.put(p.code(), p));
        model.put("map", outline.map(o -> MapView.of(o, byCode, locale)).orElse(null));
    }

    private Map<String, Object> common(Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("pct", new Percent(locale));
        model.put("minimumN", figures.minimumN());
        return model;
    }
}
