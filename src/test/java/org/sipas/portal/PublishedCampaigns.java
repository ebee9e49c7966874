package org.sipas.portal;

import java.util.Map;

import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResultsApproval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Makes {@link PublishedCampaign}s: the services their steps go through, autowired once for every test. */
@Component
public class PublishedCampaigns {

    private final FieldworkFixtures fixtures;
    private final ResponseStore store;
    private final JdbcClient jdbc;
    private final ReviewDecisions reviews;
    private final ResultsApproval approval;
    private final Tallies tallies;
    private final CurrentUsers users;

    PublishedCampaigns(FieldworkFixtures fixtures, ResponseStore store, JdbcClient jdbc, ReviewDecisions reviews,
                       ResultsApproval approval, Tallies tallies, CurrentUsers users) {
        this.fixtures = fixtures;
        this.store = store;
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.approval = approval;
        this.tallies = tallies;
        this.users = users;
    }

    /** A new province-wide campaign under {@code prefix}, published with these answers in its two communes. */
    public PublishedCampaign campaign(String prefix, int answered1, int answered2) {
        return campaign(fixtures.inField(prefix, PublishedCampaign.METHODOLOGY, 80, Map.of("PHONE", 1)), prefix, answered1, answered2);
    }

    /** The same steps on a campaign already in the field (e.g. a later period of the same province). */
    PublishedCampaign campaign(FieldworkFixtures.InField field, String prefix, int answered1, int answered2) {
        return new PublishedCampaign(field, store, jdbc, reviews, approval, tallies, users, prefix, answered1, answered2);
    }
}
