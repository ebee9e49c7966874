package org.sipas.catalog;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * Imports officials (columns staff_code, full_name, title, unit_code, optional active),
 * idempotent by staff code. A move to another unit is an update, audited with the unit before
 * and after; dossiers keep the unit they were served in, so a move does not rewrite the past.
 */
@Service
class OfficialImport implements CatalogImport {

    private static final List<String> REQUIRED = List.of("staff_code", "full_name", "unit_code");

    private static final List<String> YES = List.of("1", "true", "yes", "x", "có", "co");
    private static final List<String> NO = List.of("0", "false", "no", "không", "khong");

    private final OfficialRepository officials;
    private final ImportSteps steps;

    OfficialImport(OfficialRepository officials, ImportSteps steps) {
        this.officials = officials;
        this.steps = steps;
    }

    @Override
    public ImportTemplate template(String scopeUnitCode) {
        return new ImportTemplate("mau-cong-chuc", List.of(
                Column.required("staff_code", "catalog.template.official.staffCode"),
                Column.required("full_name", "catalog.template.official.fullName"),
                Column.optional("title", "catalog.template.official.title"),
                Column.required("unit_code", "catalog.template.official.unitCode"),
                Column.optional("active", "catalog.template.official.active", "có", "không")),
                List.of(List.of("CC-MAU-01", "Trần Thị Bình", "Công chức một cửa", scopeUnitCode, "có")));
    }

    @Override
    public String kind() {
        return "officials";
    }

    /** A row as read; {@code active} is null when the file leaves it empty (kept as it is, or true for a newcomer). */
    private record Row(long line, String staffCode, String fullName, String title, String unitCode, Boolean active) {

        OfficialFields fields(OfficialRepository.Stored before) {
            boolean keep = before == null || before.fields().active();
            return new OfficialFields(staffCode, fullName, title, unitCode, active == null ? keep : active);
        }
    }

    @Override
    @Transactional
    public ImportResult importFile(String file, InputStream input, TextEncoding encoding, CurrentUser caller) {
        String scopePath = steps.begin(kind(), caller);
        ScopedUnits allowed = steps.unitsWithin(scopePath);
        ImportCheck check = new ImportCheck(file);
        Map<String, Row> rows = new LinkedHashMap<>();
        TabularReader.read(file, input, encoding, REQUIRED, row -> parse(row, check, allowed)
                .ifPresent(r -> rows.put(r.staffCode(), r)));
        Map<String, OfficialRepository.Stored> stored = officials.forImport(new ArrayList<>(rows.keySet()));
        rows.values().stream()
                .filter(r -> stored.containsKey(r.staffCode()) && !stored.get(r.staffCode()).unitPath().startsWith(scopePath))
                .forEach(r -> check.add(r.line(), "staff_code", "catalog.official.outsideScope", r.staffCode()));
        check.rejectIfAny();

        Changes<OfficialFields> changes = new Changes<>(OfficialFields::equals);
        for (Row row : rows.values()) {
            OfficialRepository.Stored before = stored.get(row.staffCode());
            changes.compare(row.staffCode(), before == null ? null : before.fields(), row.fields(before));
        }
        officials.upsert(changes.written());
        return steps.finish("official", file, changes);
    }

    private static Optional<Row> parse(TabularRow row, ImportCheck check, ScopedUnits allowed) {
        String staffCode = check.required(row, "staff_code", CatalogLimits.CODE);
        boolean first = staffCode != null && check.firstOccurrence(row, "staff_code", staffCode);
        String fullName = check.required(row, "full_name", CatalogLimits.NAME);
        String title = check.optional(row, "title", CatalogLimits.NAME);
        String unitCode = check.required(row, "unit_code", CatalogLimits.CODE);
        CatalogCodes.UnitRef unit = unitCode == null ? null : allowed.find(row, "unit_code", unitCode, check);
        String activeText = row.get("active");
        Boolean active = activeText == null ? null : yesNo(activeText);
        if (activeText != null && active == null) {
            check.add(row.error("active", "catalog.official.activeInvalid", activeText));
        }
        if (!first || fullName == null || unit == null || (activeText != null && active == null)) {
            return Optional.empty();
        }
        return Optional.of(new Row(row.line(), staffCode, fullName, title, unitCode, active));
    }

    private static Boolean yesNo(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        return YES.contains(word) ? Boolean.TRUE : NO.contains(word) ? Boolean.FALSE : null;
    }
}
