package org.sipas.reporting;

import org.sipas.campaign.FieldCampaign;
import org.sipas.catalog.CatalogCodes;
import org.sipas.index.Estimates;
import org.sipas.quality.AcceptedResponses;

/**
 * An accepted response with what its export row needs beside its answers: its campaign, its
 * unit, and its stratum's design weight (null outside the sample).
 */
record ResponseExportRow(AcceptedResponses.Accepted response, FieldCampaign campaign, CatalogCodes.UnitRef unit,
                         Estimates.StratumSize weight) {

    String answer(String question) {
        return response.answers().get(question);
    }
}
