package org.sipas.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.web.Formats;
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
 * The report page of a campaign: its published versions, and for the one chosen the author's draft
 * (the document's particulars and the recommendations) with the report's DOCX, PDF and XLSX links.
 * The authors are those who prepare and approve results, within the campaign's whole scope.
 */
@Controller
@PreAuthorize(ResultsController.RESULT_STAFF)
class ReportDraftController {

    private static final String VIEW = "reporting/report";

    private final Reports reports;
    private final ReportDrafts drafts;
    private final Publications publications;
    private final CampaignScope campaigns;

    ReportDraftController(Reports reports, ReportDrafts drafts, Publications publications, CampaignScope campaigns) {
        this.reports = reports;
        this.drafts = drafts;
        this.publications = publications;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/report")
    String show(@PathVariable long id, @RequestParam(name = "snapshot", required = false) Integer version, Model model) {
        FieldCampaign campaign = campaigns.within(id);
        List<SnapshotVersion> versions = publications.versions(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("versions", versions);
        if (!versions.isEmpty()) {
            Snapshot snapshot = reports.snapshot(id, version);
            ReportDraft draft = drafts.of(snapshot);
            model.addAttribute("snapshot", snapshot);
            model.addAttribute("draft", draft);
            model.addAttribute("saved", drafts.saved(snapshot));
            model.addAttribute("date", draft.date() == null ? "" : draft.date().format(Formats.DATE.withZone(null)));
        }
        return VIEW;
    }

    @PostMapping("/campaigns/{id}/report")
    String save(@PathVariable long id, @RequestParam(name = "snapshot") int version,
                @RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String issuerSuperior,
                @RequestParam(defaultValue = "") String issuer, @RequestParam(defaultValue = "") String place,
                @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String signerTitle,
                @RequestParam(defaultValue = "") String signerName, @RequestParam(defaultValue = "") String recipients,
                @RequestParam(defaultValue = "") String recommendations, RedirectAttributes redirect) {
        campaigns.within(id);
        Snapshot snapshot = reports.snapshot(id, version);
        LocalDate day;
        try {
            day = date.isBlank() ? null : LocalDate.parse(date.strip(), Formats.DATE.withZone(null));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("refused", "reports.draft.badDate");
            return redirect(id, version);
        }
        try {
            drafts.save(snapshot, new ReportDraft(number, issuerSuperior, issuer, place, day, signerTitle, signerName, recipients,
                    recommendations, null, null));
            redirect.addFlashAttribute("done", "reports.draft.saved");
        } catch (ResponseStatusException e) {
            if (e.getStatusCode() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw e;
            }
            redirect.addFlashAttribute("refused", "reports.draft.tooLong");
        }
        return redirect(id, version);
    }

    private static String redirect(long id, int version) {
        return "redirect:/campaigns/" + id + "/report?snapshot=" + version;
    }
}
