package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.SipasApplication;
import org.sipas.index.Domain;
import org.sipas.index.Series;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh start with the demo: its campaign's responses are accepted through quality control's own
 * decisions (each a transition in the response's history and the audit log), and its results are
 * prepared, submitted and approved as version 1, so the portal and the reports show something.
 */
class DemoPublishedTest {

    @TempDir
    Path dir;

    @Test
    void theDemoCampaignEndsApprovedAndPublishedAsVersionOne() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SipasApplication.class).run("--server.port=0",
                "--sipas.demo.enabled=true", "--sipas.demo.dossiers=3000", "--sipas.admin.password=demo-results-test-password",
                "--sipas.db.embedded.shared-in-jvm=false", "--sipas.db.embedded.shared-buffers=128MB",
                "--sipas.db.embedded.data-dir=" + dir.resolve("pg"), "--sipas.contacts.key-dir=" + dir.resolve("keys"))) {
            Publications publications = app.getBean(Publications.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<Snapshot> published = publications.published();
            assertThat(published).hasSize(1);
            Snapshot demo = published.get(0);
            assertThat(demo.version()).isEqualTo(1);
            assertThat(demo.campaignName()).contains("Đồng Nai (dữ liệu mẫu)");
            assertThat(demo.scopeUnitCode()).isEqualTo("75");
            assertThat(demo.approvedBy()).isEqualTo("demo-phe-duyet");
            assertThat(demo.preparedBy()).isEqualTo("demo-phan-tich");

            long responses = jdbc.sql("SELECT count(*) FROM response WHERE campaign_id = :c").param("c", demo.campaignId())
                    .query(Long.class).single();
            assertThat(responses).isPositive();
            assertThat(demo.lineage().accepted()).isEqualTo(responses);
            assertThat(demo.lineage().undecided()).isZero();
            assertThat(demo.lineage().responsesCounted()).isEqualTo(responses);
            assertThat(demo.figures(Series.SAMPLED, Domain.NATION).domains().get(0).n()).isEqualTo(responses);
            assertThat(demo.figures(Series.SAMPLED, Domain.UNIT).domains()).hasSizeGreaterThan(1);
            assertThat(demo.overall().domains().get(0).overall().ci95Low()).isNotNull();

            // accepted by quality's own service: a transition and an audit entry each, by the demo's supervisor
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM response_transition t JOIN response r ON r.id = t.response_id
                            WHERE r.campaign_id = :c AND t.to_state = 'ACCEPTED' AND t.decided_by = 'demo-giam-sat'""")
                    .param("c", demo.campaignId()).query(Long.class).single()).isEqualTo(responses);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'response.state' AND actor = 'demo-giam-sat'")
                    .query(Long.class).single()).isEqualTo(responses);
            assertThat(jdbc.sql("SELECT action FROM audit_log WHERE action LIKE 'results.%' ORDER BY id").query(String.class).list())
                    .containsExactly("results.prepare", "results.submit", "results.approve");
        }
    }
}
