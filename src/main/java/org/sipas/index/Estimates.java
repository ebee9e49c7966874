package org.sipas.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCases;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A campaign's estimates read from its live tallies (plus the tail not folded yet) and computed by
 * the engine ({@link Estimator}): O(strata × criteria²) per domain, whatever the number of
 * responses. Geographic domains are unions of whole strata; the others are subpopulations in which
 * every stratum keeps its whole n_h. The sampled series is design-weighted with CIs; the counter and
 * portal series are plain percentages (no weight, no CI), never mixed into it.
 */
@Service
public class Estimates {

    private final Tallies tallies;
    private final DomainRepository domains;
    private final FieldCases cases;
    private final CampaignScope campaignScope;
    private final UnitScope unitScope;
    private final Methodologies methodologies;

    Estimates(Tallies tallies, DomainRepository domains, FieldCases cases, CampaignScope campaignScope, UnitScope unitScope,
              Methodologies methodologies) {
        this.tallies = tallies;
        this.domains = domains;
        this.cases = cases;
        this.campaignScope = campaignScope;
        this.unitScope = unitScope;
        this.methodologies = methodologies;
    }

    /**
     * The estimates of a campaign the caller may see (404, 403 otherwise), for the domains of
     * {@code domain} within the subtree of unit {@code unitCode} (null: the campaign's scope).
     */
    public CampaignEstimates of(long campaignId, Domain domain, String unitCode, Series series) {
        FieldCampaign campaign = campaignScope.within(campaignId);
        long scope = unitScope.unitId();
        DomainRepository.Place root = root(campaign, unitCode, scope);
        Methodology methodology = methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion()).orElseThrow();
        IndexTree tree = IndexTree.of(methodology.index());

        List<String> kinds = domain.crossesStrata() ? List.of(Domain.WHOLE_STRATUM, domain.tallyKind()) : List.of(Domain.WHOLE_STRATUM);
        Tallies.Read read = tallies.read(campaignId, series, kinds, scope, root.id());
        Map<Long, DomainRepository.Stratum> strata = domains.strata(campaignId);

        // n_h: every response of the stratum that counts, in the domain or not
        Map<Long, Long> sampleSizes = new HashMap<>();
        Set<Long> units = new HashSet<>();
        long n = 0;
        for (Map.Entry<TallyKey, Sums> row : read.rows().entrySet()) {
            units.add(row.getKey().unitId());
            if (row.getKey().domainKind().equals(Domain.WHOLE_STRATUM)) {
                sampleSizes.merge(stratumOf(row.getKey()), row.getValue().n, Long::sum);
                n += row.getValue().n;
            }
        }
        Map<Long, DomainRepository.Place> places = domains.places(units);

        // domain value → stratum → its sums in the domain
        Map<String, Map<Long, Sums>> byDomain = new TreeMap<>();
        for (Map.Entry<TallyKey, Sums> row : read.rows().entrySet()) {
            TallyKey key = row.getKey();
            if (!key.domainKind().equals(domain.tallyKind())) {
                continue;
            }
            String value = domain.crossesStrata() ? key.domainValue() : geographic(domain, places.get(key.unitId()), root);
            if (value == null) {
                continue;
            }
            byDomain.computeIfAbsent(value, v -> new LinkedHashMap<>())
                    .computeIfAbsent(stratumOf(key), s -> new Sums(tree.criteria().size())).add(row.getValue());
        }

        Map<String, String> names = names(domain, byDomain.keySet());
        List<DomainEstimate> estimates = new ArrayList<>();
        byDomain.forEach((value, byStratum) -> {
            List<StratumTotals> totals = new ArrayList<>();
            long inDomain = 0;
            for (Map.Entry<Long, Sums> stratum : byStratum.entrySet()) {
                long sampleSize = sampleSizes.getOrDefault(stratum.getKey(), stratum.getValue().n);
                // outside the sample there is no frame: each unit is its own census (the plain percentage)
                long populationSize = series.isRandomSample() ? strata.get(stratum.getKey()).frameSize() : sampleSize;
                totals.add(stratum.getValue().totals(Long.toString(stratum.getKey()), Math.max(populationSize, sampleSize), sampleSize));
                inDomain += stratum.getValue().n;
            }
            List<IndexEstimate> figures = Estimator.estimate(tree, totals);
            if (!series.isRandomSample()) {
                figures = figures.stream().map(Estimates::unweightedOnly).toList();
            }
            estimates.add(new DomainEstimate(domain.code(), value, names.getOrDefault(value, value), inDomain, figures));
        });

