package org.sipas.catalog;

import java.io.InputStream;

import org.sipas.web.ImportResult;
import org.sipas.identity.CurrentUser;

/**
 * One of the catalog's imports (units, procedures, officials), each following the one pipeline:
 * read every row, validate all, then write all in one transaction or nothing at all.
 */
interface CatalogImport {

    /** The plural used in URLs: {@code units}, {@code procedures}, {@code officials}. */
    String kind();

    /**
     * Stores the rows of {@code input} on behalf of {@code caller}, whose scope bounds what may change.
     *
     * @throws org.sipas.web.ImportRejectedException with every error found, when nothing was stored
     */
    ImportResult importFile(String file, InputStream input, CurrentUser caller);
}
