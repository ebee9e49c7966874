package org.sipas.campaign;

import org.sipas.identity.CurrentUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approver's page of a drawn sample ({@code /campaigns/{id}/sample-review}): allocation, per
 * stratum N_h, n_h, reserve and contact coverage, a random extract with contacts masked, the
 * decisions so far, and the approve and return forms for the level above. Decisions post and
 * redirect; a refusal (not the approver, own draw, nothing to decide) comes back as a message.
 */
@Controller
class SampleReviewPages {

    private static final String PAGE = "campaign/sample-review";

    private final SampleReviews reviews;
    private final Campaigns campaigns;
    private final CurrentUsers users;

    SampleReviewPages(SampleReviews reviews, Campaigns campaigns, CurrentUsers users) {
        this.users = users;
        this.reviews = reviews;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/sample-review")
    @PreAuthorize(CampaignApi.READERS)
    String review(@PathVariable long id, Model model) {
        SampleReviews.Review review = reviews.review(id);
        model.addAttribute("review", review);
        model.addAttribute("campaign", review.campaign());
        model.addAttribute("allocation", campaigns.allocation(review.campaign()));
        return PAGE;
    }

    @PostMapping("/campaigns/{id}/sample-review/{decision:approve|return}")
    @PreAuthorize(CampaignApi.MANAGERS)
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam(required = false) String comments,
                  RedirectAttributes redirect) {
        // outside the caller's scope: 403 (404 without the campaign), as every campaign page answers
        Campaign campaign = campaigns.get(id);
        try {
            if (decision.equals("approve")) {
                reviews.approve(id, comments);
            } else {
                reviews.returnSample(id, comments);
            }
            redirect.addFlashAttribute("done", "campaign.review.done." + decision);
        } catch (CampaignConflict | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            // in scope but not the approver of this draw: the page says why, as it does for a conflict
            boolean drewIt = users.current().name().equals(campaign.sampleDrawnBy());
            redirect.addFlashAttribute("problem", drewIt ? "campaign.review.ownDraw" : "campaign.review.notApprover");
        }
        return "redirect:/campaigns/" + id + "/sample-review";
    }
}
