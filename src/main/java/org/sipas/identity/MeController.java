package org.sipas.identity;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API takes the caller for: lets an integrator check a key or a login before pushing data. */
@RestController
class MeController {

    record Me(String name, Set<Role> roles, String scopeUnitCode, String scopeUnitName) {
    }

    private final CurrentUsers currentUsers;
    private final UnitDirectory units;

    MeController(CurrentUsers currentUsers, UnitDirectory units) {
        this.currentUsers = currentUsers;
        this.units = units;
    }

    @Operation(summary = "The caller: user name, roles and unit scope")
    @GetMapping("/api/v1/me")
    Me me() {
        CurrentUser caller = currentUsers.current();
        UnitDirectory.UnitRef scope = units.findById(caller.scopeUnitId()).orElseThrow();
        return new Me(caller.name(), caller.roles(), scope.code(), scope.name());
    }
}
