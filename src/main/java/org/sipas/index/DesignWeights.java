package org.sipas.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sipas.campaign.FieldCampaigns;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The design weight of a campaign's sampled responses, stratum by stratum (DESIGN §5): N_h / n_h,
 * N_h the stratum's dossiers in the frame as drawn, n_h its responses that count, exactly as
 * {@link Estimates} weighs them (the same tally read, the same N_h never below n_h). An export
 * that carries this weight gives an analyst's weighted percentages the figures of the dashboard.
 * The caller has already decided that the campaign may be seen.
 */
@Service
public class DesignWeights {

    /**
     * One stratum's weight.
     *
     * @param populationSize N_h, as the estimator takes it (the frame size, at least n_h)
     * @param sampleSize     n_h, the stratum's responses that count today
     */
    public record StratumWeight(long stratumId, long unitId, long populationSize, long sampleSize) {

        /** N_h / n_h; null for a stratum without a response that counts. */
        public Double weight() {
            return sampleSize == 0 ? null : (double) populationSize / sampleSize;
        }
    }

    private final Tallies tallies;
    private final DomainRepository domains;
    private final FieldCampaigns campaigns;

    DesignWeights(Tallies tallies, DomainRepository domains, FieldCampaigns campaigns) {
        this.tallies = tallies;
        this.domains = domains;
        this.campaigns = campaigns;
    }

    /** Stratum id → its weight, for every stratum of the campaign that has responses counting. */
    public Map<Long, StratumWeight> of(long campaignId) {
        long scope = campaigns.find(campaignId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                .scopeUnitId();
        // the whole-stratum rows of the sampled series, as Estimates reads them for n_h (the unfolded tail included)
        Tallies.Read read = tallies.read(campaignId, List.of(Series.SAMPLED), List.of(Domain.WHOLE_STRATUM), scope, null);
        Map<Long, Long> sampleSizes = new HashMap<>();
        read.rows().forEach((key, sums) -> {
            if (key.stratumId() != 0) {
                sampleSizes.merge(key.stratumId(), sums.n, Long::sum);
            }
        });
        Map<Long, DomainRepository.Stratum> strata = domains.strata(campaignId, sampleSizes.keySet());
        Map<Long, StratumWeight> weights = new HashMap<>();
        sampleSizes.forEach((id, n) -> {
            DomainRepository.Stratum stratum = strata.get(id);
            weights.put(id, new StratumWeight(id, stratum.unitId(), Math.max(stratum.frameSize(), n), n));
        });
        return weights;
    }
}
