package org.sipas.campaign;

/**
 * A drawn dossier: in the sample, or on its stratum's reserve list (the next ones in the same
 * random order). {@code inclusionProbability} is n_h / N_h of its stratum.
 */
record SampleMember(long id, long campaignId, long stratumId, long dossierId, int rank, Role role, SurveyChannel channel,
                    double inclusionProbability, State state, Long replacesId, String replaceReason) {

    enum Role {
        SAMPLE, RESERVE
    }

    /** REPLACED: refused or unreachable, and replaced by the next reserve through an audited action. */
    enum State {
        ACTIVE, REPLACED
    }
}
