package org.sipas.indexdb;

import java.util.Locale;

/** How a parent's value follows from its children's. */
public enum Aggregation {
    /** Points add up (PAR INDEX: sub-criteria → criteria → fields → 100). A parent is never typed. */
    SUM,
    /** Percents average (SIPAS: elements → the index). A survey or a publication may give a parent's own figure. */
    MEAN;

    static Aggregation of(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
