package org.sipas.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import org.sipas.collection.AnswerRules.Problem;
import org.sipas.collection.Questionnaire.Walk;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * The questionnaire's pages, the same for a citizen's sitting and a staff preview. Every step is
 * a plain form posted to the server, which checks it, keeps the answers and redirects to the next
 * step, so the whole questionnaire works with JavaScript off; htmx only redraws, as answers are
 * given, the questions whose relevance they change.
 */
@Component
class SurveyPages {

    static final String STEP = "collection/step";
    /** The step's questions alone, for htmx to take the changed ones from. */
    static final String QUESTIONS = "collection/step :: questions";
    static final String SUMMARY = "collection/summary";
    static final String THANKS = "collection/thanks";
    static final String CLOSED = "collection/closed";

    private final StepViews views;

    SurveyPages(StepViews views) {
        this.views = views;
    }

    /** The step asked for, or where the respondent left off; no step past the furthest accepted one. */
    ModelAndView show(Sitting sitting, Integer requested, Locale locale) {
        Draft draft = sitting.draft();
        Questionnaire questionnaire = sitting.questionnaire();
        int step = requested == null ? draft.reached() : Math.max(0, Math.min(requested, draft.reached()));
        Walk walk = questionnaire.walk(draft.answers());
        if (step >= questionnaire.steps()) {
            return page(sitting, SUMMARY, HttpStatus.OK, step).addObject("summary", views.summary(questionnaire, walk, locale))
                    .addObject("submitKey", UUID.randomUUID().toString());
        }
        if (requested == null && step == 0 && draft.answers().typed().isEmpty()) {
            FirstSteps.markUnanswered();
        }
        // a step not yet accepted has not been answered: its questions show their defaults
        Set<String> fresh = step >= draft.reached() ? names(questionnaire, step) : Set.of();
        return stepPage(sitting, views.step(questionnaire, step, walk, Map.of(), false, fresh, locale), HttpStatus.OK);
    }

    private static Set<String> names(Questionnaire questionnaire, int step) {
        return questionnaire.section(step).questions().stream().map(org.sipas.methodology.Question::name)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The questions of a step the page did not show: answers just made them relevant, so they are new to the respondent. */
    private static Set<String> notShown(Questionnaire questionnaire, int step, MultiValueMap<String, String> form) {
        Set<String> fresh = new java.util.HashSet<>(names(questionnaire, step));
        fresh.removeAll(form.getOrDefault("shown", List.of()));
        return fresh;
    }

    /**
     * A step's form posted: Back keeps the answers as they are and goes back; Next checks them and
     * goes on, or shows the step again with its errors, or with the questions the answers just
     * made relevant (which a page without JavaScript could not show as they were given).
     */
    ModelAndView answer(Sitting sitting, int posted, String go, MultiValueMap<String, String> form, Locale locale) {
        Draft draft = sitting.draft();
        Questionnaire questionnaire = sitting.questionnaire();
        int step = postedStep(posted, draft, questionnaire);
        Walk walk = questionnaire.walk(draft.answers().withStep(questionnaire.section(step), form));
        if ("back".equals(go)) {
            sitting.keep(draft.with(walk.answers(), draft.reached()));
            return redirect(sitting, questionnaire.previous(step, walk));
        }
        Set<String> shown = Set.copyOf(form.getOrDefault("shown", List.of()));
        boolean more = questionnaire.section(step).questions().stream()
                .anyMatch(q -> walk.asked().contains(q.name()) && !shown.contains(q.name()));
        Map<String, Problem> problems = new LinkedHashMap<>(questionnaire.problems(step, walk));
        problems.keySet().retainAll(shown);
        if (more || !problems.isEmpty()) {
            sitting.keep(draft.with(walk.answers(), draft.reached()));
            return stepPage(sitting, views.step(questionnaire, step, walk, problems, more, notShown(questionnaire, step, form), locale),
                    problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY);
        }
        int next = questionnaire.next(step, walk);
        sitting.keep(draft.with(walk.answers(), Math.max(draft.reached(), next)));
        return redirect(sitting, next);
    }

    /** The step's questions for the answers on the page, not kept: what htmx swaps in as answers change. */
    ModelAndView relevance(Sitting sitting, int posted, MultiValueMap<String, String> form, Locale locale) {
        Draft draft = sitting.draft();
        Questionnaire questionnaire = sitting.questionnaire();
        int step = postedStep(posted, draft, questionnaire);
        Walk walk = questionnaire.walk(draft.answers().withStep(questionnaire.section(step), form));
        return new ModelAndView(QUESTIONS, Map.of("step", views.step(questionnaire, step, walk, Map.of(), false,
                notShown(questionnaire, step, form), locale)));
    }

    /**
     * Checks every answer again, skip logic included, and hands them to the sitting; a step that
     * fails (an answer changed on the way back made a required question relevant) is shown with
     * its errors instead. Empty when the sitting can no longer take them (the token was used or
     * expired meanwhile).
     */
    Optional<ModelAndView> submit(Sitting sitting, Locale locale) {
        Draft draft = sitting.draft();
        Questionnaire questionnaire = sitting.questionnaire();
        if (draft.reached() < questionnaire.steps()) {
            return Optional.of(redirect(sitting, draft.reached()));
        }
        Walk walk = questionnaire.walk(draft.answers());
        OptionalInt failing = questionnaire.firstStepWithProblems(walk);
        if (failing.isPresent()) {
            int step = failing.getAsInt();
            sitting.keep(draft.with(walk.answers(), step));
            return Optional.of(stepPage(sitting, views.step(questionnaire, step, walk, questionnaire.problems(step, walk),
                    false, locale), HttpStatus.UNPROCESSABLE_ENTITY));
        }
        if (!sitting.submit(walk, draft)) {
            return Optional.empty();
        }
        return Optional.of(new ModelAndView("redirect:" + sitting.path() + "/thanks"));
    }

    ModelAndView thanks(Sitting sitting) {
        return page(sitting, THANKS, HttpStatus.OK, null);
    }

    /** A polite page for a token that cannot be answered: unknown, expired or already answered. */
    static ModelAndView closed(String path, String reason, HttpStatus status) {
        ModelAndView page = new ModelAndView(CLOSED, status);
        page.addObject("reason", reason).addObject("here", path);
        return page;
    }

    private ModelAndView stepPage(Sitting sitting, StepView step, HttpStatus status) {
        return page(sitting, STEP, status, step.step()).addObject("step", step);
    }

    private static ModelAndView page(Sitting sitting, String view, HttpStatus status, Integer step) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("languages", FormLanguages.of(sitting.questionnaire().methodology(),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                .addObject("path", sitting.path()).addObject("preview", sitting.isPreview())
                .addObject("practice", sitting.isPractice())
                .addObject("unitName", sitting.unitName())
                .addObject("here", step == null ? sitting.path() : sitting.path() + "?step=" + step);
        return page;
    }

    private static ModelAndView redirect(Sitting sitting, int step) {
        return new ModelAndView("redirect:" + sitting.path() + "?step=" + step);
    }

    /** The step a form says it is, within the steps the respondent may open. */
    private static int postedStep(int posted, Draft draft, Questionnaire questionnaire) {
        return Math.max(0, Math.min(posted, Math.min(draft.reached(), questionnaire.steps() - 1)));
    }
}
