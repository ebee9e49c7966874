package org.sipas.catalog;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.web.TabularReader;
import org.sipas.web.TabularRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports procedures (columns code, name, field, level, unit_codes), idempotent by code. The
 * catalog itself is national: a province administrator adds procedures and links their own
 * units, but only a national administrator renames or re-levels an existing procedure.
 */
@Service
class ProcedureImport implements CatalogImport {

    private static final List<String> REQUIRED = List.of("code", "name", "level");
    private static final String UNIT_CODES = "unit_codes";

    private final ProcedureRepository procedures;
    private final UnitRepository units;
    private final CatalogCodes codes;
    private final ImportLock lock;
    private final AuditLog audit;

    ProcedureImport(ProcedureRepository procedures, UnitRepository units, CatalogCodes codes, ImportLock lock,
                    AuditLog audit) {
        this.procedures = procedures;
        this.units = units;
        this.codes = codes;
        this.lock = lock;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return "procedures";
    }

    private record Row(long line, ProcedureFields fields) {
    }

    @Override
    @Transactional
    public ImportResult importFile(String file, InputStream input, CurrentUser caller) {
        lock.hold(kind());
        String scopePath = units.scopePath(caller.scopeUnitId());
        ScopedUnits allowed = new ScopedUnits(codes.unitsByCode(), scopePath);
        ImportCheck check = new ImportCheck(file);
        Map<String, Row> rows = new LinkedHashMap<>();
        TabularReader.read(file, input, REQUIRED, row -> parse(row, check, allowed)
                .ifPresent(r -> rows.put(r.fields().code(), r)));
        Map<String, ProcedureFields> stored = procedures.forImport(rows.keySet(), scopePath);
        if (UnitTree.depth(scopePath) > 0) {
            rows.values().stream()
                    .filter(r -> stored.containsKey(r.fields().code()))
                    .filter(r -> !stored.get(r.fields().code()).withoutUnits().equals(r.fields().withoutUnits()))
                    .forEach(r -> check.add(r.line(), "name", "catalog.procedure.nationalOnly", r.fields().code()));
        }
        check.rejectIfAny();

        List<ProcedureFields> changes = new ArrayList<>();
        int inserted = 0;
        for (Row row : rows.values()) {
            ProcedureFields before = stored.get(row.fields().code());
            if (before == null) {
                inserted++;
                changes.add(row.fields());
            } else if (!sameAs(before, row.fields())) {
                changes.add(row.fields());
                audit.record("procedure.update", "procedure", row.fields().code(), before, row.fields(), file);
            }
        }
        procedures.upsert(changes);
        procedures.replaceUnits(changes, scopePath);
        ImportResult result = new ImportResult(rows.size(), inserted, changes.size() - inserted);
        audit.record("procedure.import", "procedure", null, null, result, file);
        return result;
    }

    /** Whether a re-import changes nothing: same fields and, when the file lists units, the same units. */
    private static boolean sameAs(ProcedureFields before, ProcedureFields after) {
        return before.withoutUnits().equals(after.withoutUnits())
                && (after.unitCodes() == null || Objects.equals(before.unitCodes(), after.unitCodes()));
    }

    private static Optional<Row> parse(TabularRow row, ImportCheck check, ScopedUnits allowed) {
        String code = check.code(row, "code");
        boolean first = code != null && check.firstOccurrence(row, "code", code);
        String name = check.required(row, "name");
        String levelText = check.required(row, "level");
        ProcedureLevel level = levelText == null ? null : ProcedureLevel.parse(levelText).orElse(null);
        if (levelText != null && level == null) {
            check.add(row.error("level", "catalog.procedure.levelUnknown", levelText));
        }
        Set<String> unitCodes = row.has(UNIT_CODES) ? providers(row, check, allowed) : null;
        if (!first || name == null || level == null) {
            return Optional.empty();
        }
        return Optional.of(new Row(row.line(), new ProcedureFields(code, name, row.get("field"), level, unitCodes)));
    }

    /** The units listed in a row, separated by ";" or "|", each known and inside the importer's scope. */
    private static Set<String> providers(TabularRow row, ImportCheck check, ScopedUnits allowed) {
        String listed = row.get(UNIT_CODES);
        Set<String> codes = new LinkedHashSet<>();
        if (listed == null) {
            return codes;
        }
        Arrays.stream(listed.split("[;|]")).map(String::strip).filter(c -> !c.isEmpty())
                .filter(code -> allowed.find(row, UNIT_CODES, code, check) != null)
                .forEach(codes::add);
        return codes;
    }
}
