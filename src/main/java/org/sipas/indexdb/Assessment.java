package org.sipas.indexdb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A unit's PAR INDEX assessment of one year, as read: its state, each leaf's self-assessed and
 * appraised score with the council's reason and the evidence files, and both totals computed from
 * the tree.
 */
public record Assessment(long id, String indexCode, int version, long unitId, String unitCode, String unitName, int year,
                         Status status, String createdBy, String submittedBy, Instant submittedAt, String approvedBy,
                         Instant approvedAt, Map<String, BigDecimal> selfAssessed, Map<String, BigDecimal> appraised,
                         Map<String, String> reasons, List<Evidence> evidence) {

    public enum Status { DRAFT, SUBMITTED, APPROVED }

    /** An evidence file of one sub-criterion (its bytes are read apart). */
    public record Evidence(long id, String nodeCode, String fileName, String contentType, int sizeBytes, String uploadedBy,
                           Instant uploadedAt) {
    }

    /** The self-assessed total (the root's, first in tree order), or null before any score. */
    public BigDecimal selfTotal() {
        return selfAssessed.isEmpty() ? null : selfAssessed.values().iterator().next();
    }

    /** The appraised total, or null before submission. */
    public BigDecimal appraisedTotal() {
        return appraised.isEmpty() ? null : appraised.values().iterator().next();
    }

    public List<Evidence> evidenceOf(String nodeCode) {
        return evidence.stream().filter(e -> e.nodeCode().equals(nodeCode)).toList();
    }
}
