package org.sipas.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * Addresses newly invited to an open survey, to be mailed their invitation in the import's own
 * transaction (a rejected import invites nobody). The addresses travel only in this event and the
 * mail outbox: the invited list keeps their keyed hashes.
 *
 * @param closesOn the last day the survey takes answers
 */
public record OpenSurveyInvited(long campaignId, String campaignName, LocalDate closesOn, List<String> addresses) {

    public OpenSurveyInvited {
        addresses = List.copyOf(addresses);
    }
}
