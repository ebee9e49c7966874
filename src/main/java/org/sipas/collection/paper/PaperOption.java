package org.sipas.collection.paper;

/**
 * One answer as printed beside its code box: what the clerk keys ({@code digit}), what is stored
 * ({@code code}), and what the respondent read.
 */
record PaperOption(String digit, String code, String label) {
}
