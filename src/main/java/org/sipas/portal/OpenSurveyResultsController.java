package org.sipas.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaigns;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.Estimates;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.methodology.Label;
import org.sipas.web.Formats;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public results of open online surveys that publish themselves ({@code /portal/open-surveys}
 * and {@code /portal/open-surveys/{id}}): the plain percentages of the PORTAL series from the
 * tallies, overall and by respondent type, every cell under the portal's minimum n suppressed, and
 * the warning that an open survey is not a random sample (DESIGN §5: never mixed with the sample's
 * figures, always labelled). A survey that does not publish its results is not found here.
 */
@Controller
class OpenSurveyResultsController {

    static final String LIST = "portal/open-surveys";
    static final String ONE = "portal/open-survey";
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    /** One row of the results table: a node of the index tree, or suppressed. */
    record Cell(String code, String label, String level, long n, boolean suppressed, Double percent) {
    }

    /** One domain's table (the whole survey, or one respondent type). */
    record Table(String code, String name, long n, boolean suppressed, List<Cell> cells) {
    }

    private final OpenCampaigns campaigns;
    private final Estimates estimates;
    private final CurrentUsers users;
    private final PortalFigures figures;

    OpenSurveyResultsController(OpenCampaigns campaigns, Estimates estimates, CurrentUsers users, PortalFigures figures) {
        this.campaigns = campaigns;
        this.estimates = estimates;
        this.users = users;
        this.figures = figures;
    }

    /** The surveys anyone may answer now, with their links, and those whose results are published. */
    @GetMapping("/portal/open-surveys")
    ModelAndView list(HttpServletResponse response) {
        response.setHeader("Cache-Control", SHORT.getHeaderValue());
        return new ModelAndView(LIST).addObject("surveys", campaigns.withPublishedResults())
                .addObject("answerable", campaigns.answerableByAnyone(LocalDate.now(Formats.ZONE)));
    }

    @GetMapping("/portal/open-surveys/{id}")
    ModelAndView results(@PathVariable long id, Locale locale, HttpServletResponse response) {
        OpenCampaign survey = campaigns.withPublishedResults().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // the engine answers a reader of the survey's own scope; what it answers here is made public below, suppressed
        CurrentUser reader = new CurrentUser("system:open-survey-results", Set.of(Role.ANALYST), survey.scopeUnitId());
        Map<Series, Map<Domain, CampaignEstimates>> found = users.runAs(reader, () -> estimates.of(id, null,
                Map.of(Series.PORTAL, List.of(Domain.NATION, Domain.RESPONDENT))));
        Map<String, Label> labels = figures.labels(survey.methodologyCode(), survey.methodologyVersion());
        Map<Domain, CampaignEstimates> portal = found.get(Series.PORTAL);
        List<Table> overall = tables(portal.get(Domain.NATION), labels, locale);
        List<Table> byRespondent = tables(portal.get(Domain.RESPONDENT), labels, locale);
        response.setHeader("Cache-Control", SHORT.getHeaderValue());
        return new ModelAndView(ONE).addObject("survey", survey).addObject("overall", overall.isEmpty() ? null : overall.get(0))
                .addObject("byRespondent", byRespondent).addObject("minimumN", figures.minimumN());
    }

    private List<Table> tables(CampaignEstimates estimates, Map<String, Label> labels, Locale locale) {
        List<Table> tables = new ArrayList<>();
        if (estimates == null) {
            return tables;
        }
        for (DomainEstimate d : estimates.domains()) {
            boolean hidden = figures.suppressed(d.n());
            List<Cell> cells = new ArrayList<>();
            for (IndexEstimate e : d.figures()) {
                // a cell is hidden when its domain or its own base is under the minimum n
                boolean cellHidden = hidden || figures.suppressed(e.n());
                Label label = labels.get(e.index());
                cells.add(new Cell(e.index(), label == null ? e.index() : label.in(locale), e.level(), e.n(), cellHidden,
                        cellHidden ? null : e.unweightedPct()));
            }
            tables.add(new Table(d.code(), d.name(), d.n(), hidden, cells));
        }
        return tables;
    }
}
