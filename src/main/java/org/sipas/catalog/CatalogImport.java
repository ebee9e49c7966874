package org.sipas.catalog;

import java.io.InputStream;

import org.sipas.identity.CurrentUser;
import org.sipas.web.ImportResult;
import org.sipas.web.ImportTemplate;
import org.sipas.web.TextEncoding;

/**
 * One of the catalog's imports (units, procedures, officials), each following the one pipeline:
 * read every row, validate all, then write all in one transaction or nothing at all.
 */
interface CatalogImport {

    /** The plural used in URLs: {@code units}, {@code procedures}, {@code officials}. */
    String kind();

    /**
     * Stores the rows of {@code input} (a CSV read in {@code encoding}, or an XLSX) on behalf of
     * {@code caller}, whose scope bounds what may change.
     *
     * @throws org.sipas.web.ImportRejectedException with every error found, when nothing was stored
     */
    ImportResult importFile(String file, InputStream input, TextEncoding encoding, CurrentUser caller);

    /** The file to fill in: its columns explained, their allowed values, an example row in the unit {@code scopeUnitCode}. */
    ImportTemplate template(String scopeUnitCode);

    /** The same for a file in UTF-8 (or an XLSX). */
    default ImportResult importFile(String file, InputStream input, CurrentUser caller) {
        return importFile(file, input, TextEncoding.UTF_8, caller);
    }
}
