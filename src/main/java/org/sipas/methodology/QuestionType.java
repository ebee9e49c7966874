package org.sipas.methodology;

/** What kind of answer a question takes (XLSForm type names in brackets). */
public enum QuestionType {
    /** A level of an answer scale, e.g. SIPAS's five levels ({@code scale <scale_name>}). */
    SCALE,
    /** One option of a choice list ({@code select_one <list>}). */
    SELECT_ONE,
    /** Any options of a choice list ({@code select_multiple <list>}). */
    SELECT_MULTIPLE,
    /** Free text ({@code text}). */
    TEXT,
    /** A whole number ({@code integer}; a {@code range} of whole numbers). */
    INTEGER,
    /** A number with decimals ({@code decimal}; a {@code range} with a decimal bound or step). */
    DECIMAL,
    /** A date, dd/MM/yyyy ({@code date}). */
    DATE,
    /** The official who served the respondent, picked from the dossier's unit ({@code official}). */
    OFFICIAL,
    /** A text shown to the respondent that takes no answer ({@code note}). */
    NOTE,
    /**
     * A value computed from the answers before it ({@code calculate}, its expression in the
     * {@code calculation} column): never asked, stored with the response as ODK submits it, read by
     * later expressions as {@code ${name}}. The server computes it; a value sent for it is ignored.
     */
    CALCULATE
}
