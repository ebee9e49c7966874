package org.sipas.reporting;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports' DOCX machinery offered to other packages (a plan's export), so there is one way to
 * fill a Word template: {@code ${name}} placeholders, rows marked {@code ${each:list}} repeated
 * once per item with {@code ${list.field}} in their cells, a placeholder alone in its paragraph
 * taking a text of several lines as several paragraphs. The template is checked against the
 * fields given before it is filled ({@link ReportTemplate}).
 */
public final class DocxFill {

    public static final String CONTENT_TYPE = ReportTemplate.CONTENT_TYPE;

    private DocxFill() {
    }

    /**
     * The template filled.
     *
     * @param values     placeholder → its text, as a reader reads it
     * @param listFields list name → the fields of its items (the vocabulary, so an empty list is checked too)
     * @param lists      list name → its items, each with exactly its list's fields
     * @throws org.sipas.web.ImportRejectedException naming the place of a placeholder the fields do not give
     */
    public static byte[] fill(String fileName, byte[] template, Map<String, String> values, Map<String, Set<String>> listFields,
                              Map<String, List<Map<String, String>>> lists) {
        ReportVocabulary vocabulary = new ReportVocabulary(values.keySet(), listFields, Set.of());
        return ReportTemplate.read(fileName, template, vocabulary).fill(new ReportFields(values, lists, Map.of()));
    }
}
