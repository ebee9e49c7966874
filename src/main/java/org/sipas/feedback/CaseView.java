package org.sipas.feedback;

import java.time.Instant;

/**
 * A case as every page, mail, webhook and the API show it: the complaint, the dossier and the
 * officials, never who made it nor how to reach them (DESIGN §8; the consented contact is read apart,
 * by the owner only, {@link CaseContacts}). There is deliberately no field for a name or a phone.
 */
record CaseView(long id, String state, String severity, String rule, String ruleLabel, String matched, Long campaignId,
                long unitId, String unitCode, String unitName, long ownerUnitId, String ownerUnitName, String receiptCode,
                String procedureCode, String procedureName, String receivingOfficial, String processingOfficial,
                String namedOfficial, String channel, Instant openedAt, Instant dueAt, boolean overdue, int escalations,
                Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, String rootCause, String actionTaken,
                String resolutionNote, boolean consented) {
}
