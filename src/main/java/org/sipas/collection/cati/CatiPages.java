package org.sipas.collection.cati;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.sipas.campaign.CampaignConflict;
import org.sipas.campaign.FieldCase;
import org.sipas.collection.AlreadyAnswered;
import org.sipas.collection.AnswerChecks.Checked;
import org.sipas.collection.CampaignNotInField;
import org.sipas.collection.Disposition;
import org.sipas.collection.IdempotencyKeyReused;
import org.sipas.identity.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The interviewer's pages: the call queue ({@code /cati}) and a case opened for a call
 * ({@code /cati/cases/{id}}). Every outcome posts and redirects to the queue, so a reload repeats
 * nothing; a form posted twice is recorded once (its key).
 */
@Controller
class CatiPages {

    static final String INTERVIEWERS = "hasRole('INTERVIEWER')";
    private static final String QUEUE = "collection/cati/queue";
    private static final String CASE = "collection/cati/case";

    private final CallQueue queue;
    private final CatiCalls calls;
    private final InterviewForms interviews;
    private final CurrentUsers users;

    CatiPages(CallQueue queue, CatiCalls calls, InterviewForms interviews, CurrentUsers users) {
        this.queue = queue;
        this.calls = calls;
        this.interviews = interviews;
        this.users = users;
    }

    @GetMapping("/cati")
    @PreAuthorize(INTERVIEWERS)
    String queue(@RequestParam(defaultValue = "queue") String tab, Model model) {
        model.addAttribute("queue", queue.of(users.current().name(), Instant.now()));
        model.addAttribute("mostNoContacts", CallingRules.MOST_NO_CONTACTS);
        model.addAttribute("tab", "done".equals(tab) ? "done" : "queue");
        return QUEUE;
    }

    @GetMapping("/cati/cases/{id}")
    @PreAuthorize(INTERVIEWERS)
    ModelAndView open(@PathVariable long id, Locale locale) {
        Instant now = Instant.now();
        CallForm form = CallForm.blank("cati-" + UUID.randomUUID(), now);
        FieldCase fieldCase = calls.held(id);
        Map<String, String> none = Map.of();
        return page(id, form, interviews.form(fieldCase, none, interviews.check(fieldCase, none, locale), false, locale),
                HttpStatus.OK);
    }

    /** Redraws the questions after a live answer (htmx): the follow-ups it makes relevant appear, the others go. */
    @PostMapping("/cati/cases/{id}/relevance")
    @PreAuthorize(INTERVIEWERS)
    ModelAndView relevance(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Locale locale) {
        FieldCase fieldCase = calls.held(id);
        Map<String, String> typed = InterviewForms.typed(form);
        ModelAndView fragment = new ModelAndView(CASE + " :: questions");
        fragment.addObject("caseId", id);
        fragment.addObject("interview", interviews.form(fieldCase, typed, interviews.check(fieldCase, typed, locale), false, locale));
        return fragment;
    }

