package org.sipas.reporting;

import java.util.List;
import java.util.Map;

/**
 * What fills a template: the texts of its placeholders, already written as a reader reads them
 * (dates dd/MM/yyyy, percentages with a decimal comma), the items of its repeated rows and its images.
 */
record ReportFields(Map<String, String> values, Map<String, List<Map<String, String>>> lists, Map<String, Image> images) {

    /** A PNG and the width it takes on the page; its height follows the picture's proportions. */
    record Image(byte[] png, int widthPx, int heightPx, double widthCm) {

        double heightCm() {
            return widthCm * heightPx / widthPx;
        }
    }

    ReportFields {
        values = Map.copyOf(values);
        lists = Map.copyOf(lists);
        images = Map.copyOf(images);
    }

    /**
     * Whether these fields give every placeholder of the vocabulary and no other: the content
     * model and the vocabulary templates are checked against are one list.
     */
    boolean answers(ReportVocabulary vocabulary) {
        if (!values.keySet().equals(vocabulary.values()) || !images.keySet().equals(vocabulary.images())
                || !lists.keySet().equals(vocabulary.lists().keySet())) {
            return false;
        }
        return lists.entrySet().stream().allMatch(list -> list.getValue().stream()
                .allMatch(item -> item.keySet().equals(vocabulary.lists().get(list.getKey()))));
    }
}
