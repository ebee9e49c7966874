package org.sipas.catalog;

import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * Imports an official unit list (columns level, code, name, full_name, name_en, unit_type,
 * parent_code): updates by code, never duplicates, takes rows in any order, and stores nothing
 * unless every row is right.
 */
@Service
class UnitImport implements CatalogImport {

    private static final List<String> REQUIRED = List.of("level", "code", "name");

    private final UnitRepository units;
    private final ImportSteps steps;

    UnitImport(UnitRepository units, ImportSteps steps) {
        this.units = units;
        this.steps = steps;
    }

    @Override
    public ImportTemplate template(String scopeUnitCode) {
        String[] levels = Arrays.stream(UnitKind.values()).filter(k -> k != UnitKind.NATION)
                .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return new ImportTemplate("mau-don-vi", List.of(
                Column.required("level", "catalog.template.unit.level", levels),
                Column.required("code", "catalog.template.unit.code"),
                Column.required("name", "catalog.template.unit.name"),
                Column.optional("full_name", "catalog.template.unit.fullName"),
                Column.optional("name_en", "catalog.template.unit.nameEn"),
                Column.optional("unit_type", "catalog.template.unit.unitType"),
                Column.optional("parent_code", "catalog.template.unit.parentCode")),
                List.of(List.of("commune", scopeUnitCode + "-MAU", "Phường Mẫu", "Ủy ban nhân dân Phường Mẫu", "Mau Ward", "Phường",
                        scopeUnitCode)));
    }

    @Override
    public String kind() {
        return "units";
    }

    /** A row that passed its own checks, with the line to blame for what the whole file reveals. */
    private record Row(long line, UnitFields fields) {
    }

    @Override
    @Transactional
    public ImportResult importFile(String file, InputStream input, TextEncoding encoding, CurrentUser caller) {
        String scopePath = steps.begin(kind(), caller);
        Map<String, UnitTree.Stored> stored = units.allForImport();
        String nation = nationCode(stored);
        ImportCheck check = new ImportCheck(file);
        Map<String, Row> rows = new LinkedHashMap<>();
        Set<String> codesInFile = new HashSet<>();
        TabularReader.read(file, input, encoding, REQUIRED, row -> parse(row, nation, stored, check, codesInFile)
                .ifPresent(r -> rows.put(r.fields().code(), r)));

        Map<String, String> paths = place(rows, stored, codesInFile, scopePath, check);
        check.rejectIfAny();

        Changes<UnitFields> changes = new Changes<>(UnitFields::equals);
        rows.forEach((code, row) -> changes.compare(code, stored.containsKey(code) ? stored.get(code).fields() : null,
                row.fields()));
        // parents first: each row finds its parent's id by code
        units.upsert(changes.written().stream()
                .map(fields -> new UnitRepository.Placed(fields, paths.get(fields.code())))
                .sorted(Comparator.comparingInt(placed -> UnitTree.depth(placed.path())))
                .toList());
        units.repathBelow(changes.updates().stream()
                .filter(u -> !Objects.equals(u.before().parentCode(), u.after().parentCode()))
                .map(Changes.Update::key)
                .toList());
        return steps.finish("unit", file, changes);
    }

    /**
     * The path of every row in the tree the import makes, after checking what only the whole file
     * reveals: parents that exist nowhere, cycles, moves across the caller's scope.
     */
    private static Map<String, String> place(Map<String, Row> rows, Map<String, UnitTree.Stored> stored,
                                             Set<String> codesInFile, String scopePath, ImportCheck check) {
        Map<String, UnitFields> imported = new LinkedHashMap<>();
        rows.forEach((code, row) -> imported.put(code, row.fields()));
        UnitTree tree = new UnitTree(stored, imported);
        Set<String> cycles = tree.cycles();
        Map<String, String> paths = new HashMap<>();
        for (Row row : rows.values()) {
            String parent = row.fields().parentCode();
            if (!codesInFile.contains(parent) && !stored.containsKey(parent)) {
                check.add(row.line(), "parent_code", "catalog.unit.parentUnknown", parent);
            } else if (cycles.contains(row.fields().code())) {
                check.add(row.line(), "parent_code", "catalog.unit.cycle", row.fields().code());
            } else if (tree.path(row.fields().code()) != null) {
                paths.put(row.fields().code(), tree.path(row.fields().code()));
                checkScope(check, row, stored.get(row.fields().code()), paths.get(row.fields().code()), scopePath);
            }
        }
        return paths;
    }

    private static Optional<Row> parse(TabularRow row, String nation, Map<String, UnitTree.Stored> stored,
                                                 ImportCheck check, Set<String> codesInFile) {
        String level = check.required(row, "level", CatalogLimits.NAME);
        UnitKind kind = level == null ? null : UnitKind.ofLevel(level).orElse(null);
        if (level != null && kind == null) {
            check.add(row.error("level", "catalog.unit.levelUnknown", level));
        }
        String code = check.code(row, "code");
        String name = check.required(row, "name", CatalogLimits.NAME);
        String fullName = check.optional(row, "full_name", CatalogLimits.FULL_NAME);
        String nameEn = check.optional(row, "name_en", CatalogLimits.NAME);
        String unitType = check.optional(row, "unit_type", CatalogLimits.UNIT_TYPE);
        String parent = check.optional(row, "parent_code", CatalogLimits.CODE);
        if (parent == null && row.get("parent_code") != null) {
            return Optional.empty(); // too long, already noted
        }
        if (code != null) {
            codesInFile.add(code);
            if (stored.containsKey(code) && stored.get(code).fields().kind() == UnitKind.NATION) {
                check.add(row.error("code", "catalog.unit.nationReserved", code));
                return Optional.empty();
            }
            if (!check.firstOccurrence(row, "code", code)) {
                return Optional.empty();
            }
        }
        if (kind != null && parent == null) {
            if (!kind.hangsUnderNationByDefault()) {
                check.add(row.error("parent_code", "catalog.unit.parentRequired", level));
                return Optional.empty();
            }
            parent = nation;
        }
        if (code == null || name == null || kind == null) {
            return Optional.empty();
        }
        return Optional.of(new Row(row.line(), new UnitFields(code, name, fullName, nameEn, kind, unitType, parent)));
    }

    /**
     * A caller below the nation changes only units inside their subtree, moves none out of it, and
     * may list their own root unit only unchanged (a province's list usually starts with the province).
     */
    private static void checkScope(ImportCheck check, Row row, UnitTree.Stored before, String path, String scopePath) {
        String code = row.fields().code();
        if (before != null && !before.path().startsWith(scopePath)) {
            check.add(row.line(), "code", "catalog.unit.outsideScope", code);
        } else if (!path.startsWith(scopePath)) {
            check.add(row.line(), "parent_code", "catalog.unit.outsideScope", row.fields().parentCode());
        } else if (before != null && before.path().equals(scopePath) && !before.fields().equals(row.fields())) {
            check.add(row.line(), "code", "catalog.unit.outsideScope", code);
        }
    }

    private static String nationCode(Map<String, UnitTree.Stored> stored) {
        return stored.values().stream().filter(u -> u.fields().kind() == UnitKind.NATION)
                .map(u -> u.fields().code()).findFirst().orElseThrow();
    }
}
