package org.sipas.feedback;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.sipas.catalog.CatalogCodes;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** "Test this rule on last month's responses": how many of them it would have set off, before it is saved. */
@Service
class RulePreview {

    record Result(YearMonth month, long responses, long matched, List<String> examples) {
    }

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Methodologies methodologies;
    private final JsonMapper json;

    RulePreview(JdbcClient jdbc, Methodologies methodologies, JsonMapper json) {
        this.jdbc = jdbc;
        this.methodologies = methodologies;
        this.json = json;
    }

    private record Row(String channel, String answers) {
    }

    Result lastMonth(AlertRule rule, long scopeUnitId, LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        Methodology methodology = methodologies.find(rule.methodologyCode(), rule.methodologyVersion())
                .orElseThrow(() -> new IllegalArgumentException("no methodology " + rule.methodologyCode() + " v" + rule.methodologyVersion()));
        List<Row> rows = jdbc.sql("""
                        SELECT r.channel, r.answers::text AS answers FROM response r
                        WHERE r.methodology_code = :c AND r.methodology_version = :v
                          AND r.submitted_at >= :from AND r.submitted_at < :to AND %s""".formatted(
                        CatalogCodes.unitWithinScope("r.unit_id", "scope")))
                .param("c", rule.methodologyCode()).param("v", rule.methodologyVersion()).param("scope", scopeUnitId)
                .param("from", Timestamp.from(month.atDay(1).atStartOfDay(Formats.ZONE).toInstant()))
                .param("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(Formats.ZONE).toInstant()))
                .query(Row.class).list();
        long matched = 0;
        List<String> examples = new java.util.ArrayList<>();
        for (Row row : rows) {
            var hit = RuleCheck.match(rule, methodology, json.readValue(row.answers(), ANSWERS), row.channel());
            if (hit.isPresent()) {
                matched++;
                if (examples.size() < 5) {
                    examples.add(hit.get());
                }
            }
        }
        return new Result(month, rows.size(), matched, examples);
    }
}
