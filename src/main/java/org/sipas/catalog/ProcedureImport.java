package org.sipas.catalog;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sipas.web.ImportResult;
import org.sipas.web.ImportTemplate;
import org.sipas.web.ImportTemplate.Column;
import org.sipas.identity.CurrentUser;
import org.sipas.web.TabularReader;
import org.sipas.web.TabularRow;
import org.sipas.web.TextEncoding;
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
    private final ImportSteps steps;

    ProcedureImport(ProcedureRepository procedures, ImportSteps steps) {
        this.procedures = procedures;
        this.steps = steps;
    }

    @Override
    public ImportTemplate template(String scopeUnitCode) {
        return new ImportTemplate("mau-thu-tuc", List.of(
                Column.required("code", "catalog.template.procedure.code"),
                Column.required("name", "catalog.template.procedure.name"),
                Column.optional("field", "catalog.template.procedure.field"),
                Column.required("level", "catalog.template.procedure.level", "Trung ương", "Tỉnh", "Xã", "Nhiều cấp"),
                Column.optional(UNIT_CODES, "catalog.template.procedure.unitCodes")),
                List.of(List.of("MAU.000001", "Đăng ký khai sinh", "Hộ tịch", "Xã", scopeUnitCode)));
    }

    @Override
    public String kind() {
        return "procedures";
    }

    private record Row(long line, ProcedureFields fields) {
    }

    @Override
    @Transactional
    public ImportResult importFile(String file, InputStream input, TextEncoding encoding, CurrentUser caller) {
        String scopePath = steps.begin(kind(), caller);
        ScopedUnits allowed = steps.unitsWithin(scopePath);
        ImportCheck check = new ImportCheck(file);
        Map<String, Row> rows = new LinkedHashMap<>();
        TabularReader.read(file, input, encoding, REQUIRED, row -> parse(row, check, allowed)
                .ifPresent(r -> rows.put(r.fields().code(), r)));
        Map<String, ProcedureFields> stored = procedures.forImport(rows.keySet(), scopePath);
        if (UnitTree.depth(scopePath) > 0) {
            rows.values().stream()
                    .filter(r -> stored.containsKey(r.fields().code()))
                    .filter(r -> !stored.get(r.fields().code()).withoutUnits().equals(r.fields().withoutUnits()))
                    .forEach(r -> check.add(r.line(), "name", "catalog.procedure.nationalOnly", r.fields().code()));
        }
        check.rejectIfAny();

        Changes<ProcedureFields> changes = new Changes<>(ProcedureImport::sameAs);
        rows.values().forEach(row -> changes.compare(row.fields().code(), stored.get(row.fields().code()), row.fields()));
        procedures.upsert(changes.written());
        procedures.replaceUnits(changes.written(), scopePath);
        return steps.finish("procedure", file, changes);
    }

    /** Whether a re-import changes nothing: same fields and, when the file lists units, the same units. */
    private static boolean sameAs(ProcedureFields before, ProcedureFields after) {
        return before.withoutUnits().equals(after.withoutUnits())
                && (after.unitCodes() == null || Objects.equals(before.unitCodes(), after.unitCodes()));
    }

    private static Optional<Row> parse(TabularRow row, ImportCheck check, ScopedUnits allowed) {
        String code = check.code(row, "code");
        boolean first = code != null && check.firstOccurrence(row, "code", code);
        String name = check.required(row, "name", CatalogLimits.PROCEDURE_NAME);
        String levelText = check.required(row, "level", CatalogLimits.NAME);
        String field = check.optional(row, "field", CatalogLimits.FIELD);
        ProcedureLevel level = levelText == null ? null : ProcedureLevel.parse(levelText).orElse(null);
        if (levelText != null && level == null) {
            check.add(row.error("level", "catalog.procedure.levelUnknown", levelText));
        }
        Set<String> unitCodes = row.has(UNIT_CODES) ? providers(row, check, allowed) : null;
        if (!first || name == null || level == null) {
            return Optional.empty();
        }
        return Optional.of(new Row(row.line(), new ProcedureFields(code, name, field, level, unitCodes)));
    }

    /** The units listed in a row, separated by ";" or "|", each known and inside the importer's scope. */
    private static Set<String> providers(TabularRow row, ImportCheck check, ScopedUnits allowed) {
        String listed = check.optional(row, UNIT_CODES, CatalogLimits.UNIT_CODES);
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
