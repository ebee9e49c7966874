package org.sipas.catalog;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** What the caller of the current request may see of the catalog: the subtree of their scope unit. */
@Component
class CallerScope {

    /** Who reads the catalog: every staff role that works with units. */
    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";
    /** Who imports into it, each within their scope. */
    static final String IMPORTERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";

    private final CurrentUsers users;
    private final UnitRepository units;
    private final ProcedureRepository procedures;
    private final UnitScope scope;
    private final CatalogUnitDirectory directory;

    CallerScope(CurrentUsers users, UnitRepository units, ProcedureRepository procedures, UnitScope scope,
                CatalogUnitDirectory directory) {
        this.users = users;
        this.units = units;
        this.procedures = procedures;
        this.scope = scope;
        this.directory = directory;
    }

    CurrentUser caller() {
        return users.current();
    }

    /** Whether the caller's role may read the catalog (the same roles as {@link #READERS}). */
    boolean mayRead() {
        return users.find().filter(u -> u.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.UNIT_MANAGER, Role.ANALYST)).isPresent();
    }

    /**
     * The path of the caller's scope unit, which the catalog's own searches filter its tables by:
     * what they may see starts with it.
     */
    String path() {
        return units.scopePath(scope.unitId());
    }

    /** The code of the caller's scope unit: the last step of its path. */
    String unitCode() {
        String[] steps = path().split("/");
        return steps[steps.length - 1];
    }

    /** A unit the caller may see: 404 when there is none, 403 when it lies outside their scope. */
    UnitView unit(String code) {
        UnitView unit = units.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        scope.require(directory.findByCode(code).orElseThrow().id());
        return unit;
    }

    /**
     * A procedure the caller may see: any for a national caller, otherwise one that a unit in their
     * scope provides. 404 when there is none, 403 when it is only another province's.
     */
    ProcedureView procedure(String code) {
        String scopePath = path();
        ProcedureView procedure = procedures.find(code, scopePath)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (UnitTree.depth(scopePath) > 0 && procedure.units() == 0) {
            throw new AccessDeniedException("procedure " + code + " is provided by no unit in the caller's scope");
        }
        return procedure;
    }
}
