package org.sipas.identity;

import org.sipas.web.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, newest first, filterable by the kind of record changed. Nationwide, so for
 * administrators only (entries are not yet tagged with a unit to scope them by).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private static final String VIEW = "identity/audit";
    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String type, @RequestParam(required = false) Integer page, Model model) {
        String entityType = type == null || type.isBlank() ? null : type;
        int number = PageOf.number(page);
        long total = audit.count(entityType);
        model.addAttribute("page", new PageOf<>(audit.page(entityType, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE),
                number, PAGE_SIZE, total));
        model.addAttribute("type", entityType);
        return VIEW;
    }
}
