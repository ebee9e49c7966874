package org.sipas.indexdb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of index_value. */
@Repository
class ValueRepository {

    /** What everyone may see: surveys, publications, and appraisals of an approved assessment. */
    static final String PUBLIC = """
            (v.source IN ('SURVEY', 'PUBLISHED') OR (v.source = 'APPRAISAL' AND EXISTS (
                SELECT 1 FROM index_assessment a WHERE a.definition_id = n.definition_id AND a.unit_id = v.unit_id
                    AND a.year = v.year AND a.status = 'APPROVED')))""";

    private final JdbcClient jdbc;

    ValueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored value, with the version of the tree its node belongs to. */
    record Row(long definitionId, int version, long unitId, String unitCode, String unitName, int year, ValueSource source,
               String nodeCode, BigDecimal value, LocalDate periodFrom, LocalDate periodTo) {
    }

    /** A value to store; a survey figure names its snapshot and the period it was measured over. */
    record Write(long nodeId, long unitId, int year, ValueSource source, BigDecimal value, String reason, Long snapshotId,
                 LocalDate periodFrom, LocalDate periodTo) {

        Write(long nodeId, long unitId, int year, ValueSource source, BigDecimal value, String reason, Long snapshotId) {
            this(nodeId, unitId, year, source, value, reason, snapshotId, null, null);
        }
    }

    void upsert(List<Write> writes, String by) {
        for (Write w : writes) {
            jdbc.sql("""
                            INSERT INTO index_value (node_id, unit_id, year, source, value, reason, snapshot_id, period_from, period_to, recorded_by)
                            VALUES (:node, :unit, :year, :source, :value, :reason, :snapshot, :from, :to, :by)
                            ON CONFLICT (node_id, unit_id, year, source) DO UPDATE SET value = EXCLUDED.value,
                                reason = EXCLUDED.reason, snapshot_id = EXCLUDED.snapshot_id,
                                period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to,
                                recorded_by = EXCLUDED.recorded_by, recorded_at = now()""")
                    .param("node", w.nodeId()).param("unit", w.unitId()).param("year", w.year()).param("source", w.source().name())
                    .param("value", w.value()).param("reason", w.reason()).param("snapshot", w.snapshotId())
                    .param("from", w.periodFrom()).param("to", w.periodTo()).param("by", by)
                    .update();
        }
    }

    /** The period of the survey figures one definition version holds for a unit and year, if any. */
    Optional<SurveyPeriod> surveyPeriod(long definitionId, long unitId, int year) {
        return jdbc.sql("""
                        SELECT v.snapshot_id, v.period_from, v.period_to FROM index_value v JOIN index_node n ON n.id = v.node_id
                        WHERE n.definition_id = :d AND v.unit_id = :unit AND v.year = :year AND v.source = 'SURVEY'
                          AND v.period_from IS NOT NULL
                        ORDER BY v.period_to DESC, v.snapshot_id DESC LIMIT 1""")
                .param("d", definitionId).param("unit", unitId).param("year", year)
                .query((rs, n) -> new SurveyPeriod(rs.getLong("snapshot_id"), rs.getObject("period_from", LocalDate.class),
                                rs.getObject("period_to", LocalDate.class)))
                .optional();
    }

    /** Forgets the survey figures of one definition version, unit and year (before an outranking period's are stored). */
    void forgetSurvey(long definitionId, long unitId, int year) {
        jdbc.sql("""
                        DELETE FROM index_value v USING index_node n
                        WHERE n.id = v.node_id AND n.definition_id = :d AND v.unit_id = :unit AND v.year = :year AND v.source = 'SURVEY'""")
                .param("d", definitionId).param("unit", unitId).param("year", year).update();
    }

    void forgetSurveys(List<Long> snapshotIds) {
        if (!snapshotIds.isEmpty()) {
            jdbc.sql("DELETE FROM index_value WHERE source = 'SURVEY' AND snapshot_id IN (:ids)").param("ids", snapshotIds).update();
        }
    }