    @PostMapping("/cati/cases/{id}/calls")
    @PreAuthorize(INTERVIEWERS)
    ModelAndView call(@PathVariable long id, @RequestParam MultiValueMap<String, String> posted, Locale locale,
                      RedirectAttributes redirect) {
        Instant now = Instant.now();
        FieldCase fieldCase = calls.held(id);
        CallForm form = CallForm.read(posted, now);
        if (!CallForm.isKey(form.key())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the form has no key");
        }
        Map<String, String> typed = InterviewForms.typed(posted);
        Checked checked = interviews.check(fieldCase, typed, locale);
        boolean interview = form.outcome() == Disposition.COMPLETE || form.outcome() == Disposition.PARTIAL;
        if ("refresh".equals(posted.getFirst("go"))) {
            // without JavaScript: the follow-ups of the answers given so far appear, nothing is recorded
            return page(id, withoutProblems(form), interviews.form(fieldCase, typed, checked, false, locale), HttpStatus.OK);
        }
        Map<String, String> interviewProblems = form.outcome() == Disposition.PARTIAL
                ? InterviewForms.problemsOfAnswered(checked, typed) : checked.problems();
        if (!form.problems().isEmpty() || interview && !interviewProblems.isEmpty()
                || form.outcome() == Disposition.PARTIAL && typed.isEmpty()) {
            Map<String, String> problems = new LinkedHashMap<>(form.problems());
            if (form.outcome() == Disposition.PARTIAL && typed.isEmpty()) {
                problems.put("interview", "cati.error.partialEmpty");
            }
            Checked shown = new Checked(checked.stored(), checked.asked(), interview ? interviewProblems : Map.of());
            return page(id, new CallForm(form.key(), form.openedAt(), form.outcome(), form.callbackDate(), form.callbackTime(),
                    null, form.note(), problems), interviews.form(fieldCase, typed, shown, interview, locale),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            CatiCalls.Recorded recorded = switch (form.outcome()) {
                case COMPLETE -> calls.complete(id, form.call(), checked.stored());
                case PARTIAL -> calls.partial(id, form.call(), checked.stored());
                default -> calls.record(id, form.call());
            };
            redirect.addFlashAttribute("done", "cati.done." + form.outcome().name());
            redirect.addFlashAttribute("doneCase", id);
            redirect.addFlashAttribute("repeated", !recorded.created());
            return new ModelAndView("redirect:/cati");
        } catch (AlreadyAnswered e) {
            redirect.addFlashAttribute("problem", "cati.error.answered");
        } catch (IdempotencyKeyReused e) {
            redirect.addFlashAttribute("problem", "cati.error.keyReused");
        } catch (CallRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return new ModelAndView("redirect:/cati/cases/" + id);
    }

    /** A refused or unreachable case handed to the reserve list, by its interviewer or a campaign manager. */
    @PostMapping("/cati/cases/{id}/replace")
    @PreAuthorize("hasAnyRole('INTERVIEWER','ADMIN','PROVINCE_ADMIN')")
    String replace(@PathVariable long id, @RequestParam(required = false) String note,
                   @RequestParam(required = false) Long campaign, RedirectAttributes redirect) {
        try {
            FieldCase reserve = calls.replace(id, note);
            redirect.addFlashAttribute("done", "cati.done.replaced");
            redirect.addFlashAttribute("doneCase", reserve.id());
        } catch (CallRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (CampaignConflict e) {
            // the stratum's reserve list is used up, or the campaign is no longer in the field
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return campaign != null ? "redirect:/cati/supervision?campaign=" + campaign : "redirect:/cati?tab=done";
    }

    /**
     * A case whose campaign has left the field, opened or posted (the form was open when the campaign
     * closed): nothing is recorded, and the queue says why, without the case, which has left it too.
     */
    @ExceptionHandler(CampaignNotInField.class)
    ModelAndView campaignClosed() {
        ModelAndView page = new ModelAndView(QUEUE, HttpStatus.GONE);
        page.addObject("queue", queue.of(users.current().name(), Instant.now()));
        page.addObject("mostNoContacts", CallingRules.MOST_NO_CONTACTS);
        page.addObject("tab", "queue");
        page.addObject("problem", "cati.error.notInField");
        return page;
    }

    private ModelAndView page(long id, CallForm form, Interview interview, HttpStatus status) {
        ModelAndView page = new ModelAndView(CASE, status);
        page.addObject("caseId", id);
        page.addObject("opened", calls.open(id));
        page.addObject("form", form);
        page.addObject("interview", interview);
        page.addObject("outcomes", CallForm.WITHOUT_INTERVIEW);
        return page;
    }

    private static CallForm withoutProblems(CallForm form) {
        return new CallForm(form.key(), form.openedAt(), form.outcome(), form.callbackDate(), form.callbackTime(), null,
                form.note(), Map.of());
    }
}
