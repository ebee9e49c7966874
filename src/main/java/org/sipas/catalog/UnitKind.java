package org.sipas.catalog;

import java.util.Locale;
import java.util.Optional;

/** What a unit is in the tree; the official wording (Tỉnh, Phường, Đặc khu, Sở…) stays in unit_type. */
enum UnitKind {
    NATION, PROVINCE, COMMUNE, MINISTRY, DEPARTMENT, VERTICAL_AGENCY, DISTRICT;

    /** The kind named by a file's {@code level} column (province, commune, vertical_agency…), any case. */
    static Optional<UnitKind> ofLevel(String level) {
        try {
            UnitKind kind = valueOf(level.strip().toUpperCase(Locale.ROOT));
            return kind == NATION ? Optional.empty() : Optional.of(kind);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * Provinces and ministries with no parent hang under the nation; the others (communes, districts,
     * departments, vertical agencies) belong to a province or ministry the file must name.
     */
    boolean hangsUnderNationByDefault() {
        return this == PROVINCE || this == MINISTRY;
    }
}
