package org.sipas.indexdb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.catalog.CatalogCodes;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.reporting.Publications;
import org.sipas.reporting.ResultsPublished;
import org.sipas.reporting.Snapshot;
import org.sipas.reporting.SnapshotVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * sipas's own published results feed the index database: once a version of a campaign's results
 * is approved and committed, its snapshot's figures of the sampled series (the campaign's whole
 * scope, each province, each unit) are stored as SURVEY values of every index fed by the campaign's
 * methodology, for the year the campaign's period starts in, under the node codes the methodology's
 * tree and the index share (SIPAS, E1..E5), marked with the campaign's period. A year holds one survey
 * figure per unit: when campaigns of several periods of the year publish (quarterly ones), the
 * figure of the period that outranks the others stands ({@link SurveyPeriod}: the yearly campaign,
 * else the latest period), whatever order they were approved in. The design-weighted estimate is stored (the plain
 * percentage where there is none); a cell under the portal's minimum n is withheld here as it is
 * there. A correction (version 2…) replaces the figures of its campaign. An open survey's snapshots
 * (its PORTAL series, however often it publishes) feed nothing. Read through reporting's
 * public service, never its tables.
 */
@Component
class SnapshotFeed {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFeed.class);
    private static final String BY = "sipas (công bố kết quả)";

    private final Publications publications;
    private final IndexDefinitions definitions;
    private final IndexValues values;
    private final CatalogCodes catalog;
    private final TransactionTemplate transaction;
    private final int minimumN;

    SnapshotFeed(Publications publications, IndexDefinitions definitions, IndexValues values, CatalogCodes catalog,
                 PlatformTransactionManager transactions, @Value("${sipas.portal.minimum-n:30}") int minimumN) {
        this.publications = publications;
        this.definitions = definitions;
        this.values = values;
        this.catalog = catalog;
        this.minimumN = minimumN;
        this.transaction = new TransactionTemplate(transactions);
        // after the publication's own commit: a transaction of its own
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void published(ResultsPublished published) {
        transaction.executeWithoutResult(status -> publications.snapshot(published.snapshotId()).ifPresent(this::feed));
    }

    /** Stores a snapshot's figures in every index its methodology feeds; the number of unit-years stored. */
    int feed(Snapshot snapshot) {
        List<IndexDefinition> fed = definitions.fedBy(snapshot.methodologyCode());
        // an open survey's answers are no sample of anyone's service (DESIGN §5): whether published once
        // or refreshed every few hours while it takes answers, none of its snapshots is a survey figure here
        if (fed.isEmpty() || snapshot.ofOpenSurvey()) {
            return 0;
        }
        // a correction replaces what the campaign's earlier versions stored, units it no longer holds too
        List<Long> earlier = publications.versions(snapshot.campaignId()).stream().map(SnapshotVersion::snapshotId)
                .filter(id -> id != snapshot.id()).toList();
        values.forgetSurveys(earlier);
        SurveyPeriod period = new SurveyPeriod(snapshot.id(), snapshot.periodFrom(), snapshot.periodTo());
        int year = period.year();
        Map<String, CatalogCodes.UnitRef> units = catalog.unitsByCode();
        // unit code → its figures: the whole scope first, then provinces and units (one figure each)
        Map<String, DomainEstimate> byUnit = new LinkedHashMap<>();
        CampaignEstimates overall = snapshot.overall();
        if (overall != null && !overall.domains().isEmpty()) {
            byUnit.put(snapshot.scopeUnitCode(), overall.domains().get(0));
        }
        for (Domain domain : List.of(Domain.PROVINCE, Domain.UNIT)) {
            CampaignEstimates e = snapshot.figures(Series.SAMPLED, domain);
            if (e != null) {
                e.domains().forEach(d -> byUnit.putIfAbsent(d.code(), d));
            }
        }
        int stored = 0;
        int outranked = 0;
        for (IndexDefinition d : fed) {
            for (Map.Entry<String, DomainEstimate> entry : byUnit.entrySet()) {
                CatalogCodes.UnitRef unit = units.get(entry.getKey());
                if (unit == null || entry.getValue().n() < minimumN) {
                    continue;
                }
                Map<String, BigDecimal> figures = new LinkedHashMap<>();
                for (IndexEstimate f : entry.getValue().figures()) {
                    Double pct = f.estimatePct() != null ? f.estimatePct() : f.unweightedPct();
                    if (pct != null && d.node(f.index()).isPresent()) {
                        figures.put(f.index(), BigDecimal.valueOf(pct).setScale(3, RoundingMode.HALF_EVEN));
                    }
                }
                if (!figures.isEmpty()) {
                    if (values.storeSurvey(d, unit.id(), period, figures, BY)) {
                        stored++;
                    } else {
                        outranked++;
                    }
                }
            }
        }
        log.info("index database: {} unit-years of {} {} v{} ({} – {}) stored as survey figures of {}, {} kept from a period that outranks it",
                stored, snapshot.methodologyCode(), snapshot.campaignName(), snapshot.version(), snapshot.periodFrom(), snapshot.periodTo(),
                year, outranked);
        return stored;
    }
}
