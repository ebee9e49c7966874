package org.sipas.web;

import java.util.List;

/**
 * An import that stored nothing because its file has errors; carries every error found, not
 * only the first, so a user can fix the file in one pass.
 */
public class ImportRejectedException extends RuntimeException {

    private final String file;
    private final List<RowError> errors;

    public ImportRejectedException(String file, List<RowError> errors) {
        super(file + ": " + errors.size() + " error(s), first at line " + (errors.isEmpty() ? 0 : errors.get(0).line()));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public String file() {
        return file;
    }

    public List<RowError> errors() {
        return errors;
    }
}
