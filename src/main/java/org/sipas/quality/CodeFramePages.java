package org.sipas.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sipas.web.Formats;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The code frame editor of a methodology version: a table of codes with their labels and uses, a
 * position to reorder them, a box to remove one and blank rows to add more. Works without JavaScript.
 */
@Controller
class CodeFramePages {

    private static final String PAGE = "quality/code-frame";
    /** Blank rows offered for new codes. */
    static final int BLANK_ROWS = 3;

    private final CodeFrames frames;
    private final ImportErrors importErrors;

    CodeFramePages(CodeFrames frames, ImportErrors importErrors) {
        this.frames = frames;
        this.importErrors = importErrors;
    }

    /** A row of the form, as shown or as sent back. */
    record FormRow(String position, String code, String labelVi, String labelEn, boolean remove, long uses) {
    }

    @GetMapping("/methodologies/{code}/{version}/code-frame")
    @PreAuthorize(CodingPages.READERS)
    String frame(@PathVariable String code, @PathVariable int version, Model model) {
        CodeFrames.Frame frame = frames.frame(code, version);
        List<FormRow> rows = new ArrayList<>();
        for (CodeFrames.Row r : frame.rows()) {
            rows.add(new FormRow(Integer.toString(rows.size() + 1), r.code(), r.labelVi(), r.labelEn(), false, r.uses()));
        }
        return page(model, frame, rows);
    }

    @PostMapping("/methodologies/{code}/{version}/code-frame")
    @PreAuthorize("hasRole('ADMIN')")
    String replace(@PathVariable String code, @PathVariable int version, @RequestParam Map<String, String> params, Locale locale,
                   Model model, RedirectAttributes redirect) {
        List<FormRow> sent = new ArrayList<>();
        for (int i = 0; params.containsKey("code_" + i); i++) {
            sent.add(new FormRow(params.getOrDefault("position_" + i, ""), params.get("code_" + i), params.get("labelVi_" + i),
                    params.get("labelEn_" + i), "true".equals(params.get("remove_" + i)), 0));
        }
        // a row keeps its place unless given another number; rows without one go last, in the form's order
        List<FormRow> ordered = new ArrayList<>(sent);
        ordered.sort(Comparator.comparingDouble(r -> position(r.position())));
        try {
            frames.replace(code, version, ordered.stream()
                    .map(r -> new CodeFrames.Edit(r.code(), r.labelVi(), r.labelEn(), r.remove())).toList());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/methodologies/" + code + "/" + version + "/code-frame";
        } catch (ImportRejectedException rejected) {
            model.addAttribute("errors", importErrors.show(rejected, locale));
            CodeFrames.Frame frame = frames.frame(code, version);
            List<FormRow> shown = new ArrayList<>();
            for (FormRow r : ordered) {
                long uses = frame.rows().stream().filter(x -> x.code().equals(r.code())).mapToLong(CodeFrames.Row::uses).sum();
                shown.add(new FormRow(r.position(), r.code(), r.labelVi(), r.labelEn(), r.remove(), uses));
            }
            return page(model, frame, shown);
        }
    }

    private static double position(String typed) {
        return Formats.decimal(typed).orElse(Double.MAX_VALUE);
    }

    private String page(Model model, CodeFrames.Frame frame, List<FormRow> rows) {
        List<FormRow> withBlanks = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            withBlanks.add(new FormRow("", "", "", "", false, 0));
        }
        model.addAttribute("frame", frame);
        model.addAttribute("rows", withBlanks);
        return PAGE;
    }
}
