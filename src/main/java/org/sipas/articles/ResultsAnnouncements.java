package org.sipas.articles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.methodology.IndexNode;
import org.sipas.methodology.Methodologies;
import org.sipas.reporting.Publications;
import org.sipas.reporting.ResultsPublished;
import org.sipas.reporting.Snapshot;
import org.sipas.reporting.SnapshotVersion;
import org.sipas.web.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A published results snapshot gets its announcement drafted: once the publication has committed,
 * its key figures are read through reporting's public service and written into a draft in the
 * "results" section for an editor to finish, send for review and have published. One draft per
 * snapshot (a unique column), so an event heard twice drafts nothing the second time; one per open
 * survey, however often it publishes while it takes answers. A figure over
 * fewer than the portal's minimum n responses is not written, as the portal would not show it.
 */
@Component
class ResultsAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(ResultsAnnouncements.class);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Publications publications;
    private final Methodologies methodologies;
    private final Articles articles;
    private final ArticleRepository repository;
    private final int minimumN;
    private final TransactionTemplate ownTransaction;

    ResultsAnnouncements(Publications publications, Methodologies methodologies, Articles articles, ArticleRepository repository, PlatformTransactionManager transactions,
                         @Value("${sipas.portal.minimum-n:30}") int minimumN) {
        this.publications = publications;
        this.methodologies = methodologies;
        this.articles = articles;
        this.repository = repository;
        this.minimumN = minimumN;
        // after the publication's commit its transaction's resources are still bound: a write needs a transaction of its own
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Drafts the announcement in a transaction of its own; a failure is logged and leaves the
     * publication, already committed, and its approver's answer alone (an editor can write it by hand).
     */
    @TransactionalEventListener
    public void published(ResultsPublished published) {
        try {
            ownTransaction.executeWithoutResult(status -> draft(published));
        } catch (RuntimeException e) {
            log.error("no announcement drafted for results snapshot {}", published.snapshotId(), e);
        }
    }

    private void draft(ResultsPublished published) {
        if (repository.findBySnapshot(published.snapshotId()).isPresent()) {
            return;
        }
        Optional<Snapshot> snapshot = publications.snapshot(published.snapshotId());
        if (snapshot.isEmpty()) {
            log.warn("results snapshot {} was published but cannot be read: no announcement drafted", published.snapshotId());
            return;
        }
        Snapshot s = snapshot.get();
        // an open survey that publishes while it takes answers is published again every few hours: it is
        // announced once, by its first publication, whose text sends readers to the page that shows the latest
        if (s.ofOpenSurvey() && s.publishedBySetting() && repository.existsForAnySnapshot(publications.versions(s.campaignId()).stream()
                .map(SnapshotVersion::snapshotId).toList())) {
            log.info("results snapshot {} refreshes open survey {}, already announced: no second draft", s.id(), s.campaignId());
            return;
        }
        long id = articles.create(draft(s), "system", s.id());
        log.info("drafted announcement {} of results snapshot {} (campaign {}, version {})", id, s.id(), s.campaignId(), s.version());
    }

    ArticleForm draft(Snapshot s) {
        String title = "Công bố kết quả " + s.campaignName() + (s.version() > 1 ? " (đính chính, phiên bản " + s.version() + ")" : "");
        // an open survey's answers are its own series, never a sample's: its headline says what they are
        CampaignEstimates overall = s.ofOpenSurvey() ? s.figures(Series.PORTAL, Domain.NATION) : s.overall();
        DomainEstimate whole = overall == null || overall.domains().isEmpty() ? null : overall.domains().get(0);
        StringBuilder body = new StringBuilder();
        body.append("Kết quả ").append(s.campaignName()).append(" (").append(s.scopeUnitName()).append(", kỳ ")
                .append(date(s.periodFrom())).append(" – ").append(date(s.periodTo())).append(") ")
                .append(s.publishedBySetting() ? "đã được công bố theo thiết lập của khảo sát, không qua phê duyệt" : "đã được phê duyệt và công bố")
                .append(s.version() > 1 ? " (phiên bản " + s.version() + ")" : "").append(".\n\n");
        if (s.ofOpenSurvey()) {
            body.append("Đây là kết quả khảo sát trực tuyến, không phải mẫu ngẫu nhiên: tỷ lệ trên số người đã trả lời, không suy rộng")
                    .append(" cho toàn bộ người dân.\n\n");
        }
        if (s.ofOpenSurvey() && s.publishedBySetting()) {
            // the one announcement of a survey that may be refreshed while it takes answers: its figures are dated
            body.append("Số liệu tính đến ").append(Formats.dateTime(s.approvedAt()))
                    .append("; khi khảo sát còn đang nhận phiếu, kết quả mới nhất luôn ở trang kết quả trên cổng thông tin.\n\n");
        }
        if (s.whatChanged() != null) {
            body.append("Nội dung đính chính: ").append(s.whatChanged()).append("\n\n");
        }
        String summary;
        if (whole == null || whole.n() < minimumN) {
            summary = "Kết quả " + s.campaignName() + " đã được công bố.";
            body.append("Số phiếu chưa đủ để công bố số liệu chung (dưới ").append(minimumN).append(" phiếu).\n\n");
        } else {
            IndexEstimate index = whole.overall();
            summary = "Chỉ số chung: " + figure(index) + " (n = " + whole.n() + ").";
            body.append("## Số liệu chính\n\n| Chỉ số, yếu tố | Kết quả (%) | KTC 95% | n |\n|---|---:|---:|---:|\n");
            List<IndexEstimate> rows = whole.figures().stream().filter(f -> !"criterion".equals(f.level())).toList();
            Map<String, String> names = names(s);
            for (IndexEstimate f : rows) {
                body.append("| ").append(f == index ? "**Chỉ số chung**" : cell(names.getOrDefault(f.index(), f.index()))).append(" | ").append(figure(f)).append(" | ")
                        .append(interval(f)).append(" | ").append(f.n()).append(" |\n");
            }
            body.append('\n');
        }
        body.append("Xem đầy đủ: [kết quả trên cổng thông tin](").append(s.ofOpenSurvey() ? "/portal/open-surveys/" : "/portal/campaigns/")
                .append(s.campaignId()).append(").\n");
        return new ArticleForm("results", "vi", title, null, summary, body.toString());
    }

    /** The Vietnamese names of the index tree's nodes, from the snapshot's methodology version. */
    private Map<String, String> names(Snapshot s) {
        Map<String, String> names = new HashMap<>();
        methodologies.find(s.methodologyCode(), s.methodologyVersion()).ifPresent(m -> collect(m.index(), names));
        return names;
    }

    private static void collect(IndexNode node, Map<String, String> names) {
        if (node == null) {
            return;
        }
        if (node.label() != null && node.label().vi() != null) {
            names.put(node.code(), node.label().vi());
        }
        node.children().forEach(child -> collect(child, names));
    }

    /** Text that cannot break the Markdown table it stands in. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String figure(IndexEstimate f) {
        Double v = f.estimatePct() != null ? f.estimatePct() : f.unweightedPct();
        return v == null ? "—" : String.format(VI, "%.1f", v);
    }

    private static String interval(IndexEstimate f) {
        return f.ci95Low() == null || f.ci95High() == null ? "—"
                : String.format(VI, "%.1f – %.1f", f.ci95Low(), f.ci95High());
    }

    private static String date(java.time.LocalDate d) {
        return d == null ? "…" : d.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
