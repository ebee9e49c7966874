package org.sipas.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Officials by id or staff code with their names and units, for pages that name the officials a record is about. */
@Service
public class OfficialNames {

    public record Official(long id, String staffCode, String fullName, String title, long unitId) {
    }

    private static final String SELECT = "SELECT id, staff_code, full_name, title, unit_id FROM official ";

    private final JdbcClient jdbc;

    OfficialNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Official> byIds(Collection<Long> ids) {
        Map<Long, Official> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(SELECT + "WHERE id = ANY (CAST(:ids AS bigint[]))").param("ids", ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                    .query(OfficialNames::official).list().forEach(o -> found.put(o.id(), o));
        }
        return found;
    }

    public Map<String, Official> byStaffCodes(Collection<String> codes) {
        Map<String, Official> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql(SELECT + "WHERE staff_code = ANY (CAST(:codes AS text[]))").param("codes", codes.stream().map(c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(java.util.stream.Collectors.joining(",", "{", "}")))
                    .query(OfficialNames::official).list().forEach(o -> found.put(o.staffCode(), o));
        }
        return found;
    }

    private static Official official(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Official(rs.getLong("id"), rs.getString("staff_code"), rs.getString("full_name"), rs.getString("title"),
                rs.getLong("unit_id"));
    }
}
