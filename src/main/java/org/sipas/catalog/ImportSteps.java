package org.sipas.catalog;

import org.sipas.web.ImportResult;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The steps every catalog import takes first and last, inside the import's one transaction. */
@Component
class ImportSteps {

    private final JdbcClient jdbc;
    private final UnitRepository units;
    private final CatalogCodes codes;
    private final AuditLog audit;

    ImportSteps(JdbcClient jdbc, UnitRepository units, CatalogCodes codes, AuditLog audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.codes = codes;
        this.audit = audit;
    }

    /**
     * Waits for any other import of the same kind to finish, on whichever node it runs (two unit
     * files checked against the same tree and then both written could close a cycle; two files
     * adding the same code would collide on its unique key), and gives the caller's scope path.
     */
    String begin(String kind, CurrentUser caller) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "sipas.catalog." + kind)
                .query((rs, n) -> n).single();
        return units.scopePath(caller.scopeUnitId());
    }

    /** The units an import row may name: all known ones, of which only those in the scope are allowed. */
    ScopedUnits unitsWithin(String scopePath) {
        return new ScopedUnits(codes.unitsByCode(), scopePath);
    }

    /**
     * Audits the import: one entry per changed record with its before and after, one for the
     * whole file with its counts.
     *
     * @param entity unit, procedure or official: the audit log's entity type and action prefix
     */
    ImportResult finish(String entity, String file, Changes<?> changes) {
        changes.updates().forEach(u -> audit.record(entity + ".update", entity, u.key(), u.before(), u.after(), file));
        ImportResult result = changes.result();
        audit.record(entity + ".import", entity, null, null, result, file);
        return result;
    }
}
