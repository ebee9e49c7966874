package org.sipas.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sipas.web.Formats;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's training ({@code /campaigns/{id}/training}): the rule (training required, pass
 * mark), the sessions with their participants, the quiz questions (generated from the guide or
 * authored), the trained people and their CSV; and the quiz its takers answer
 * ({@code /campaigns/{id}/training/quiz}). Forms post and redirect; a refusal comes back as a
 * message naming what is wrong.
 */
@Controller
class TrainingPages {

    private static final String PAGE = "campaign/training";
    private static final String QUIZ = "campaign/quiz";

    private final Training training;

    TrainingPages(Training training) {
        this.training = training;
    }

    @GetMapping("/campaigns/{id}/training")
    @PreAuthorize(CampaignApi.READERS)
    String page(@PathVariable long id, Model model) {
        Training.Overview overview = training.overview(id);
        model.addAttribute("overview", overview);
        model.addAttribute("campaign", overview.campaign());
        model.addAttribute("today", LocalDate.now(Formats.ZONE));
        return PAGE;
    }

    @PostMapping("/campaigns/{id}/training/settings")
    @PreAuthorize(CampaignApi.MANAGERS)
    String settings(@PathVariable long id, @RequestParam(defaultValue = "false") boolean required,
                    @RequestParam(required = false) String passMark, RedirectAttributes redirect) {
        // a missing or unreadable mark is 0, which the service refuses as out of range, after its scope check
        Integer mark = wholeOrNull(passMark);
        return done(id, redirect, "training.settings.done", () -> training.settings(id, required, mark == null ? 0 : mark));
    }

    @PostMapping("/campaigns/{id}/training/sessions")
    @PreAuthorize(CampaignApi.MANAGERS)
    String session(@PathVariable long id, @RequestParam(required = false) String heldOn, @RequestParam(required = false) String place,
                   @RequestParam(required = false) String trainer, @RequestParam(required = false) String participants,
                   RedirectAttributes redirect) {
        return done(id, redirect, "training.session.done", () -> training.addSession(id, day(heldOn), place, trainer, participants));
    }

    @PostMapping("/campaigns/{id}/training/quiz/generate")
    @PreAuthorize(CampaignApi.MANAGERS)
    String generate(@PathVariable long id, RedirectAttributes redirect) {
        int[] added = new int[1];
        String back = done(id, redirect, "training.quiz.generated", () -> added[0] = training.generate(id, Training.GENERATED));
        redirect.addFlashAttribute("doneArgs", new Object[] {added[0]});
        return back;
    }

    @PostMapping("/campaigns/{id}/training/quiz/questions")
    @PreAuthorize(CampaignApi.MANAGERS)
    String author(@PathVariable long id, @RequestParam(required = false) String prompt, @RequestParam(required = false) String options,
                  @RequestParam(required = false) String correct, RedirectAttributes redirect) {
        return done(id, redirect, "training.quiz.authored", () -> training.author(id, prompt, options, wholeOrNull(correct)));
    }

    @PostMapping("/campaigns/{id}/training/quiz/questions/{question}/delete")
    @PreAuthorize(CampaignApi.MANAGERS)
    String remove(@PathVariable long id, @PathVariable long question, RedirectAttributes redirect) {
        return done(id, redirect, "training.quiz.removed", () -> training.removeQuestion(id, question));
    }

    @GetMapping("/campaigns/{id}/training/trained.csv")
    @PreAuthorize(CampaignApi.READERS)
    ResponseEntity<byte[]> trainedCsv(@PathVariable long id) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingRepository.TrainedRow row : training.trained(id)) {
            rows.add(List.of(row.username(), row.correct(), row.questions(), Formats.DATE.format(row.passedAt()), row.sessions()));
        }
        TableFile table = new TableFile("trained", List.of("username", "correct", "questions", "passed_on", "sessions_attended"), rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"da-tap-huan-" + id + ".csv\"")
                .header(HttpHeaders.CONTENT_TYPE, TableFile.CSV)
                .body(table.csv());
    }

    @GetMapping("/campaigns/{id}/training/quiz")
    @PreAuthorize("isAuthenticated()")
    String quiz(@PathVariable long id, Model model) {
        model.addAttribute("quiz", training.quiz(id));
        return QUIZ;
    }

    /** Answers come as {@code q<id>=<position>}, one per question. */
    @PostMapping("/campaigns/{id}/training/quiz")
    @PreAuthorize("isAuthenticated()")
    String take(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<Long, Integer> answers = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.matches("q\\d{1,18}") && value.matches("\\d{1,2}")) {
                answers.put(Long.parseLong(name.substring(1)), Integer.parseInt(value));
            }
        });
        try {
            Training.Result result = training.take(id, answers);
            redirect.addFlashAttribute("result", result);
        } catch (Training.Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problemArgs", e.args);
            redirect.addFlashAttribute("chosen", answers);
        }
        return "redirect:/campaigns/" + id + "/training/quiz";
    }

    private static String done(long id, RedirectAttributes redirect, String key, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("done", key);
        } catch (Training.Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problemArgs", e.args);
        }
        return "redirect:/campaigns/" + id + "/training";
    }

    private static Integer wholeOrNull(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A day as a date field sends it (ISO) or as people type it (dd/MM/yyyy); null when neither. */
    private static LocalDate day(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(typed.strip(), Formats.DATE);
            } catch (DateTimeParseException again) {
                throw new Training.Refused("training.session.dateRequired");
            }
        }
    }
}
