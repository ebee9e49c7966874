package org.sipas.reporting;

import java.util.Map;
import java.util.Set;

/**
 * The placeholders a report kind's template may use: {@code ${name}} for a value,
 * {@code ${each:list}} marking a table row repeated once per item of a list with
 * {@code ${list.field}} in its cells, {@code ${chart:name}} alone in a paragraph for an image.
 * A template is checked against it when uploaded, so a misspelt placeholder is refused then, not
 * when a report is asked for.
 *
 * @param lists list name → the fields of its items
 */
record ReportVocabulary(Set<String> values, Map<String, Set<String>> lists, Set<String> images) {

    ReportVocabulary {
        values = Set.copyOf(values);
        lists = Map.copyOf(lists);
        images = Set.copyOf(images);
    }

    boolean isList(String name) {
        return lists.containsKey(name);
    }
}
