package org.sipas.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
     * {@code domain} within the subtree of unit {@code unitCode} (null: the campaign's scope, or
     * the caller's own unit when the campaign covers more: a commune's manager sees their commune's
     * part of the province's campaign).
     */
    public CampaignEstimates of(long campaignId, Domain domain, String unitCode, Series series) {
        return of(campaignId, unitCode, Map.of(series, List.of(domain))).get(series).get(domain);
    }

    /**
     * Several series and kinds of domain of one campaign's subtree (a dashboard's figures) from one
     * read of the tallies, the strata and the places their units roll into: the cost of a page is
     * one read, not one per chart.
     *
     * @param asked the kinds of domain asked for each series
     * @return series → kind of domain → its estimates, as {@link #of(long, Domain, String, Series)} answers each
     */
    public Map<Series, Map<Domain, CampaignEstimates>> of(long campaignId, String unitCode, Map<Series, ? extends Collection<Domain>> asked) {
        FieldCampaign campaign = campaignScope.overlapping(campaignId);
        long scope = unitScope.unitId();
        DomainRepository.Place root = root(campaign, unitCode, scope);
        Set<String> kinds = kinds(asked);
        Tallies.Read read = tallies.read(campaignId, asked.keySet(), kinds, scope, root.id());
        return compute(campaign, root, read, asked).figures();
    }

    /**
     * As {@link #of(long, String, Map)}, computed from the counted responses with their answers as
     * first submitted, every correction undone: how much the corrections moved the figures. Read from
     * the responses, not the tallies, so it costs a rebuild's read of the campaign.
     */
    public Map<Series, Map<Domain, CampaignEstimates>> asSubmitted(long campaignId, String unitCode,
                                                                   Map<Series, ? extends Collection<Domain>> asked) {
        FieldCampaign campaign = campaignScope.overlapping(campaignId);
        long scope = unitScope.unitId();
        DomainRepository.Place root = root(campaign, unitCode, scope);
        Tallies.Read read = tallies.readAsSubmitted(campaignId, asked.keySet(), kinds(asked), scope, root.id());
        return compute(campaign, root, read, asked).figures();
    }

    /** As {@link #of(long, Domain, String, Series)}, with the answers as first submitted. */
    public CampaignEstimates asSubmitted(long campaignId, Domain domain, String unitCode, Series series) {
        return asSubmitted(campaignId, unitCode, Map.of(series, List.of(domain))).get(series).get(domain);
    }

    /**
     * The figures of a campaign's whole scope computed from the named responses alone (those of them
     * that count), by the same engine and the same steps as the live tallies: what approved results
     * rest on (only accepted responses). With every counted response named, the figures equal
     * {@link #of(long, String, Map)}'s for the campaign's scope. The caller must see the campaign in full.
     *
     * @param responseIds the responses to count (others of the campaign are left out, n_h included)
     */
    public OfResponses ofResponses(long campaignId, Collection<Long> responseIds, Map<Series, ? extends Collection<Domain>> asked) {
        FieldCampaign campaign = campaignScope.within(campaignId);
        DomainRepository.Place root = domains.unit(campaign.scopeUnitId());
        Tallies.Counted counted = tallies.readResponses(campaignId, responseIds, asked.keySet(), kinds(asked));
        OfResponses computed = compute(campaign, root, counted.read(), asked);
        return new OfResponses(computed.figures(), computed.strata(), counted.responseIds());
    }

    /**
     * Figures computed from named responses, with each sampled stratum's sizes (the design weights
     * N_h / n_h they used).
     *
     * @param counted the named responses that counted (in a series, not excluded from the count), ascending
     */
    public record OfResponses(Map<Series, Map<Domain, CampaignEstimates>> figures, List<StratumSize> strata, List<Long> counted) {
    }

    /**
     * One stratum of the sample as the estimate weighted it.
     *
     * @param procedureCode the stratum's procedure when strata are unit × procedure, else null
     * @param frameSize     N_h
     * @param responses     n_h, the responses counted in it
     */
    public record StratumSize(long stratumId, String unitCode, String unitName, String procedureCode, long frameSize,
                              long responses) {
    }

    private static Set<String> kinds(Map<Series, ? extends Collection<Domain>> asked) {
        Set<String> kinds = new LinkedHashSet<>(List.of(Domain.WHOLE_STRATUM));
        asked.values().forEach(domains -> domains.forEach(d -> kinds.add(d.tallyKind())));
        return kinds;
    }

    private OfResponses compute(FieldCampaign campaign, DomainRepository.Place root, Tallies.Read read,
                                Map<Series, ? extends Collection<Domain>> asked) {
        long campaignId = campaign.id();
        Methodology methodology = methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion()).orElseThrow();
        IndexTree tree = IndexTree.of(methodology.index());
        Map<Series, Map<TallyKey, Sums>> bySeries = new EnumMap<>(Series.class);
        Set<Long> units = new HashSet<>();
        read.rows().forEach((key, sums) -> {
            bySeries.computeIfAbsent(key.series(), s -> new LinkedHashMap<>()).put(key, sums);
            units.add(key.unitId());
        });
        Set<Long> stratumIds = new HashSet<>();
        read.rows().keySet().forEach(key -> {
            if (key.stratumId() != 0) {
                stratumIds.add(key.stratumId());
            }
        });
        Map<Long, DomainRepository.Stratum> strata = domains.strata(campaignId, stratumIds);
        Map<Long, DomainRepository.Place> places = domains.places(units);
        DomainRepository.Draw draw = domains.draw(campaignId);
        CampaignEstimates.Root rootOf = rootOf(root);

        Map<Series, Map<Domain, CampaignEstimates>> out = new EnumMap<>(Series.class);
        Map<Long, Long> sampled = new TreeMap<>();
        asked.forEach((series, domainsAsked) -> {
            Map<TallyKey, Sums> rows = bySeries.getOrDefault(series, Map.of());
            // n_h: every response of the stratum that counts, in the domain or not
            Map<Long, Long> sampleSizes = new HashMap<>();
            long n = 0;
            for (Map.Entry<TallyKey, Sums> row : rows.entrySet()) {
                if (row.getKey().domainKind().equals(Domain.WHOLE_STRATUM)) {
                    sampleSizes.merge(stratumOf(row.getKey()), row.getValue().n, Long::sum);
                    n += row.getValue().n;
                }
            }
            if (series.isRandomSample()) {
                sampled.putAll(sampleSizes);
            }
            Lineage lineage = new Lineage(draw.methodologyCode(), draw.methodologyVersion(), draw.seed(), draw.sampledAt(),
                    read.watermark().fold(), read.watermark().foldedAt(), read.tail(), n);
            Map<Domain, CampaignEstimates> byDomain = new EnumMap<>(Domain.class);
            // each row's moments, by the row itself: the series' sample sizes fix them
            Map<Sums, DesignMoments> moments = new IdentityHashMap<>();
            for (Domain domain : domainsAsked) {
                List<DomainEstimate> estimates = estimates(tree, domain, series, rows, sampleSizes, strata, places, root, moments);
                byDomain.put(domain, new CampaignEstimates(campaignId, campaign.name(), series, domain, rootOf, estimates, lineage));
            }
            out.put(series, byDomain);
        });
        List<StratumSize> sizes = new ArrayList<>();
        Map<Long, String> procedures = domains.stratumProcedures(campaignId, sampled.keySet());
        sampled.forEach((stratumId, n) -> {
            DomainRepository.Stratum stratum = strata.get(stratumId);
            DomainRepository.Place place = stratum == null ? null : places.get(stratum.unitId());
            sizes.add(new StratumSize(stratumId, place == null ? null : place.code(), place == null ? null : place.name(),
                    procedures.get(stratumId), stratum == null ? 0 : stratum.frameSize(), n));
        });
        return new OfResponses(out, sizes, List.of());
    }

    /** The breakdowns a dashboard shows beside its index, in their order. */
    static final List<Domain> BREAKDOWNS = List.of(Domain.PROCEDURE, Domain.CHANNEL, Domain.RESPONDENT, Domain.OFFICIAL);

    /**
     * What a campaign's dashboard shows of a subtree: the index, its children (the drill-down) with
     * their allocation, the trend by month, the breakdowns, the counter and portal series.
     *
     * @param allocated child code → the sample allocated to it
     */
    public record Dashboard(CampaignEstimates overall, CampaignEstimates children, Map<String, Integer> allocated,
                            CampaignEstimates trend, List<CampaignEstimates> breakdowns, CampaignEstimates counter,
                            CampaignEstimates portal) {
    }

    /** A dashboard's figures for the subtree of {@code unitCode} (null: the campaign's scope), from one read of the tallies. */
    public Dashboard dashboard(long campaignId, String unitCode) {
        List<Domain> sampled = new ArrayList<>(List.of(Domain.NATION, Domain.CHILDREN, Domain.MONTH));
        sampled.addAll(BREAKDOWNS);
        Map<Series, List<Domain>> asked = new EnumMap<>(Series.class);
        asked.put(Series.SAMPLED, sampled);
        asked.put(Series.COUNTER, List.of(Domain.NATION));
        asked.put(Series.PORTAL, List.of(Domain.NATION));
        Map<Series, Map<Domain, CampaignEstimates>> figures = of(campaignId, unitCode, asked);
        Map<Domain, CampaignEstimates> main = figures.get(Series.SAMPLED);
        CampaignEstimates overall = main.get(Domain.NATION);
        return new Dashboard(overall, main.get(Domain.CHILDREN), allocated(campaignId, Domain.CHILDREN, overall.root().code()),
                main.get(Domain.MONTH), BREAKDOWNS.stream().map(main::get).toList(), figures.get(Series.COUNTER).get(Domain.NATION),
                figures.get(Series.PORTAL).get(Domain.NATION));
    }

    /** One kind of domain's estimates from the rows of one series. */
    private List<DomainEstimate> estimates(IndexTree tree, Domain domain, Series series, Map<TallyKey, Sums> rows,
                                           Map<Long, Long> sampleSizes, Map<Long, DomainRepository.Stratum> strata,
                                           Map<Long, DomainRepository.Place> places, DomainRepository.Place root,
                                           Map<Sums, DesignMoments> moments) {
        // domain value → stratum → its sums in the domain
        Map<String, Map<Long, Sums>> byDomain = new TreeMap<>();
        for (Map.Entry<TallyKey, Sums> row : rows.entrySet()) {
            TallyKey key = row.getKey();
            if (!key.domainKind().equals(domain.tallyKind())) {
                continue;
            }
            String value = domain.crossesStrata() ? key.domainValue() : geographic(domain, places.get(key.unitId()), root);
            if (value == null) {
                continue;
            }
            Map<Long, Sums> byStratum = byDomain.computeIfAbsent(value, v -> new LinkedHashMap<>());
            Sums sums = byStratum.get(stratumOf(key));
            if (sums == null) {
                // the first row of a stratum is read as is: the rows are this read's own copies
                byStratum.put(stratumOf(key), row.getValue());
            } else {
                Sums merged = new Sums(tree.criteria().size());
                merged.add(sums);
                merged.add(row.getValue());
                byStratum.put(stratumOf(key), merged);
            }
        }

        Map<String, String> names = names(domain, byDomain.keySet());
        List<DomainEstimate> estimates = new ArrayList<>();
        int k = tree.criteria().size();
        byDomain.forEach((value, byStratum) -> {
            List<DesignMoments> parts = new ArrayList<>(byStratum.size());
            long inDomain = 0;
            for (Map.Entry<Long, Sums> stratum : byStratum.entrySet()) {
                long sampleSize = sampleSizes.getOrDefault(stratum.getKey(), stratum.getValue().n);
                // outside the sample there is no frame: each unit is its own census (the plain percentage)
                long populationSize = series.isRandomSample() ? strata.get(stratum.getKey()).frameSize() : sampleSize;
                // a row shared by nested domains (its commune, province, nation) is centred once per read
                parts.add(moments.computeIfAbsent(stratum.getValue(), sums -> sums.moments(Math.max(populationSize, sampleSize), sampleSize)));
                inDomain += stratum.getValue().n;
            }
            List<IndexEstimate> figures = Estimator.estimate(tree, DesignMoments.sum(k, parts));
            if (!series.isRandomSample()) {
                figures = figures.stream().map(Estimates::unweightedOnly).toList();
            }
            estimates.add(new DomainEstimate(domain.code(), value, names.getOrDefault(value, value), inDomain, figures));
        });
        return estimates;
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
        FieldCampaign campaign = campaignScope.overlapping(campaignId);
        long scope = unitScope.unitId();
        DomainRepository.Place root = root(campaign, unitCode, scope);
        // the strata whose unit lies in the subtree, as the tallies are read (not the campaign's every stratum)
        Map<Long, DomainRepository.Stratum> strata = domains.strataWithin(campaignId, scope, root.id());
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
