package org.sipas.frame;

/**
 * What an import stored. A dossier already stored with the same content is neither inserted nor
 * updated: pushing the same batch twice answers {@code inserted 0, updated 0, unchanged n}.
 */
public record ImportResult(long rows, long inserted, long updated, long unchanged) {
}
