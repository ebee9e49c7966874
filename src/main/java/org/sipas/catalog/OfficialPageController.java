package org.sipas.catalog;

import org.sipas.web.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Officials (công chức) of the caller's units, searchable by name or staff code. */
@Controller
@PreAuthorize(CallerScope.READERS)
class OfficialPageController {

    private static final String LIST = "catalog/officials";

    private final OfficialRepository officials;
    private final CallerScope scope;

    OfficialPageController(OfficialRepository officials, CallerScope scope) {
        this.officials = officials;
        this.scope = scope;
    }

    @GetMapping("/officials")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", officials.search(scope.path(), q, PageOf.number(page), UnitPageController.PAGE_SIZE));
        return LIST;
    }
}