        DomainRepository.Draw draw = domains.draw(campaignId);
        Lineage lineage = new Lineage(draw.methodologyCode(), draw.methodologyVersion(), draw.seed(), draw.sampledAt(),
                read.watermark().fold(), read.watermark().foldedAt(), read.tail(), n);
        return new CampaignEstimates(campaignId, campaign.name(), series, domain, rootOf(root), estimates, lineage);
    }

    /** The stratum a row counts in: the drawn stratum, or for a series outside the sample the unit. */
    private static long stratumOf(TallyKey key) {
        return key.stratumId() != 0 ? key.stratumId() : -key.unitId();
    }

    private static IndexEstimate unweightedOnly(IndexEstimate e) {
        return new IndexEstimate(e.index(), e.level(), e.n(), e.unweightedPct(), null, null, null, null);
    }

    /** The domain value of a stratum's unit: the subtree's root, its province, itself, or the root's child it lies under. */
    private static String geographic(Domain domain, DomainRepository.Place place, DomainRepository.Place root) {
        if (place == null) {
            return null;
        }
        return switch (domain) {
            case NATION -> root.code();
            case PROVINCE -> place.depth() >= 1 ? place.ancestorCode(1) : place.code();
            case UNIT -> place.code();
            case CHILDREN -> place.depth() > root.depth() && place.path().startsWith(root.path())
                    ? place.ancestorCode(root.depth() + 1) : root.code();
            default -> throw new IllegalArgumentException(domain.code());
        };
    }

    private Map<String, String> names(Domain domain, Set<String> values) {
        if (!domain.crossesStrata()) {
            return domains.unitNames(values);
        }
        return domains.labels(domain, values);
    }

    private DomainRepository.Place root(FieldCampaign campaign, String unitCode, long scope) {
        if (unitCode == null || unitCode.isBlank()) {
                        // a caller scoped below the campaign sees their own subtree of it
            return domains.unit(unitScope.covers(campaign.scopeUnitId()) ? campaign.scopeUnitId() : scope);
        }
        DomainRepository.Place place = domains.unit(unitCode.strip())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no unit " + unitCode));
        if (!unitScope.covers(place.id())) {
            throw new AccessDeniedException("unit " + unitCode + " is outside the caller's scope");
        }
        return place;
    }

    private CampaignEstimates.Root rootOf(DomainRepository.Place root) {
        List<String> codes = List.of(root.path().substring(1).split("/"));
        Map<String, String> names = domains.unitNames(codes);
        List<CampaignEstimates.Crumb> path = codes.stream().map(c -> new CampaignEstimates.Crumb(c, names.getOrDefault(c, c))).toList();
        return new CampaignEstimates.Root(root.code(), root.name(), path);
    }

    /**
     * The sample allocated to each domain of a geographic kind within the subtree (strata's n as
     * drawn), the base of a dashboard's progress: domain code → allocated n.
     */
    public Map<String, Integer> allocated(long campaignId, Domain domain, String unitCode) {
        FieldCampaign campaign = campaignScope.within(campaignId);
        long scope = unitScope.unitId();
        DomainRepository.Place root = root(campaign, unitCode, scope);
        Map<Long, DomainRepository.Stratum> strata = domains.strata(campaignId);
        Map<Long, DomainRepository.Place> places = domains.places(strata.values().stream().map(DomainRepository.Stratum::unitId).toList());
        Map<String, Integer> allocated = new TreeMap<>();
        for (DomainRepository.Stratum stratum : strata.values()) {
            DomainRepository.Place place = places.get(stratum.unitId());
            if (place != null && place.path().startsWith(root.path())) {
                allocated.merge(geographic(domain, place, root), stratum.allocated(), Integer::sum);
            }
        }
        return allocated;
    }
}
