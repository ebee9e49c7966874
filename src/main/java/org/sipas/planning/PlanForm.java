package org.sipas.planning;

import java.time.LocalDate;

/** A plan's heading as written on its form or in the API. */
record PlanForm(String title, long issuingUnitId, String number, LocalDate issuedOn, int year, String periodLabel,
                String purpose, String requirements) {
}
