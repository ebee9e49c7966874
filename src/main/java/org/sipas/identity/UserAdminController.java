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

/**
 * Administrators manage staff accounts inside their own scope; a province administrator can
 * neither see users outside the province nor grant ADMIN.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_ADMIN')")
class UserAdminController {

    private static final String LIST = "identity/users";

    private final StaffAccounts accounts;
    private final UnitDirectory units;
    private final CurrentUsers currentUsers;
    private final UnitScope scope;

    UserAdminController(StaffAccounts accounts, UnitDirectory units, CurrentUsers currentUsers, UnitScope scope) {
        this.accounts = accounts;
        this.units = units;
        this.currentUsers = currentUsers;
        this.scope = scope;
    }

    /** A user as listed, with the unit's name for people. */
    record Shown(UserRepository.UserRow user, UnitDirectory.UnitRef unit) {
    }

    @GetMapping
    String list(Model model) {
        CurrentUser me = currentUsers.current();
        List<UserRepository.UserRow> all = accounts.all();
        Set<Long> mine = scope.covered(all.stream().map(UserRepository.UserRow::unitId).distinct().toList());
        List<Shown> visible = all.stream()
                .filter(u -> mine.contains(u.unitId()))
                .map(u -> new Shown(u, units.findById(u.unitId()).orElse(null)))
                .toList();
        model.addAttribute("users", visible);
        model.addAttribute("roles", grantable(me));
        return LIST;
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String unitCode,
                  @RequestParam(required = false) List<Role> roles, Model model) {
        CurrentUser me = currentUsers.current();
        Set<Role> chosen = roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        try {
            if (username.isBlank() || displayName.isBlank()) {
                throw new IllegalArgumentException("user.fieldsRequired");
            }
            UnitDirectory.UnitRef unit = units.findByCode(unitCode.strip())
                    .orElseThrow(() -> new IllegalArgumentException("user.unitUnknown"));
            scope.require(unit.id());
            if (!grantable(me).containsAll(chosen)) {
                throw new AccessDeniedException("role not grantable");
            }
            String password = accounts.create(username, displayName, unit.id(), chosen, null);
            model.addAttribute("created", username);
            model.addAttribute("oneTimePassword", password);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return list(model);
    }

    @PostMapping("/{id}/reset")
    String reset(@PathVariable long id, Model model) {
        UserRepository.UserRow user = inScope(id);
        model.addAttribute("created", user.username());
        model.addAttribute("oneTimePassword", accounts.resetPassword(id));
        return list(model);
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled) {
        inScope(id);
        accounts.setEnabled(id, enabled);
        return "redirect:/admin/users";
    }

    private UserRepository.UserRow inScope(long id) {
        UserRepository.UserRow user = accounts.find(id);
        scope.require(user.unitId());
        return user;
    }

    private static Set<Role> grantable(CurrentUser me) {
        Set<Role> roles = EnumSet.allOf(Role.class);
        roles.remove(Role.INTEGRATION);
        if (!me.has(Role.ADMIN)) {
            roles.remove(Role.ADMIN);
            // an editor publishes on the one national portal, whatever their unit: a national administrator names them
            roles.remove(Role.EDITOR);
        }
        return roles;
    }

}
