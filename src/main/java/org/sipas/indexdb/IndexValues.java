package org.sipas.indexdb;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.sipas.web.TabularReader;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values of the index database: stored per unit, year, node and source, each checked against
 * its tree (a leaf, or a parent only where a measured figure may stand; never above the node's
 * maximum), read with every parent computed ({@link IndexTotals}).
 */
@Service
public class IndexValues {

    /** The columns of a published table. */
    static final List<String> COLUMNS = List.of("unit_code", "year", "node_code", "value");
    /** Which source a page shows for a unit and year when several hold figures: the published one first. */
    static final List<ValueSource> SHOWN_FIRST = List.of(ValueSource.PUBLISHED, ValueSource.APPRAISAL, ValueSource.SURVEY);

    private final DefinitionRepository definitions;
    private final ValueRepository values;
    private final CatalogCodes catalog;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final AuditLog audit;

    IndexValues(DefinitionRepository definitions, ValueRepository values, CatalogCodes catalog, UnitScope scope, CurrentUsers users,
                AuditLog audit) {
        this.definitions = definitions;
        this.values = values;
        this.catalog = catalog;
        this.scope = scope;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Why a value may not be stored at a node, as a message code and its arguments, or empty when it
     * may: the rules every write keeps, whatever brings it.
     */
    static Optional<RowError> refusal(IndexDefinition d, String nodeCode, ValueSource source, BigDecimal value, String file, long line,
                                      String column) {
        Optional<IndexDefinition.Node> node = d.node(nodeCode);
        if (node.isEmpty()) {
            return Optional.of(RowError.of(file, line, column, "indexdb.value.unknownNode", nodeCode, d.code(), d.version()));
        }
        if (!d.isLeaf(node.get()) && (d.aggregation() == Aggregation.SUM || !source.measuresParents())) {
            return Optional.of(RowError.of(file, line, column, "indexdb.value.parent", nodeCode));
        }
        if (value.signum() < 0) {
            return Optional.of(RowError.of(file, line, "value", "indexdb.value.negative", value.toPlainString()));
        }
        BigDecimal max = node.get().maxPoints();
        if (max != null && value.compareTo(max) > 0) {
            return Optional.of(RowError.of(file, line, "value", "indexdb.value.aboveMax", value.stripTrailingZeros().toPlainString(),
                    nodeCode, max.toPlainString()));
        }
        return Optional.empty();
    }

    /**
     * A published table (unit_code, year, node_code, value) of one index: every row checked, then all
     * stored in one transaction as PUBLISHED figures of the index's latest version, or none.
     *
     * @return the number of values stored
     */
    @Transactional
    public int importPublished(String file, InputStream in, String indexCode) {
        if (!users.current().hasAny(Role.ADMIN, Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("published figures are imported by an ADMIN or a PROVINCE_ADMIN");
        }
        IndexDefinition d = definitions.latest(indexCode).orElseThrow(() -> new ImportRejectedException(file,
                List.of(RowError.of(file, 0, null, "indexdb.index.unknown", indexCode))));
        Map<String, CatalogCodes.UnitRef> units = catalog.unitsByCode();
        List<RowError> errors = new ArrayList<>();
        List<ValueRepository.Write> writes = new ArrayList<>();
        Map<Long, Long> unitLine = new LinkedHashMap<>();
        Map<String, Long> seen = new HashMap<>();
        TabularReader.read(file, in, COLUMNS, row -> {
            String unitCode = row.get("unit_code");
            CatalogCodes.UnitRef unit = unitCode == null ? null : units.get(unitCode);
            if (unitCode == null) {
                errors.add(row.error("unit_code", "indexdb.field.missing", "unit_code"));
            } else if (unit == null) {
                errors.add(row.error("unit_code", "indexdb.value.unknownUnit", unitCode));
            }
            Integer year = null;
            try {
                year = row.get("year") == null ? null : Integer.valueOf(row.get("year"));
            } catch (NumberFormatException e) {
                // reported below
            }
            if (year == null || year < 1990 || year > 2100) {
                errors.add(row.error("year", "indexdb.value.year", String.valueOf(row.get("year"))));
            }
            String nodeCode = row.get("node_code");
            BigDecimal value = row.get("value") == null ? null : DefinitionFiles.points(row.get("value"));
            if (value == null) {
                errors.add(row.error("value", "indexdb.value.number", String.valueOf(row.get("value"))));
            }
            if (nodeCode == null) {
                errors.add(row.error("node_code", "indexdb.field.missing", "node_code"));
            } else if (value != null) {
                refusal(d, nodeCode, ValueSource.PUBLISHED, value, file, row.line(), "node_code").ifPresent(errors::add);
            }
            if (unit != null && year != null && nodeCode != null) {
                Long before = seen.putIfAbsent(unit.code() + "|" + year + "|" + nodeCode, row.line());
                if (before != null) {
                    errors.add(row.error("node_code", "indexdb.value.duplicate", unit.code(), year, nodeCode, before));
                }
            }
            if (unit != null && year != null && value != null && d.node(nodeCode == null ? "" : nodeCode).isPresent()) {
                unitLine.putIfAbsent(unit.id(), row.line());
                writes.add(new ValueRepository.Write(d.node(nodeCode).get().id(), unit.id(), year, ValueSource.PUBLISHED, value, null, null));
            }
        });
        Set<Long> covered = scope.covered(unitLine.keySet());
        unitLine.forEach((unitId, line) -> {
            if (!covered.contains(unitId)) {
                errors.add(RowError.of(file, line, "unit_code", "indexdb.value.outOfScope", catalog.unit(unitId).code()));
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(RowError::line));
            throw new ImportRejectedException(file, errors);
        }
        values.upsert(writes, users.actorName());
        audit.record("indexdb.values.import", "index_definition", Long.toString(d.id()), null,
                writes.size() + " published values", file);
        return writes.size();
    }

    /** Stores checked values (the feed of snapshots, the assessments): a refused one is a programming error here. */
    void store(IndexDefinition d, long unitId, int year, ValueSource source, Map<String, BigDecimal> byNode, Map<String, String> reasons,
               Long snapshotId, String by) {
        List<ValueRepository.Write> writes = new ArrayList<>();
        byNode.forEach((code, value) -> {
            refusal(d, code, source, value, d.code(), 0, "node").ifPresent(e -> {
                throw new IllegalArgumentException(e.code() + " " + e.args());
            });
            writes.add(new ValueRepository.Write(d.node(code).orElseThrow().id(), unitId, year, source, value,
                    reasons == null ? null : reasons.get(code), snapshotId));
        });
        values.upsert(writes, by);
    }

    /**
     * Stores a snapshot's survey figures of one unit and year unless the year already holds figures
     * of a period that outranks theirs ({@link SurveyPeriod}); what they replace is forgotten whole, so
     * a year never mixes the nodes of two periods.
     *
     * @return whether they were stored
     */
    boolean storeSurvey(IndexDefinition d, long unitId, SurveyPeriod period, Map<String, BigDecimal> byNode, String by) {
        Optional<SurveyPeriod> held = values.surveyPeriod(d.id(), unitId, period.year());
        if (held.isPresent() && !period.outranks(held.get())) {
            return false;
        }
        values.forgetSurvey(d.id(), unitId, period.year());
        List<ValueRepository.Write> writes = new ArrayList<>();
        byNode.forEach((code, value) -> {
            refusal(d, code, ValueSource.SURVEY, value, d.code(), 0, "node").ifPresent(e -> {
                throw new IllegalArgumentException(e.code() + " " + e.args());
            });
            writes.add(new ValueRepository.Write(d.node(code).orElseThrow().id(), unitId, period.year(), ValueSource.SURVEY, value,
                    null, period.snapshotId(), period.from(), period.to()));
        });
        values.upsert(writes, by);
        return true;
    }

    /** A unit that holds figures of an index. */
    public record Unit(long id, String code, String name) {
    }

    /** Forgets the survey figures stored from these snapshots (earlier versions of a corrected campaign). */
    void forgetSurveys(List<Long> snapshotIds) {
        values.forgetSurveys(snapshotIds);
    }

    /** Every public figure of an index, of one unit and/or one year when given: one per unit, year and source. */
    @Transactional(readOnly = true)
    public List<UnitFigures> figures(String indexCode, Long unitId, Integer year) {
        List<ValueRepository.Row> rows = values.publicValues(indexCode, unitId, year, SHOWN_FIRST);
        Map<String, List<ValueRepository.Row>> groups = new LinkedHashMap<>();
        for (ValueRepository.Row r : rows) {
            groups.computeIfAbsent(r.unitId() + "|" + r.year() + "|" + r.source(), k -> new ArrayList<>()).add(r);
        }
        Map<Long, IndexDefinition> trees = new HashMap<>();
        List<UnitFigures> out = new ArrayList<>();
        for (List<ValueRepository.Row> group : groups.values()) {
            ValueRepository.Row last = group.get(group.size() - 1);
            IndexDefinition d = trees.computeIfAbsent(last.definitionId(), id -> definitions.byId(id).orElseThrow());
            Map<String, BigDecimal> stored = new HashMap<>();
            group.stream().filter(r -> r.definitionId() == d.id()).forEach(r -> stored.put(r.nodeCode(), r.value()));
            out.add(new UnitFigures(indexCode, d.version(), last.unitId(), last.unitCode(), last.unitName(), last.year(), last.source(),
                    IndexTotals.of(d, stored), last.periodFrom(), last.periodTo()));
        }
        return out;
    }

    /** One figure per unit and year: the source shown first that has one ({@link #SHOWN_FIRST}). */
    @Transactional(readOnly = true)
    public List<UnitFigures> shown(String indexCode, Long unitId, Integer year) {
        Map<String, UnitFigures> best = new LinkedHashMap<>();
        for (UnitFigures f : figures(indexCode, unitId, year)) {
            best.merge(f.unitId() + "|" + f.year(), f,
                    (a, b) -> SHOWN_FIRST.indexOf(a.source()) <= SHOWN_FIRST.indexOf(b.source()) ? a : b);
        }
        return List.copyOf(best.values());
    }

    /**
     * The figures shown of one unit, named by its code, oldest year first ({@link #shown}): a trend,
     * e.g. the national SIPAS series the portal's home draws. Empty when the unit holds none.
     */
    @Transactional(readOnly = true)
    public List<UnitFigures> trend(String indexCode, String unitCode) {
        return values.units(indexCode).stream().filter(u -> u.code().equals(unitCode)).findFirst()
                .map(u -> shown(indexCode, u.id(), null).stream().sorted(Comparator.comparingInt(UnitFigures::year)).toList())
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<Integer> years(String indexCode) {
        return values.years(indexCode);
    }

    /** The units that hold public figures of an index, by code. */
    @Transactional(readOnly = true)
    public List<Unit> units(String indexCode) {
        return values.units(indexCode);
    }


    /** A tag that changes whenever the public figures of an index may have (an ETag's content). */
    @Transactional(readOnly = true)
    public String stamp(String indexCode) {
        return values.stamp(indexCode);
    }

    /** One row of a ranking: ties share a rank (1, 2, 2, 4). */
    public record Ranked(int rank, String unitCode, String unitName, ValueSource source, BigDecimal total) {
    }

    /** The ranking of a year by the index's total, highest first, from the figures shown ({@link #shown}). */
    @Transactional(readOnly = true)
    public List<Ranked> ranking(IndexDefinition d, int year) {
        List<UnitFigures> ranked = new ArrayList<>(shown(d.code(), null, year).stream().filter(f -> f.total(d) != null).toList());
        ranked.sort(Comparator.comparing((UnitFigures f) -> f.total(d)).reversed().thenComparing(UnitFigures::unitCode));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            UnitFigures f = ranked.get(i);
            int rank = i > 0 && f.total(d).compareTo(ranked.get(i - 1).total(d)) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Ranked(rank, f.unitCode(), f.unitName(), f.source(), f.total(d)));
        }
        return out;
    }
}
