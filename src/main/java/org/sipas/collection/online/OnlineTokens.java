package org.sipas.collection.online;

import java.util.List;
import java.util.Map;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkStarted;
import org.sipas.collection.SurveyTokens;
import org.sipas.collection.SurveyTokens.Issued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The links of a campaign's sampled dossiers whose channel is ONLINE: one token per case, issued
 * when the campaign goes to the field. A reserve promoted later by a replacement gets its token
 * when its link is first asked for (slips, API), since issuing is idempotent per case.
 */
@Component
class OnlineTokens {

    static final String ONLINE = "ONLINE";

    private final FieldCases cases;
    private final SurveyTokens tokens;

    OnlineTokens(FieldCases cases, SurveyTokens tokens) {
        this.cases = cases;
        this.tokens = tokens;
    }

    /**
     * Runs in the transaction that sends the campaign to the field (a plain listener is called
     * synchronously by the publisher): the campaign and its links are committed together, or
     * neither.
     */
    @EventListener
    void issueAtFieldwork(FieldworkStarted started) {
        tokens.forCases(cases.of(started.campaignId(), ONLINE));
    }

    /** The active ONLINE cases of a campaign. */
    List<FieldCase> onlineCases(long campaignId) {
        return cases.of(campaignId, ONLINE);
    }

    /** The links of these cases, issuing those a replacement left without one. */
    Map<Long, Issued> links(List<FieldCase> online) {
        return tokens.forCases(online);
    }
}
