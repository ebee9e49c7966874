package org.sipas.frame;

/**
 * One dossier as it arrives, a file row or an item of a JSON batch, before any check: the checks
 * are the same for both, only the way a value is read differs.
 */
interface IncomingDossier {

    /** The file line, or the 1-based position in a batch. */
    long line();

    /** The value of a field, trimmed, or null when empty. */
    String get(DossierField field);
}
