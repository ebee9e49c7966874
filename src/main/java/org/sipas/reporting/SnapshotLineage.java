package org.sipas.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a snapshot's figures come from, frozen with them: the methodology version, the sample draw,
 * the responses counted (only accepted ones) and how quality control stood, the re-checks, and the
 * design weights of every stratum.
 *
 * @param sampleSeed        the draw's seed (the same seed draws the same sample again)
 * @param sampledAt         when the sample was drawn
 * @param computedAt        when the figures were computed from the responses
 * @param responsesCounted  responses the figures rest on (accepted, every series)
 * @param countedDigest     SHA-256 (hex) of the counted responses' ids, ascending, one per line: the
 *                          list itself is kept beside the snapshot ({@code snapshot_response})
 * @param accepted          the campaign's accepted responses when the figures were computed
 * @param rejected          its rejected ones
 * @param undecided         the ones not decided yet (submitted, flagged, in re-check): not counted
 * @param recheckOutcomes   re-check outcome (CONFIRMED, DISCREPANCIES, DID_NOT_HAPPEN, NOT_REACHED,
 *                          PENDING) → how many
 * @param strata            each stratum's N_h, n_h and weight, in the sampled series
 */
public record SnapshotLineage(String methodologyCode, int methodologyVersion, Long sampleSeed, Instant sampledAt,
                              Instant computedAt, long responsesCounted, String countedDigest, long accepted, long rejected,
                              long undecided, Map<String, Long> recheckOutcomes, List<StratumWeight> strata) {

    public SnapshotLineage {
        recheckOutcomes = Map.copyOf(recheckOutcomes);
        strata = List.copyOf(strata);
    }

    /**
     * The design weight of one stratum: N_h / n_h.
     *
     * @param stratum        the stratum's id in the campaign
     * @param unitCode       its unit
     * @param procedureCode  its procedure, when the strata are unit × procedure; else null
     * @param frameSize      N_h, dossiers in the frame
     * @param responses      n_h, accepted responses of the stratum counted
     */
    public record StratumWeight(long stratum, String unitCode, String unitName, String procedureCode, long frameSize,
                                long responses) {

        /** N_h / n_h; null when the stratum has no response. */
        public Double weight() {
            return responses == 0 ? null : (double) frameSize / responses;
        }
    }
}
