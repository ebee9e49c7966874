package org.sipas.collection.capi;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.Disposition;
import org.sipas.collection.FieldAssignments;
import org.sipas.identity.StaffAccounts.StaffMember;
import org.sipas.web.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A supervisor hands a campaign's face-to-face cases to interviewers, whose CAPI app then carries
 * them: the cases filtered by unit, by who holds them and by whether they are done, a page at a
 * time; the ticked ones, or every open case the filter finds, given to one interviewer or taken back.
 */
@Controller
class FaceToFacePages {

    static final String SUPERVISORS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";
    private static final String PAGE = "collection/capi/assignments";
    private static final int PAGE_SIZE = 50;

    private final FieldCases fieldCases;
    private final FieldAssignments assignments;
    private final CaseDispositions dispositions;

    FaceToFacePages(FieldCases fieldCases, FieldAssignments assignments, CaseDispositions dispositions) {
        this.fieldCases = fieldCases;
        this.assignments = assignments;
        this.dispositions = dispositions;
    }

    /** The filter as asked: a unit, who holds the case ("-": nobody), and open or done. */
    record Filter(Long unit, String who, String state) {

        boolean keeps(FieldCase c, Disposition disposition) {
            boolean done = disposition != null && disposition.isFinal();
            boolean anyone = who == null || who.isEmpty();
            boolean held = anyone || ("-".equals(who) ? c.assignedTo() == null : who.equals(c.assignedTo()));
            boolean stage = state == null || state.isEmpty() || "open".equals(state) != done;
            return (unit == null || c.unitId() == unit) && held && stage;
        }
    }

    /** A case as the list shows it. */
    record Row(long id, String unitName, String assignedTo, String assignedName, Disposition disposition) {
    }

    @GetMapping("/fieldwork/face-to-face")
    @PreAuthorize(SUPERVISORS)
    String page(@RequestParam(required = false) Long campaign, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) String who, @RequestParam(required = false) String state,
                @RequestParam(required = false) Integer page, Model model) {
        List<FieldCampaign> campaigns = fieldCases.inField();
        model.addAttribute("campaigns", campaigns);
        if (campaigns.isEmpty()) {
            return PAGE;
        }
        long chosen = campaign != null ? campaign : campaigns.get(0).id();
        FieldCampaign current = campaigns.stream().filter(c -> c.id() == chosen).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<Long, UnitRef> units = new HashMap<>();
        List<FieldCase> cases = assignments.cases(chosen, Assignments.FACE_TO_FACE, units);
        Map<Long, Disposition> outcome = dispositions.ofCampaign(chosen);
        List<StaffMember> interviewers = assignments.interviewers(units.keySet());
        model.addAttribute("assignable", assignments.assignable(chosen, units.keySet()));
        model.addAttribute("trainingRequired", assignments.trainingRequired(chosen));
        Map<String, String> names = new HashMap<>();
        interviewers.forEach(m -> names.put(m.username(), m.displayName()));
        Filter filter = new Filter(unit, who, state);
        List<Row> matching = cases.stream().filter(c -> filter.keeps(c, outcome.get(c.id())))
                .sorted(Comparator.comparing((FieldCase c) -> units.get(c.unitId()).path()).thenComparing(FieldCase::id))
                .map(c -> new Row(c.id(), units.get(c.unitId()).name(), c.assignedTo(),
                        c.assignedTo() == null ? null : names.getOrDefault(c.assignedTo(), c.assignedTo()), outcome.get(c.id())))
                .toList();
        model.addAttribute("campaign", current);
        model.addAttribute("filter", filter);
        model.addAttribute("units", units.values().stream().sorted(Comparator.comparing(UnitRef::path)).toList());
        model.addAttribute("interviewers", interviewers);
        model.addAttribute("total", cases.size());
        model.addAttribute("unassigned", cases.stream().filter(c -> c.assignedTo() == null).count());
        model.addAttribute("page", PageOf.of(matching, page, PAGE_SIZE));
        return PAGE;
    }

    /** Gives the ticked cases, or with {@code all} every open case the filter finds, to {@code to} (empty: takes them back). */
    @PostMapping("/fieldwork/face-to-face/assign")
    @PreAuthorize(SUPERVISORS)
    String assign(@RequestParam long campaign, @RequestParam(name = "case", required = false) List<Long> ticked,
                  @RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Long unit,
                  @RequestParam(required = false) String who, @RequestParam(required = false) String to,
                  RedirectAttributes redirect) {
        Map<Long, Disposition> outcome = dispositions.ofCampaign(campaign);
        Predicate<FieldCase> open = c -> outcome.get(c.id()) == null || !outcome.get(c.id()).isFinal();
        List<Long> cases = all
                ? assignments.cases(campaign, Assignments.FACE_TO_FACE, new HashMap<>()).stream()
                        .filter(c -> new Filter(unit, who, "open").keeps(c, outcome.get(c.id()))).map(FieldCase::id).toList()
                : ticked == null ? List.of() : ticked;
        String back = "redirect:/fieldwork/face-to-face?campaign=" + campaign;
        if (cases.isEmpty()) {
            redirect.addFlashAttribute("problem", "cati.supervision.noneSelected");
            return back;
        }
        String interviewer = to == null || to.isBlank() ? null : to.strip();
        try {
            int moved = assignments.assign(campaign, Assignments.FACE_TO_FACE, cases, interviewer, open);
            redirect.addFlashAttribute("done", interviewer == null ? "cati.supervision.takenBack" : "cati.supervision.moved");
            redirect.addFlashAttribute("doneArgs", new Object[] {moved, interviewer});
        } catch (FieldAssignments.AssignmentRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return back;
    }
}
