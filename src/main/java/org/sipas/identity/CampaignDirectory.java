package org.sipas.identity;

import java.util.List;
import java.util.Optional;

/**
 * What identity needs to know of campaigns to say which ones a partner organisation serves,
 * implemented by the campaigns (which depend on identity, not the other way round), as
 * {@link UnitDirectory} is by the catalog.
 */
public interface CampaignDirectory {

    Optional<CampaignRef> find(long id);

    /** The campaigns not closed, newest first. */
    List<CampaignRef> open();

    /** A campaign as a partner organisation's page names it: its name and the unit whose subtree it surveys. */
    record CampaignRef(long id, String name, long scopeUnitId) {
    }
}
