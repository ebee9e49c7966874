package org.sipas.catalog;

import org.sipas.web.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Procedures (TTHC) for people: the list a caller's units provide, and a page per procedure. */
@Controller
@PreAuthorize(CallerScope.READERS)
class ProcedurePageController {

    private static final String LIST = "catalog/procedures";
    private static final String DETAIL = "catalog/procedure";

    private final ProcedureRepository procedures;
    private final UnitRepository units;
    private final CallerScope scope;

    ProcedurePageController(ProcedureRepository procedures, UnitRepository units, CallerScope scope) {
        this.procedures = procedures;
        this.units = units;
        this.scope = scope;
    }

    @GetMapping("/procedures")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", procedures.search(scope.path(), q, PageOf.number(page), UnitPageController.PAGE_SIZE));
        return LIST;
    }

    @GetMapping("/procedures/{code}")
    String procedure(@PathVariable String code, Model model) {
        model.addAttribute("procedure", scope.procedure(code));
        model.addAttribute("units", units.providing(code, scope.path()));
        return DETAIL;
    }
}
