package org.sipas.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.Training;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.CurrentUsers;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.web.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Training for interviewers and clerks ({@code /training}): per campaign sampled or in the field
 * within the caller's scope, the quiz on the guide (its page is the campaign's) and the practice
 * cases, each answered at {@code /training/{campaign}/practice/{case}} on the questionnaire's own
 * pages and stored as a practice response, never counted.
 */
@Controller
class PracticeController {

    static final String TRAINEES = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','INTERVIEWER','DATA_ENTRY')";
    private static final String HOME = "collection/practice/home";
    private static final int CAMPAIGNS_PER_PAGE = 10;

    /** A campaign as the training page lists it, with the caller's standing. */
    record Line(FieldCampaign campaign, boolean required, boolean trained, List<PracticeCases.PracticeCase> cases,
                List<PracticeCases.Practised> practised) {
    }

    private final Training training;
    private final PracticeCases practice;
    private final CampaignScope campaigns;
    private final Methodologies methodologies;
    private final Questionnaires questionnaires;
    private final SurveyPages pages;
    private final CatalogCodes catalog;
    private final CurrentUsers users;

    PracticeController(Training training, PracticeCases practice, CampaignScope campaigns, Methodologies methodologies,
                       Questionnaires questionnaires, SurveyPages pages, CatalogCodes catalog, CurrentUsers users) {
        this.training = training;
        this.practice = practice;
        this.campaigns = campaigns;
        this.methodologies = methodologies;
        this.questionnaires = questionnaires;
        this.pages = pages;
        this.catalog = catalog;
        this.users = users;
    }

    @GetMapping("/training")
    @PreAuthorize(TRAINEES)
    String home(@RequestParam(required = false) Integer page, Model model) {
        String me = users.current().name();
        // a card per campaign, each with its own reads: a page of them, not every campaign in the field
        PageOf<FieldCampaign> shown = training.forTrainees(page, CAMPAIGNS_PER_PAGE);
        List<Line> lines = new ArrayList<>();
        for (FieldCampaign campaign : shown.items()) {
            lines.add(new Line(campaign, training.required(campaign.id()), training.isTrained(campaign.id(), me),
                    practice.of(campaign.id()), practice.mine(campaign.id())));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("page", shown);
        return HOME;
    }

    @GetMapping("/training/{campaign}/practice/{number}")
    @PreAuthorize(TRAINEES)
    ModelAndView step(@PathVariable long campaign, @PathVariable int number, @RequestParam(required = false) Integer step,
                      HttpSession session, Locale locale) {
        return practise(campaign, number, session, sitting -> pages.show(sitting, step, locale));
    }

    @PostMapping("/training/{campaign}/practice/{number}")
    @PreAuthorize(TRAINEES)
    ModelAndView answer(@PathVariable long campaign, @PathVariable int number, @RequestParam int step,
                        @RequestParam(defaultValue = "next") String go, @RequestParam MultiValueMap<String, String> form,
                        HttpSession session, Locale locale) {
        return practise(campaign, number, session, sitting -> pages.answer(sitting, step, go, form, locale));
    }

    @PostMapping("/training/{campaign}/practice/{number}/relevance")
    @PreAuthorize(TRAINEES)
    ModelAndView relevance(@PathVariable long campaign, @PathVariable int number, @RequestParam int step,
                           @RequestParam MultiValueMap<String, String> form, HttpSession session, Locale locale) {
        return practise(campaign, number, session, sitting -> pages.relevance(sitting, step, form, locale));
    }

    @PostMapping("/training/{campaign}/practice/{number}/submit")
    @PreAuthorize(TRAINEES)
    ModelAndView submit(@PathVariable long campaign, @PathVariable int number, HttpSession session, Locale locale) {
        // a practice always takes its answers: no token to close, no campaign state to meet
        return practise(campaign, number, session, sitting -> pages.submit(sitting, locale).orElseThrow());
    }

    @GetMapping("/training/{campaign}/practice/{number}/thanks")
    @PreAuthorize(TRAINEES)
    ModelAndView thanks(@PathVariable long campaign, @PathVariable int number, HttpSession session) {
        return practise(campaign, number, session, pages::thanks);
    }

    private ModelAndView practise(long campaignId, int number, HttpSession session, Function<Sitting, ModelAndView> page) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        PracticeCases.PracticeCase practiceCase = practice.find(campaignId, number);
        Methodology methodology = methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String path = "/training/" + campaignId + "/practice/" + number;
        String unitName = practiceCase.unitId() == null ? null : catalog.unit(practiceCase.unitId()).name();
        return page.apply(new PracticeSitting(questionnaires.of(methodology, practiceCase.unitId()), path, session, practice,
                practiceCase, campaign, unitName));
    }
}
