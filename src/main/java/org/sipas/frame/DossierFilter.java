package org.sipas.frame;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.sipas.catalog.CatalogCodes;
import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which dossiers a count or a list is about: always those in the caller's scope, optionally only
 * a unit's subtree, one procedure and a period of receipt (dates inclusive, Vietnamese time).
 */
record DossierFilter(long scopeUnitId, Long unitId, Long procedureId, LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The condition on {@code dossier d}; a unit outside the scope simply matches nothing. */
    static final String WHERE = " WHERE " + CatalogCodes.unitWithinScope("d.unit_id", "scope") + """
             AND (CAST(:unit AS bigint) IS NULL OR %s)
             AND (CAST(:procedure AS bigint) IS NULL OR d.procedure_id = :procedure)
             AND (CAST(:from AS timestamptz) IS NULL OR d.received_at >= :from)
             AND (CAST(:to AS timestamptz) IS NULL OR d.received_at < :to)
            """.formatted(CatalogCodes.unitWithinScope("d.unit_id", "unit"));

    static DossierFilter scope(long scopeUnitId) {
        return new DossierFilter(scopeUnitId, null, null, null, null);
    }

    /**
     * The filter a page or API request asks for, codes and dates as people type them.
     *
     * @throws IllegalArgumentException naming (as a message code) the unknown unit, procedure or date
     */
    static DossierFilter parse(long scopeUnitId, String unitCode, String procedureCode, String from, String to,
                               CatalogCodes catalog) {
        Long unitId = null;
        if (present(unitCode)) {
            CatalogCodes.UnitRef unit = catalog.unitsByCode().get(unitCode.strip());
            if (unit == null) {
                throw new IllegalArgumentException("frame.filter.unitUnknown");
            }
            unitId = unit.id();
        }
        Long procedureId = null;
        if (present(procedureCode)) {
            procedureId = catalog.procedureIdsByCode().get(procedureCode.strip());
            if (procedureId == null) {
                throw new IllegalArgumentException("frame.filter.procedureUnknown");
            }
        }
        return new DossierFilter(scopeUnitId, unitId, procedureId, date(from), date(to));
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
        return sql.param("scope", scopeUnitId).param("unit", unitId).param("procedure", procedureId)
                .param("from", from == null ? null : OffsetDateTime.from(from.atStartOfDay(Formats.ZONE)))
                .param("to", to == null ? null : OffsetDateTime.from(to.plusDays(1).atStartOfDay(Formats.ZONE)));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** dd/MM/yyyy as people write it, or yyyy-MM-dd as a date field sends it. */
    private static LocalDate date(String text) {
        if (!present(text)) {
            return null;
        }
        try {
            String t = text.strip();
            return t.indexOf('/') > 0 ? LocalDate.parse(t, DATE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("frame.filter.dateInvalid", e);
        }
    }
}
