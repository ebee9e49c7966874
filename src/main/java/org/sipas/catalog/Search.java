package org.sipas.catalog;

import java.util.HashMap;
import java.util.Map;

import org.sipas.web.PageOf;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalog's list searches: what a user typed, and one page of what matches it. */
final class Search {

    private Search() {
    }

    /**
     * What a user typed as the named parameter {@code :pattern}: {@code %text%}, null when nothing
     * was typed, for {@code search LIKE fold(:pattern)} (each table's {@code search} column holds
     * its codes and names folded by the database's {@code fold()}, so diacritics do not matter).
     * LIKE's own characters are escaped, so "10%" means ten percent. The map is mutable for the
     * caller's own parameters.
     */
    static Map<String, Object> params(String typed) {
        Map<String, Object> params = new HashMap<>();
        boolean empty = typed == null || typed.isBlank();
        String literal = empty ? null : typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        params.put("pattern", empty ? null : "%" + literal + "%");
        return params;
    }

    /**
     * One page of {@code SELECT columns FROM… WHERE…} in {@code order}, with the count of all rows
     * that match for the pager.
     */
    static <T> PageOf<T> page(JdbcClient jdbc, String columns, String fromWhere, String order, Map<String, Object> params,
                              RowMapper<T> rows, int page, int size) {
        long total = jdbc.sql("SELECT count(*) " + fromWhere).params(params).query(Long.class).single();
        return new PageOf<>(jdbc.sql(columns + " " + fromWhere + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) (page - 1) * size)
                .query(rows).list(), page, size, total);
    }
}
