package org.sipas.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.sipas.index.IndexEstimate;
import org.sipas.portal.PublishedCampaign;
import org.sipas.portal.PublishedCampaigns;
import org.sipas.reporting.ResultsApproval;
import org.sipas.reporting.ResultsPublished;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A results snapshot published through the product's own steps gets one draft announcement in the
 * results section with the snapshot's key figures, read back through reporting; the same event heard
 * again drafts nothing more.
 */
@SpringBootTest
class ResultsAnnouncementTest {

    @Autowired
    PublishedCampaigns published;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ResultsApproval approval;
    @Autowired
    ArticleRepository repository;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPublishedSnapshotGetsOneDraftAnnouncementWithItsKeyFigures() {
        PublishedCampaign campaign = published.campaign("ANN", 35, 5);

        Article draft = repository.findBySnapshot(campaign.snapshot.id()).orElseThrow();
        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(draft.section()).isEqualTo("results");
        assertThat(draft.language()).isEqualTo("vi");
        assertThat(draft.author()).isEqualTo("system");
        assertThat(draft.title()).isEqualTo("Công bố kết quả " + campaign.snapshot.campaignName());
        IndexEstimate overall = campaign.snapshot.overall().domains().get(0).overall();
        String figure = String.format(Locale.forLanguageTag("vi"), "%.1f", overall.estimatePct());
        assertThat(draft.summary()).isEqualTo("Chỉ số chung: " + figure + " (n = " + campaign.snapshot.overall().domains().get(0).n() + ").");
        assertThat(draft.bodyHtml()).contains("<table>", "<strong>Chỉ số chung</strong>", figure, "<td>Tiếp cận dịch vụ</td>",
                "href=\"/portal/campaigns/" + campaign.id() + "\"");

        transactions.executeWithoutResult(status -> events.publishEvent(
                new ResultsPublished(campaign.id(), campaign.snapshot.id(), campaign.snapshot.version())));
        assertThat(jdbc.sql("SELECT count(*) FROM article WHERE snapshot_id = :s").param("s", campaign.snapshot.id())
                .query(Long.class).single()).isEqualTo(1);
        // audited as the approval that caused it: the listener runs in the approver's thread once their transaction committed
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_type = 'article' AND entity_id = :id AND action = 'article.create'")
                .param("id", Long.toString(draft.id())).query(String.class).list()).containsExactly(campaign.snapshot.approvedBy());
    }
}
