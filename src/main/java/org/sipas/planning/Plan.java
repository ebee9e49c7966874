package org.sipas.planning;

import java.time.Instant;
import java.time.LocalDate;

/** A plan's heading as its first page reads: who issues it, its number and date, its year or period, why. */
record Plan(long id, String title, long issuingUnitId, String issuingUnitName, String issuingUnitCode, String number,
            LocalDate issuedOn, int year, String periodLabel, String purpose, String requirements, PlanStatus status,
            String templateCode, String createdBy, Instant createdAt) {

    /** The year, or the period when the plan spans several ("giai đoạn 2014 - 2020"). */
    public String period() {
        return periodLabel == null || periodLabel.isBlank() ? String.valueOf(year) : periodLabel;
    }
}
