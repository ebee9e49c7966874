package org.sipas.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaigns;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.methodology.Label;
import org.sipas.reporting.Snapshot;
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
 * The public results of open online surveys ({@code /portal/open-surveys} and
 * {@code /portal/open-surveys/{id}}), read from their published snapshots like every result on the
 * portal: an open survey's version is prepared, frozen and published through reporting's one approval
 * path (approved by the level above, or published by the survey's own setting when it closes and,
 * when it is set so, again and again while it takes answers, {@code reporting.ResultsApproval#publishBySetting}
 * and {@code #refreshBySetting}). The page shows the latest snapshot with the date and time its
 * figures stand at and, while the survey still takes answers, says so. A snapshot of an open survey freezes its PORTAL
 * series alone; it is shown here, labelled as no random sample (DESIGN §5), as plain percentages
 * overall and by respondent type, every cell under the portal's minimum n suppressed, and never among
 * the sampled campaigns. A survey with no published version has no results page.
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
    private final PublishedResults published;
    private final PortalFigures figures;

    OpenSurveyResultsController(OpenCampaigns campaigns, PublishedResults published, PortalFigures figures) {
        this.campaigns = campaigns;
        this.published = published;
        this.figures = figures;
    }

    /** The surveys anyone may answer now, with their links, and those whose results are published. */
    @GetMapping("/portal/open-surveys")
    ModelAndView list(HttpServletResponse response) {
        response.setHeader("Cache-Control", SHORT.getHeaderValue());
        LocalDate today = LocalDate.now(Formats.ZONE);
        List<Snapshot> surveys = published.openSurveys();
        // a survey published while it still takes answers says so beside its link, with the time its figures stand at
        Set<Long> collecting = new HashSet<>();
        for (Snapshot s : surveys) {
            if (campaigns.find(s.campaignId()).map(o -> o.takesAnswers(today)).orElse(false)) {
                collecting.add(s.campaignId());
            }
        }
        return new ModelAndView(LIST).addObject("surveys", surveys).addObject("collecting", collecting)
                .addObject("answerable", campaigns.answerableByAnyone(today));
    }

    @GetMapping("/portal/open-surveys/{id}")
    ModelAndView results(@PathVariable long id, Locale locale, HttpServletResponse response) {
        Snapshot survey = published.openSurvey(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Label> labels = figures.labels(survey.methodologyCode(), survey.methodologyVersion());
        List<Table> overall = tables(survey.figures(Series.PORTAL, Domain.NATION), labels, locale);
        List<Table> byRespondent = tables(survey.figures(Series.PORTAL, Domain.RESPONDENT), labels, locale);
        Optional<OpenCampaign> setting = campaigns.find(id);
        boolean stillCollecting = setting.map(o -> o.takesAnswers(LocalDate.now(Formats.ZONE))).orElse(false);
        response.setHeader("Cache-Control", SHORT.getHeaderValue());
        return new ModelAndView(ONE).addObject("survey", survey).addObject("overall", overall.isEmpty() ? null : overall.get(0))
                .addObject("byRespondent", byRespondent).addObject("minimumN", figures.minimumN())
                .addObject("approvedOn", survey.approvedAt().atZone(Formats.ZONE).toLocalDate())
                .addObject("asOf", Formats.dateTime(survey.approvedAt())).addObject("stillCollecting", stillCollecting)
                .addObject("refreshHours", setting.filter(OpenCampaign::publishesWhileOpen).map(OpenCampaign::refreshHours).orElse(null));
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
