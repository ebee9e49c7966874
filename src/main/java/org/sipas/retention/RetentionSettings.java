package org.sipas.retention;

import java.time.Instant;

/**
 * The retention rule's settings (V98): a closed campaign's re-check window in days, the grace after a
 * consented case is closed in days, and how long a dossier in no campaign keeps its contact, in months.
 */
record RetentionSettings(int recheckDays, int caseGraceDays, int unattachedMonths, String updatedBy, Instant updatedAt) {

    static final int MAX_DAYS = 365;
    static final int MAX_MONTHS = 120;
}
