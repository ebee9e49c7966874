package org.sipas.index;

import java.util.List;

/**
 * A campaign's estimates for one series, by one kind of domain, within the caller's scope.
 *
 * @param root    the unit whose subtree the figures cover (the campaign's scope when none was asked)
 * @param domains one per domain value, in code order
 */
public record CampaignEstimates(long campaignId, String campaign, Series series, Domain domain, Root root,
                                List<DomainEstimate> domains, Lineage lineage) {

    /** The subtree's root, with the path from the nation down for breadcrumbs. */
    public record Root(String code, String name, List<Crumb> path) {
    }

    /** One step of a breadcrumb trail. */
    public record Crumb(String code, String name) {
    }

    /** Whether the figures are a probability sample's (design-weighted, with CIs). */
    public boolean isRandomSample() {
        return series.isRandomSample();
    }
}
