package org.sipas.campaign;

import java.time.LocalDate;

/**
 * An open online survey (khảo sát trực tuyến): a campaign with no sampling frame, no draw and no
 * allocation, answered on the portal by anyone ({@link Audience#PUBLIC}) or by an invited list
 * ({@link Audience#INVITED}), one answer per verified email, on the campaign's methodology.
 *
 * @param scopeUnitId    the unit whose survey it is (every answer is recorded against it)
 * @param opensOn        the first day it takes answers (Vietnamese time)
 * @param closesOn       the last day it takes answers, inclusive
 * @param publishResults whether its results appear on the public portal by themselves
 * @param refreshHours   when they do, how often they are published again while it still takes answers
 *                       (24: every day); null when they are published only once, when it closes
 */
public record OpenCampaign(long id, String name, String status, String methodologyCode, int methodologyVersion,
                           long scopeUnitId, LocalDate opensOn, LocalDate closesOn, Audience audience,
                           boolean publishResults, Integer refreshHours) {

    /** Who may answer. */
    public enum Audience {
        /** Anyone who proves an email address. */
        PUBLIC,
        /** Only the addresses of the uploaded list. */
        INVITED
    }

    /** Whether it takes answers on {@code today}: in the field, and within its days. */
    public boolean takesAnswers(LocalDate today) {
        return CampaignStatus.IN_FIELD.name().equals(status) && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** Whether its results are published by themselves while it still takes answers, not only when it closes. */
    public boolean publishesWhileOpen() {
        return publishResults && refreshHours != null;
    }

    public boolean isInvitedOnly() {
        return audience == Audience.INVITED;
    }
}
