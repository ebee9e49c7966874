package org.sipas.catalog;

import org.sipas.web.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The unit tree for people: a searchable list of the caller's units and a page per unit. */
@Controller
@PreAuthorize(CallerScope.READERS)
class UnitPageController {

    private static final String LIST = "catalog/units";
    private static final String DETAIL = "catalog/unit";
    static final int PAGE_SIZE = 50;

    private final UnitRepository units;
    private final ProcedureRepository procedures;
    private final OfficialRepository officials;
    private final CallerScope scope;

    UnitPageController(UnitRepository units, ProcedureRepository procedures, OfficialRepository officials, CallerScope scope) {
        this.units = units;
        this.procedures = procedures;
        this.officials = officials;
        this.scope = scope;
    }

    @GetMapping("/units")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", units.search(scope.path(), q, null, PageOf.number(page), PAGE_SIZE));
        return LIST;
    }

    @GetMapping("/units/{code}")
    String unit(@PathVariable String code, Model model) {
        UnitView unit = scope.unit(code);
        model.addAttribute("unit", unit);
        model.addAttribute("scopePath", scope.path());
        model.addAttribute("ancestors", units.ancestors(unit));
        model.addAttribute("children", units.children(code));
        model.addAttribute("procedures", procedures.providedBy(code));
        model.addAttribute("officials", officials.workingIn(code));
        return DETAIL;
    }
}
