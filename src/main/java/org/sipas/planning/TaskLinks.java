package org.sipas.planning;

import java.util.Optional;

import org.sipas.campaign.FieldCampaigns;
import org.sipas.reporting.Publications;
import org.springframework.stereotype.Component;

/**
 * Names the campaign, report or publication a task links to, as its owner calls it now, through
 * their packages' public services: a campaign and its report by the campaign's id, a publication by
 * its snapshot's id.
 */
@Component
class TaskLinks {

    private final FieldCampaigns campaigns;
    private final Publications publications;

    TaskLinks(FieldCampaigns campaigns, Publications publications) {
        this.campaigns = campaigns;
        this.publications = publications;
    }

    /** The link, when what it names exists. */
    Optional<TaskLink> find(TaskLink.Kind kind, long id) {
        return switch (kind) {
            case CAMPAIGN -> campaigns.find(id).map(c -> new TaskLink(kind, id, c.name(), "/campaigns/" + id));
            case REPORT -> campaigns.find(id).map(c -> new TaskLink(kind, id, "Báo cáo: " + c.name(), "/campaigns/" + id + "/report"));
            case PUBLICATION -> publications.snapshot(id).map(s -> new TaskLink(kind, id,
                    s.campaignName() + " (công bố lần " + s.version() + ")", "/campaigns/" + s.campaignId() + "/results"));
        };
    }
}
