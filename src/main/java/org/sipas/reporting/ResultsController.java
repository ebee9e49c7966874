package org.sipas.reporting;

import java.util.Locale;

import org.sipas.identity.CurrentUsers;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.Percent;
import org.sipas.index.Series;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's results page (kết quả, phê duyệt): the version in the works with its figures, CIs
 * and n, lineage and comments, the buttons each role may press, and the published versions with what
 * changed ({@code ?version=} shows one of them). The steps are {@link ResultsApproval}'s: a refused
 * step (nothing to submit, a correction without its note) comes back to the page with the reason;
 * a caller not of the approving level gets 403.
 */
@Controller
@PreAuthorize(ResultsController.RESULT_STAFF)
class ResultsController {

    /** Who opens the results page: those who prepare (analysts) and those who approve (administrators). */
    static final String RESULT_STAFF = "hasAnyRole('ADMIN','PROVINCE_ADMIN','ANALYST')";
    static final String PREPARERS = "hasAnyRole('ADMIN','ANALYST')";
    static final String APPROVERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";

    private static final String VIEW = "reporting/results";

    private final ResultsApproval approval;
    private final Publications publications;
    private final Methodologies methodologies;
    private final CurrentUsers users;

    ResultsController(ResultsApproval approval, Publications publications, Methodologies methodologies, CurrentUsers users) {
        this.users = users;
        this.approval = approval;
        this.publications = publications;
        this.methodologies = methodologies;
    }

    @GetMapping("/campaigns/{id}/results")
    String show(@PathVariable long id, @RequestParam(required = false) Integer version, Locale locale, Model model) {
        ResultsApproval.Overview overview = approval.overview(id);
        Snapshot shown = null;
        if (version != null) {
            shown = publications.version(id, version)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no published version " + version));
        } else if (overview.open().isEmpty()) {
            shown = publications.latest(id).orElse(null);
        }
        Methodology methodology = methodologies.find(overview.campaign().methodologyCode(), overview.campaign().methodologyVersion())
                .orElseThrow();
        model.addAttribute("overview", overview);
        model.addAttribute("campaign", overview.campaign());
        model.addAttribute("open", overview.open().orElse(null));
        String me = users.current().name();
        // four eyes: the page offers no approval to who prepared or submitted the version
        model.addAttribute("mine", overview.open().map(v -> me.equals(v.preparedBy()) || me.equals(v.submittedBy())).orElse(false));
        model.addAttribute("shown", shown);
        // the figures on the page: the published version asked for, else the one in the works, else the latest published
        // an open survey's versions hold its PORTAL series alone: shown as such, labelled as no random sample
        Series series = shown != null ? (shown.ofOpenSurvey() ? Series.PORTAL : Series.SAMPLED)
                : overview.open().map(v -> v.figures(Series.SAMPLED, Domain.NATION) == null && v.figures(Series.PORTAL, Domain.NATION) != null
                        ? Series.PORTAL : Series.SAMPLED).orElse(Series.SAMPLED);
        model.addAttribute("openSurvey", series == Series.PORTAL);
        if (shown != null) {
            model.addAttribute("figures", Figures.of(shown.figures(series, Domain.NATION), shown.figures(series, Domain.UNIT)));
            model.addAttribute("lineage", shown.lineage());
            model.addAttribute("changes", shown.changes());
        } else if (overview.open().isPresent()) {
            ResultsVersion open = overview.open().get();
            model.addAttribute("figures", Figures.of(open.figures(series, Domain.NATION), open.figures(series, Domain.UNIT)));
            model.addAttribute("lineage", open.lineage());
            model.addAttribute("changes", open.changes());
        }
        model.addAttribute("labels", methodology.index().labels(locale));
        model.addAttribute("pct", new Percent(locale));
        return VIEW;
    }

    /** The figures the page shows: the whole scope's tree, and each unit's overall index. */
    record Figures(CampaignEstimates overall, CampaignEstimates units) {
        static Figures of(CampaignEstimates overall, CampaignEstimates units) {
            return overall == null ? null : new Figures(overall, units);
        }
    }

    @PostMapping("/campaigns/{id}/results/prepare")
    @PreAuthorize(PREPARERS)
    String prepare(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, redirect, "reporting.results.done.prepared", () -> approval.prepare(id));
    }

    @PostMapping("/campaigns/{id}/results/submit")
    @PreAuthorize(PREPARERS)
    String submit(@PathVariable long id, @RequestParam(required = false) String whatChanged, RedirectAttributes redirect) {
        return step(id, redirect, "reporting.results.done.submitted", () -> approval.submit(id, whatChanged));
    }

    @PostMapping("/campaigns/{id}/results/approve")
    @PreAuthorize(APPROVERS)
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return step(id, redirect, "reporting.results.done.approved", () -> approval.approve(id, comment));
    }

    @PostMapping("/campaigns/{id}/results/return")
    @PreAuthorize(APPROVERS)
    String returnWithComments(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return step(id, redirect, "reporting.results.done.returned", () -> approval.returnWithComments(id, comment));
    }

    /**
     * Takes a step and goes back to the page with what happened: a conflict (409) or a missing note
     * (422) is said there; not found and forbidden stay errors.
     */
    private String step(long id, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", done);
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() != 409 && e.getStatusCode().value() != 422) {
                throw e;
            }
            redirect.addFlashAttribute("refused", e.getReason());
        }
        return "redirect:/campaigns/" + id + "/results";
    }

}
