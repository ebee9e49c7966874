package org.sipas.reporting;

import java.time.Instant;
import java.util.Map;

import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenSurveyFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.frame.PhoneHashes;
import org.sipas.index.Tallies;
import org.springframework.context.ApplicationContext;

/** The open surveys' refresh as another test (TwoNodesTest) starts it on one node's context. */
public final class OpenSurveyRefreshOnANode {

    private OpenSurveyRefreshOnANode() {
    }

    /** A public open survey publishing every day while open, with {@code answers} quick ratings from verified addresses. */
    public static long surveyWithAnswers(ApplicationContext node, String prefix, int answers) {
        OpenSurveyFixtures.Started s = node.getBean(OpenSurveyFixtures.class).started(prefix, OpenCampaign.Audience.PUBLIC, true, 24);
        ResponseStore store = node.getBean(ResponseStore.class);
        PhoneHashes hashes = node.getBean(PhoneHashes.class);
        for (int i = 0; i < answers; i++) {
            store.store(Submission.of(ResponseChannel.PORTAL, "mot-cua-2018", 1, s.province(), Map.of("satisfaction", i % 4 == 0 ? "1" : "3"),
                            Instant.now().minusSeconds(120))
                    .inCampaign(s.campaignId()).withRespondentHash(hashes.email(prefix.toLowerCase() + i + "@example.vn").orElseThrow()));
        }
        node.getBean(Tallies.class).fold();
        return s.campaignId();
    }

    /** Runs the refresh on that node at {@code now}; the surveys it published. */
    public static int refresh(ApplicationContext node, Instant now) {
        return node.getBean(OpenSurveyPublication.class).refresh(now);
    }

    /** The versions the survey has published. */
    public static int versions(ApplicationContext node, long campaignId) {
        return node.getBean(Publications.class).versions(campaignId).size();
    }
}