    /**
     * The public values of an index (every version of its code), optionally of one unit or one year,
     * and of the given sources.
     */
    List<Row> publicValues(String indexCode, Long unitId, Integer year, List<ValueSource> sources) {
        return jdbc.sql("""
                        SELECT d.id AS definition_id, d.version, v.unit_id, u.code AS unit_code, u.name AS unit_name, v.year,
                               v.source, n.code AS node_code, v.value, v.period_from, v.period_to
                        FROM index_value v JOIN index_node n ON n.id = v.node_id JOIN index_definition d ON d.id = n.definition_id
                        JOIN unit u ON u.id = v.unit_id
                        WHERE d.code = :code AND v.source IN (:sources) AND (CAST(:unit AS bigint) IS NULL OR v.unit_id = :unit)
                          AND (CAST(:year AS int) IS NULL OR v.year = :year) AND """ + PUBLIC + """
                        ORDER BY v.unit_id, v.year, v.source, d.version""")
                .param("code", indexCode).param("sources", sources.stream().map(Enum::name).toList())
                .param("unit", unitId).param("year", year)
                .query((rs, n) -> new Row(rs.getLong("definition_id"), rs.getInt("version"), rs.getLong("unit_id"),
                        rs.getString("unit_code"), rs.getString("unit_name"), rs.getInt("year"), ValueSource.valueOf(rs.getString("source")),
                        rs.getString("node_code"), rs.getBigDecimal("value").stripTrailingZeros(),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)))
                .list();
    }

    /** Every value of one definition version, unit and year, of one source: an assessment's scores. */
    List<Row> values(long definitionId, long unitId, int year, ValueSource source) {
        return jdbc.sql("""
                        SELECT d.id AS definition_id, d.version, v.unit_id, u.code AS unit_code, u.name AS unit_name, v.year,
                               v.source, n.code AS node_code, v.value, v.period_from, v.period_to
                        FROM index_value v JOIN index_node n ON n.id = v.node_id JOIN index_definition d ON d.id = n.definition_id
                        JOIN unit u ON u.id = v.unit_id
                        WHERE d.id = :d AND v.unit_id = :unit AND v.year = :year AND v.source = :source""")
                .param("d", definitionId).param("unit", unitId).param("year", year).param("source", source.name())
                .query((rs, n) -> new Row(rs.getLong("definition_id"), rs.getInt("version"), rs.getLong("unit_id"),
                        rs.getString("unit_code"), rs.getString("unit_name"), rs.getInt("year"), ValueSource.valueOf(rs.getString("source")),
                        rs.getString("node_code"), rs.getBigDecimal("value").stripTrailingZeros(),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)))
                .list();
    }

    /** The reason an appraised value gives, by node code. */
    java.util.Map<String, String> reasons(long definitionId, long unitId, int year) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT n.code, v.reason FROM index_value v JOIN index_node n ON n.id = v.node_id
                        WHERE n.definition_id = :d AND v.unit_id = :unit AND v.year = :year AND v.source = 'APPRAISAL'
                          AND v.reason IS NOT NULL""")
                .param("d", definitionId).param("unit", unitId).param("year", year)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The years that hold public values of an index, newest first. */
    List<Integer> years(String indexCode) {
        return jdbc.sql("""
                        SELECT DISTINCT v.year FROM index_value v JOIN index_node n ON n.id = v.node_id
                        JOIN index_definition d ON d.id = n.definition_id WHERE d.code = :code AND """ + PUBLIC + " ORDER BY v.year DESC")
                .param("code", indexCode).query(Integer.class).list();
    }

    /** The units that hold public values of an index: id, code, name, by code. */
    List<IndexValues.Unit> units(String indexCode) {
        return jdbc.sql("""
                        SELECT DISTINCT u.id, u.code, u.name FROM index_value v JOIN index_node n ON n.id = v.node_id
                        JOIN index_definition d ON d.id = n.definition_id JOIN unit u ON u.id = v.unit_id
                        WHERE d.code = :code AND """ + PUBLIC + " ORDER BY u.code")
                .param("code", indexCode).query((rs, n) -> new IndexValues.Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * What changes when an index's public figures change: its versions, its values (how many, the
     * latest written) and its approvals. The open data's ETag.
     */
    String stamp(String indexCode) {
        return jdbc.sql("""
                        SELECT concat_ws('.', (SELECT max(version) FROM index_definition WHERE code = :code),
                            count(v.id), extract(epoch FROM max(v.recorded_at))::bigint,
                            (SELECT extract(epoch FROM max(a.approved_at))::bigint FROM index_assessment a
                             JOIN index_definition d2 ON d2.id = a.definition_id WHERE d2.code = :code))
                        FROM index_value v JOIN index_node n ON n.id = v.node_id JOIN index_definition d ON d.id = n.definition_id
                        WHERE d.code = :code""")
                .param("code", indexCode).query(String.class).single();
    }
}
