package org.sipas.collection;

import java.time.Instant;
import java.util.Optional;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.campaign.OpenCampaigns;
import org.springframework.stereotype.Component;

/**
 * Why a citizen's link can no longer be answered: one rule for the questionnaire's pages, whether
 * the whole stack answers them ({@link SurveyController}) or a first step is answered before it
 * ({@link FirstSteps}).
 */
@Component
class ClosedLinks {

    private final ResponseStore store;
    private final FieldCampaigns fieldCampaigns;
    private final OpenCampaigns openSurveys;

    ClosedLinks(ResponseStore store, FieldCampaigns fieldCampaigns, OpenCampaigns openSurveys) {
        this.store = store;
        this.fieldCampaigns = fieldCampaigns;
        this.openSurveys = openSurveys;
    }

    /**
     * Why a token can no longer be answered, or empty while it can: answered (through this link,
     * or its sampled case through another channel, e.g. by phone), the same phone already answered
     * the campaign's open survey, the link expired, or its campaign has left the field.
     */
    Optional<String> reason(SurveyToken token) {
        if (token.isUsed() || token.sampleCaseId() != null && store.isAnswered(token.sampleCaseId())) {
            return Optional.of("answered");
        }
        if (token.respondentHash() != null && store.hasAnswered(token.campaignId(), token.respondentHash())) {
            // an open survey's person is an email address, the portal's a phone: the page says which was used
            return Optional.of(openSurveys.find(token.campaignId()).isPresent() ? "emailAnswered" : "personAnswered");
        }
        if (token.isExpired(Instant.now())) {
            return Optional.of("expired");
        }
        if (token.campaignId() != null && !fieldCampaigns.find(token.campaignId()).map(FieldCampaign::isInField).orElse(false)) {
            return Optional.of("campaignClosed");
        }
        return Optional.empty();
    }
}
