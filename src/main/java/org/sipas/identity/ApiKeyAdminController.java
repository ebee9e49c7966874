package org.sipas.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators issue and revoke the API keys of integrations, within their scope. */
@Controller
@RequestMapping("/admin/api-keys")
@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_ADMIN')")
class ApiKeyAdminController {

    private static final String LIST = "identity/api-keys";

    private final ApiKeys keys;
    private final UnitDirectory units;
    private final CurrentUsers currentUsers;

    ApiKeyAdminController(ApiKeys keys, UnitDirectory units, CurrentUsers currentUsers) {
        this.keys = keys;
        this.units = units;
        this.currentUsers = currentUsers;
    }

    record Shown(ApiKeys.Listed key, UnitDirectory.UnitRef unit) {
    }

    @GetMapping
    String list(Model model) {
        long scope = currentUsers.current().scopeUnitId();
        model.addAttribute("keys", keys.all().stream()
                .filter(k -> units.isWithin(k.unitId(), scope))
                .map(k -> new Shown(k, units.findById(k.unitId()).orElse(null)))
                .toList());
        model.addAttribute("roles", List.of(Role.INTEGRATION, Role.ANALYST));
        return LIST;
    }

    @PostMapping
    String issue(@RequestParam String name, @RequestParam String unitCode, @RequestParam(required = false) List<Role> roles,
                 Model model) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.of(Role.INTEGRATION) : EnumSet.copyOf(roles);
        if (chosen.contains(Role.ADMIN) || chosen.contains(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("an API key cannot administer");
        }
        var unit = units.findByCode(unitCode.strip());
        if (name.isBlank() || unit.isEmpty()) {
            model.addAttribute("error", name.isBlank() ? "apiKey.nameRequired" : "user.unitUnknown");
            return list(model);
        }
        if (!units.isWithin(unit.get().id(), currentUsers.current().scopeUnitId())) {
            throw new AccessDeniedException("outside scope");
        }
        model.addAttribute("issued", keys.issue(name.strip(), unit.get().id(), chosen));
        return list(model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id) {
        ApiKeys.Listed key = keys.find(id).orElseThrow(() -> new IllegalArgumentException("No key " + id));
        if (!units.isWithin(key.unitId(), currentUsers.current().scopeUnitId())) {
            throw new AccessDeniedException("outside scope");
        }
        keys.revoke(id);
        return "redirect:/admin/api-keys";
    }
}
