package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.methodology.Methodologies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest
class TalliesTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    TallyRepository repository;
    @Autowired
    FieldCampaigns campaigns;
    @Autowired
    Methodologies methodologies;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void foldedTalliesEqualAFullRebuildFromTheResponses() {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "TLA", 40, 1);
        for (int i = 0; i < 30; i++) {
            campaign.answerNextCase();
        }
        campaign.rateAtCounter(campaign.field.commune1());
        campaign.rateAtCounter(campaign.field.commune2());
        tallies.fold();
        List<String> folded = campaign.tallyRows();

        tallies.rebuild(campaign.id());

        assertThat(folded).isNotEmpty().anySatisfy(row -> assertThat(row).startsWith("counter | 0 |"));
        assertThat(campaign.tallyRows()).isEqualTo(folded);
        assertThat(jdbc.sql("SELECT sum(n) FROM tally WHERE campaign_id = :c AND series = 'sampled' AND domain_kind = 'all'")
                .param("c", campaign.id()).query(Long.class).single()).isEqualTo(30);
    }

    @Test
    void aSecondFoldAddsNothing() {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "TLB", 20, 2);
        for (int i = 0; i < 12; i++) {
            campaign.answerNextCase();
        }
        tallies.fold();
        List<String> once = campaign.tallyRows();
        long fold = repository.watermark().fold();

        assertThat(tallies.fold()).isZero();
        assertThat(campaign.tallyRows()).isEqualTo(once);
        assertThat(repository.watermark().fold()).isEqualTo(fold);
    }

    @Test
    void aResponseThatLeavesTheCountLeavesTheTalliesAsIfItHadNeverBeenStored() {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "TLC", 20, 3);
        for (int i = 0; i < 8; i++) {
            campaign.answerNextCase();
        }
        tallies.fold();
        List<String> without = campaign.tallyRows();
        long doubtful = campaign.answerNextCase();
        tallies.fold();
        assertThat(campaign.tallyRows()).isNotEqualTo(without);

        tallies.leaveCount(doubtful, "same phone answered twice", "qa-tlc");
        tallies.leaveCount(doubtful, "asked again", "qa-tlc");
        tallies.fold();

        assertThat(campaign.tallyRows()).isEqualTo(without);
        tallies.rebuild(campaign.id());
        assertThat(campaign.tallyRows()).isEqualTo(without);
    }

    @Test
    void twoFoldingWorkersInParallelFoldEachResponseOnce() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "TLD", 100, 4);
        // a second node: its own worker, its own lock in memory; only the database keeps them apart
        Tallies otherNode = new Tallies(repository, campaigns, methodologies, List.of("applicant_kind"), transactions);
        AtomicBoolean storing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (Tallies node : List.of(tallies, otherNode)) {
                workers.add(pool.submit((Callable<Integer>) () -> {
                    int folded = 0;
                    while (storing.get()) {
                        folded += node.fold();
                    }
                    return folded;
                }));
            }
            Future<?> respondents = pool.submit(() -> {
                while (campaign.casesLeft() > 0) {
                    campaign.answerNextCase();
                }
                storing.set(false);
            });
            respondents.get();
            for (Future<Integer> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
            otherNode.stop();
        }
        tallies.fold();
        List<String> folded = campaign.tallyRows();

        tallies.rebuild(campaign.id());

        assertThat(campaign.tallyRows()).isEqualTo(folded);
        assertThat(jdbc.sql("SELECT sum(n) FROM tally WHERE campaign_id = :c AND series = 'sampled' AND domain_kind = 'all'")
                .param("c", campaign.id()).query(Long.class).single()).isEqualTo(100);
    }
}
