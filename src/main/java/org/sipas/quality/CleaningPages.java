package org.sipas.quality;

import java.util.List;

import org.sipas.campaign.CampaignScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' cleaning page: a campaign's undecided responses that fail a cleaning rule, with
 * their reasons, and those flagged on arrival, with their flags; accepted, rejected or sent to
 * re-check in bulk with a reason (accepting failures needs its own).
 */
@Controller
class CleaningPages {

    private static final String PAGE = "quality/cleaning";

    private final Reviews reviews;
    private final CampaignScope campaigns;

    CleaningPages(Reviews reviews, CampaignScope campaigns) {
        this.reviews = reviews;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/cleaning")
    @PreAuthorize(ResponseApi.SUPERVISORS)
    String failing(@PathVariable long id, Model model) {
        model.addAttribute("campaignId", campaigns.overlapping(id).id());
        model.addAttribute("failing", reviews.failing(id));
        model.addAttribute("flagged", reviews.flagged(id));
        return PAGE;
    }

    @PostMapping("/campaigns/{id}/cleaning")
    @PreAuthorize(ResponseApi.SUPERVISORS)
    String decide(@PathVariable long id, @RequestParam(required = false) List<Long> responseIds, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String overrideReason, Model model,
                  RedirectAttributes redirect) {
        campaigns.overlapping(id);
        try {
            redirect.addFlashAttribute("moved", reviews.moveAll(id, responseIds, to, reason, overrideReason));
            return "redirect:/campaigns/" + id + "/cleaning";
        } catch (IllegalArgumentException | Reviews.NotAllowed e) {
            model.addAttribute("campaignId", id);
            model.addAttribute("failing", reviews.failing(id));
            model.addAttribute("flagged", reviews.flagged(id));
            model.addAttribute("problem", e.getMessage());
            return PAGE;
        }
    }
}
