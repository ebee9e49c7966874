package org.sipas.indexdb;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The figures of one unit for one year of one index, from one source: every node's value, the
 * parents computed from the tree ({@link IndexTotals}).
 *
 * @param values     node code → value, in the tree's order; a node without a value is absent
 * @param periodFrom for a survey figure, the first day of the period it was measured over (a quarter's
 *                   figure stands for its year only until a later period or the yearly campaign is
 *                   published, {@link SurveyPeriod}); null for other sources
 * @param periodTo   the period's last day, or null
 */
public record UnitFigures(String indexCode, int version, long unitId, String unitCode, String unitName, int year,
                          ValueSource source, Map<String, BigDecimal> values, java.time.LocalDate periodFrom,
                          java.time.LocalDate periodTo) {

    public UnitFigures {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The index's own value (the root's), or null. */
    public BigDecimal total(IndexDefinition definition) {
        return values.get(definition.root().code());
    }
}
