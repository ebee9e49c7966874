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
    private final UnitScope scope;

    ApiKeyAdminController(ApiKeys keys, UnitDirectory units, UnitScope scope) {
        this.keys = keys;
        this.units = units;
        this.scope = scope;
    }

    record Shown(ApiKeys.Listed key, UnitDirectory.UnitRef unit) {
    }

    @GetMapping
    String list(Model model) {
        List<ApiKeys.Listed> all = keys.all();
        Set<Long> mine = scope.covered(all.stream().map(ApiKeys.Listed::unitId).distinct().toList());
        model.addAttribute("keys", all.stream()
                .filter(k -> mine.contains(k.unitId()))
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
        scope.require(unit.get().id());
        model.addAttribute("issued", keys.issue(name.strip(), unit.get().id(), chosen));
        return list(model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id) {
        ApiKeys.Listed key = keys.find(id).orElseThrow(() -> new IllegalArgumentException("No key " + id));
        scope.require(key.unitId());
        keys.revoke(id);
        return "redirect:/admin/api-keys";
    }
}
