package org.sipas.indexdb;

import java.math.BigDecimal;
import java.util.List;

/**
 * An index tree as read from a file, before it is stored: every node keeps the line it came from,
 * so a check of the whole tree can name it.
 */
record DefinitionDraft(String file, String code, String nameVi, String nameEn, Aggregation aggregation, String fedBy,
                       String sourceNote, List<NodeDraft> nodes) {

    record NodeDraft(long line, String code, String parentCode, Integer ordinal, String nameVi, String nameEn,
                     BigDecimal maxPoints) {
    }

    DefinitionDraft {
        nodes = List.copyOf(nodes);
    }
}
