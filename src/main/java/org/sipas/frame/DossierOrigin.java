package org.sipas.frame;

import java.util.Locale;

/** Where dossiers come from, and so how an error names the place of a field. */
enum DossierOrigin {
    /** A CSV or XLSX file: errors name the line and the column header. */
    FILE,
    /** A JSON batch: errors name the 1-based item and the property. */
    API;

    String nameOf(DossierField field) {
        return field == null ? null : this == FILE ? field.column() : field.property();
    }

    String kind() {
        return name().toLowerCase(Locale.ROOT);
    }
}
