package org.sipas.frame;

/**
 * How many dossiers one group holds.
 *
 * @param id    the unit's or procedure's id; for a month, yyyyMM as a number
 * @param key   the unit's or procedure's code; for a month, yyyy-MM
 * @param label the unit's or procedure's name; for a month, MM/yyyy
 */
public record DossierCount(long id, String key, String label, long dossiers) {
}
