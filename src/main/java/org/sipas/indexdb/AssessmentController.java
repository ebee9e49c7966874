package org.sipas.indexdb;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

import org.sipas.identity.UnitDirectory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages of the PAR INDEX workflow: the assessments in the caller's scope and those waiting for
 * the caller's appraisal; one assessment with its forms (the unit scores and attaches while a draft,
 * the council of the level above appraises and approves once submitted). The rules are
 * {@link Assessments}'; a refusal shows as the error page of its status.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER')")
class AssessmentController {

    private static final String LIST = "indexdb/assessments";
    private static final String ONE = "indexdb/assessment";

    private final Assessments assessments;
    private final IndexDefinitions definitions;
    private final UnitDirectory units;

    AssessmentController(Assessments assessments, IndexDefinitions definitions, UnitDirectory units) {
        this.assessments = assessments;
        this.definitions = definitions;
        this.units = units;
    }

    @GetMapping("/indices/assessments")
    String list(Model model) {
        model.addAttribute("assessments", assessments.list());
        model.addAttribute("indices", definitions.all().stream().filter(d -> d.aggregation() == Aggregation.SUM).toList());
        return LIST;
    }

    @PostMapping("/indices/assessments")
    String open(@RequestParam String index, @RequestParam String unit, @RequestParam int year) {
        UnitDirectory.UnitRef u = units.findByCode(unit.strip())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "unit " + unit + " not found"));
        return "redirect:/indices/assessments/" + assessments.open(index, u.id(), year).id();
    }

    @GetMapping("/indices/assessments/{id}")
    String one(@PathVariable long id, Locale locale, Model model) {
        Assessment a = assessments.get(id);
        model.addAttribute("assessment", a);
        model.addAttribute("index", definitions.version(a.indexCode(), a.version()).orElseThrow());
        model.addAttribute("english", IndexController.english(locale));
        model.addAttribute("submittedAt", IndexController.dateTime(a.submittedAt()));
        model.addAttribute("approvedAt", IndexController.dateTime(a.approvedAt()));
        return ONE;
    }

    @PostMapping("/indices/assessments/{id}/score")
    String score(@PathVariable long id, @RequestParam String node, @RequestParam String score) {
        assessments.score(id, node, number(score));
        return "redirect:/indices/assessments/" + id;
    }

    @PostMapping("/indices/assessments/{id}/evidence")
    String evidence(@PathVariable long id, @RequestParam String node, @RequestParam MultipartFile file) throws IOException {
        assessments.attach(id, node, file.getOriginalFilename(), file.getBytes());
        return "redirect:/indices/assessments/" + id;
    }

    @PostMapping("/indices/assessments/{id}/submit")
    String submit(@PathVariable long id) {
        assessments.submit(id);
        return "redirect:/indices/assessments/" + id;
    }

    @PostMapping("/indices/assessments/{id}/appraise")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    String appraise(@PathVariable long id, @RequestParam String node, @RequestParam String score,
                    @RequestParam(required = false) String reason) {
        assessments.appraise(id, node, number(score), reason);
        return "redirect:/indices/assessments/" + id;
    }

    @PostMapping("/indices/assessments/{id}/approve")
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    String approve(@PathVariable long id) {
        assessments.approve(id);
        return "redirect:/indices/assessments/" + id;
    }

    @GetMapping("/indices/evidence/{id}")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        AssessmentRepository.File file = assessments.evidence(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private static BigDecimal number(String typed) {
        BigDecimal n = DefinitionFiles.points(typed);
        if (n == null) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "score: \"" + typed + "\" is not a number");
        }
        return n;
    }
}
