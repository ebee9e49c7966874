package org.sipas.web;

import java.io.Serializable;

/**
 * What an import stored, the same for every import (units, procedures, officials, dossiers). A
 * row already stored with the same content is neither inserted nor updated: importing the same
 * file twice answers {@code inserted 0, updated 0, unchanged n}.
 */
public record ImportResult(long rows, long inserted, long updated, long unchanged) implements Serializable {

    /** The result of a file of {@code rows} rows of which the rest were already stored as they are. */
    public static ImportResult of(long rows, long inserted, long updated) {
        return new ImportResult(rows, inserted, updated, rows - inserted - updated);
    }
}
