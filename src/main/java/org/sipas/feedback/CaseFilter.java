package org.sipas.feedback;

/**
 * What a list of cases is narrowed to; null: any.
 *
 * @param unit     a unit's code: cases of its subtree
 * @param official an official's id: cases naming them as receiving, processing or picked official
 */
record CaseFilter(Long campaign, String unit, Long official, String severity, String state, Boolean overdue) {

    static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null);
    }
}
