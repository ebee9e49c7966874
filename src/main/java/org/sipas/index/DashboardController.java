package org.sipas.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCases;
import org.sipas.catalog.CatalogCodes;
import org.sipas.collection.rates.ResponseRates;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A campaign's dashboard within the caller's scope: the subtree's index with its CI, its elements
 * and criteria, the drill-down to the children (breadcrumbs back up), progress against the
 * allocation and the response rates, the trend by month, breakdowns by procedure, channel,
 * respondent type and official, and the counter and portal series beside the sampled one. Every
 * chart is drawn by a script from the table beside it; while the campaign is in the field the
 * figures follow the tallies by server-sent events, and without JavaScript the page refreshes itself.
 */
@Controller
@PreAuthorize(DashboardController.RESULT_READERS)
class DashboardController {

    /**
     * Who reads a campaign's interim results (dashboards, the estimates API): not the interviewers,
     * data entry clerks or re-checkers, whose work a figure seen during fieldwork could steer, and not
     * an integration's key; everyone reads the published figures on the portal.
     */
    static final String RESULT_READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";


    private static final String VIEW = "index/dashboard";

    /** One breakdown: its estimates, with the labels of its values. */
    record Breakdown(Domain domain, CampaignEstimates estimates) {
    }

    /** A child of the subtree with its progress: allocated sample, responses, share. */
    record Child(DomainEstimate estimate, int allocated) {
        public Double progress() {
            return allocated == 0 ? null : 100.0 * estimate.n() / allocated;
        }
    }

    /** A child's place among its siblings, with its grade (and the grades its interval reaches). */
    record Place(Ranking.Ranked ranked, String name, String grade, List<String> gradesWithin) {
    }

    private final Estimates estimates;
    private final GradeBandStore grades;
    private final FieldCases cases;
    private final CampaignScope campaignScope;
    private final ResponseRates rates;
    private final Methodologies methodologies;
    private final CatalogCodes catalog;
    private final DashboardEvents events;
    private final UnitScope unitScope;

    DashboardController(Estimates estimates, FieldCases cases, CampaignScope campaignScope, ResponseRates rates, Methodologies methodologies,
                        CatalogCodes catalog, DashboardEvents events, GradeBandStore grades, UnitScope unitScope) {
        this.unitScope = unitScope;
        this.grades = grades;
        this.estimates = estimates;
        this.cases = cases;
        this.campaignScope = campaignScope;
        this.rates = rates;
        this.methodologies = methodologies;
        this.catalog = catalog;
        this.events = events;
    }

    /** The campaigns in the field within the caller's scope, each with its dashboard. */
    @GetMapping("/dashboards")
    String dashboards(Model model) {
        model.addAttribute("campaigns", cases.inField());
        return "index/dashboards";
    }

    /** With {@code HX-Request} (the script, after a fold), only the figures come back. */
    @GetMapping("/campaigns/{id}/dashboard")
    String dashboard(@PathVariable long id, @RequestParam(required = false) String unit,
                     @RequestHeader(name = "HX-Request", required = false) String fragment, Locale locale, Model model) {
        // a campaign covering the caller's unit shows its part in the caller's scope (the tallies are read within it)
        FieldCampaign campaign = campaignScope.overlapping(id);
        Estimates.Dashboard figures = estimates.dashboard(id, unit);
        CampaignEstimates overall = figures.overall();
        CampaignEstimates children = figures.children();
        Map<String, Integer> allocated = figures.allocated();
        List<Child> drill = new ArrayList<>();
        children.domains().forEach(d -> drill.add(new Child(d, allocated.getOrDefault(d.code(), 0))));
        List<Breakdown> breakdowns = new ArrayList<>();
        for (CampaignEstimates breakdown : figures.breakdowns()) {
            breakdowns.add(new Breakdown(breakdown.domain(), breakdown));
        }
        Methodology methodology = methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion()).orElseThrow();
        String campaignScope = catalog.unit(campaign.scopeUnitId()).code();

        model.addAttribute("ranking", ranking(children, grades.forCampaign(id, campaign.methodologyCode()), locale));
        model.addAttribute("campaign", campaign);
        model.addAttribute("overall", overall);
        model.addAttribute("children", drill);
        model.addAttribute("allocatedTotal", allocated.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("trend", figures.trend());
        model.addAttribute("breakdowns", breakdowns);
        model.addAttribute("counter", figures.counter());
        model.addAttribute("portal", figures.portal());
        // the response rates are the whole campaign's: shown to those who may see all of it
        model.addAttribute("rates", unitScope.covers(campaign.scopeUnitId()) ? rates.of(id) : null);
        model.addAttribute("crumbs", crumbs(overall.root().path(), campaignScope, catalog.unit(unitScope.unitId()).code()));
        model.addAttribute("labels", methodology.index().labels(locale));
        model.addAttribute("pct", new Percent(locale));
        model.addAttribute("live", campaign.isInField());
        return fragment != null ? VIEW + " :: figures" : VIEW;
    }

    /** The children ranked by their overall index, ties sharing a rank, with the ranks their CIs cannot tell apart. */
    private static List<Place> ranking(CampaignEstimates children, GradeBands bands, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (DomainEstimate child : children.domains()) {
            names.put(child.code(), child.name());
            candidates.add(new Ranking.Candidate(child.code(), children.root().code(), child.overall()));
        }
        List<Place> places = new ArrayList<>();
        for (Ranking.Ranked ranked : Ranking.among(candidates)) {
            String grade = bands.grade(ranked.estimate().estimatePct()).map(b -> b.label().in(locale)).orElse("");
            places.add(new Place(ranked, names.get(ranked.unit()), grade,
                    bands.within(ranked.estimate()).stream().map(b -> b.label().in(locale)).toList()));
        }
        return places;
    }

    /** Server-sent events: a {@code folded} event each time the tallies have moved. */
    @GetMapping(path = "/campaigns/{id}/dashboard/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable long id) {
        campaignScope.overlapping(id);
        return events.subscribe(id);
    }

    /**
     * The breadcrumbs from the campaign's scope, or the caller's unit when it lies deeper, down to
     * the subtree's root (above them, nothing the caller may open).
     */
    private static List<CampaignEstimates.Crumb> crumbs(List<CampaignEstimates.Crumb> path, String campaignScope, String callerScope) {
        int from = 0;
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).code().equals(campaignScope) || path.get(i).code().equals(callerScope)) {
                from = i;
            }
        }
        return path.subList(from, path.size());
    }

}
