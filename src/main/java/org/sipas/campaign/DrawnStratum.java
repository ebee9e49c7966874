package org.sipas.campaign;

import java.util.List;

/**
 * What a draw found in one stratum: the dossiers in the stratum's random order from its start
 * point, the first {@code n} of them (or fewer, when repeated phones leave too few people) the
 * sample and the rest the reserve list.
 */
record DrawnStratum(StratumAllocation allocation, int reserve, double startPrn, List<Long> dossierIds) {

    int drawn() {
        return Math.min(allocation.n(), dossierIds.size());
    }

    double inclusionProbability() {
        long frame = allocation.stratum().dossiers();
        return frame == 0 ? 0 : (double) allocation.n() / frame;
    }
}
