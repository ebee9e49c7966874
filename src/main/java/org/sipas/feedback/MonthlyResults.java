package org.sipas.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.Estimates;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly results mail (DESIGN §2, feedback): from the first working day of a month, each
 * unit head gets last month's figures of their unit, as the index engine computes them
 * ({@link Estimates}, by month within the unit's subtree): every index with its n, its 95% CI and
 * the change from the month before, the counter ratings as their own series, and the unit's open
 * and overdue cases. One row of {@code monthly_results} per unit and month, written with the mail,
 * so it goes once whatever the number of nodes; {@code monthly_exclusion} keeps a unit out for a
 * month, with its reason.
 */
@Service
class MonthlyResults {

    private final JdbcClient jdbc;
    private final JobLock lock;
    private final WorkingDays workingDays;
    private final StaffAccounts accounts;
    private final CatalogCodes catalog;
    private final FieldCampaigns campaigns;
    private final Estimates estimates;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final org.sipas.identity.AuditLog audit;

    MonthlyResults(JdbcClient jdbc, JobLock lock, WorkingDays workingDays, StaffAccounts accounts, CatalogCodes catalog,
                   FieldCampaigns campaigns, Estimates estimates, CurrentUsers users, Notifications notifications,
                   org.sipas.identity.AuditLog audit) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.workingDays = workingDays;
        this.accounts = accounts;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.estimates = estimates;
        this.users = users;
        this.notifications = notifications;
        this.audit = audit;
    }

    /** Sends last month's results to every unit not yet sent, once the month's first working day has come. */
    int sendDue(Instant now) {
        LocalDate today = now.atZone(Formats.ZONE).toLocalDate();
        if (today.isBefore(workingDays.firstOfMonth(today))) {
            return 0;
        }
        YearMonth month = YearMonth.from(today).minusMonths(1);
        return lock.exclusively("monthly-results", now, 0, () -> send(month, now));
    }

    /** Sends {@code month}'s results to every unit with a head that has not had them (in the caller's transaction). */
    int send(YearMonth month, Instant now) {
        Map<Long, List<StaffAccounts.StaffMember>> headsByUnit = accounts.enabledWith(Role.UNIT_MANAGER).stream()
                .collect(Collectors.groupingBy(StaffAccounts.StaffMember::scopeUnitId, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        for (Map.Entry<Long, List<StaffAccounts.StaffMember>> unit : headsByUnit.entrySet()) {
            if (excluded(unit.getKey(), month)) {
                continue;
            }
            boolean mine = jdbc.sql("""
                            INSERT INTO monthly_results (unit_id, month, sent_at, recipients) VALUES (:u, :m, :now, :r)
                            ON CONFLICT DO NOTHING RETURNING unit_id""")
                    .param("u", unit.getKey()).param("m", month.atDay(1)).param("now", Timestamp.from(now))
                    .param("r", unit.getValue().size()).query(Long.class).optional().isPresent();
            if (!mine) {
                continue;
            }
            String body = report(unit.getKey(), month, now);
            CatalogCodes.UnitRef ref = catalog.unit(unit.getKey());
            String subject = "[sipas] Kết quả tháng %02d/%d – %s / results of %s".formatted(month.getMonthValue(), month.getYear(),
                    ref.name(), month);
            for (StaffAccounts.StaffMember head : unit.getValue()) {
                notifications.tell(head.username(), null, subject, body, "/cases?unit=" + ref.code(), now);
            }
            sent++;
        }
        return sent;
    }

    private boolean excluded(long unitId, YearMonth month) {
        return jdbc.sql("SELECT count(*) > 0 FROM monthly_exclusion WHERE unit_id = :u AND month = :m")
                .param("u", unitId).param("m", month.atDay(1)).query(Boolean.class).single();
    }

    record Exclusion(long unitId, String unitCode, String unitName, LocalDate month, String reason, String excludedBy) {
    }

    @Transactional
    void exclude(long unitId, YearMonth month, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exclusion needs its reason");
        }
        jdbc.sql("""
                        INSERT INTO monthly_exclusion (unit_id, month, reason, excluded_by) VALUES (:u, :m, :r, :by)
                        ON CONFLICT (unit_id, month) DO UPDATE SET reason = EXCLUDED.reason, excluded_by = EXCLUDED.excluded_by""")
                .param("u", unitId).param("m", month.atDay(1)).param("r", reason.strip()).param("by", actor).update();
        audit.record("monthly-results.excluded", "unit", Long.toString(unitId), null, Map.of("month", month.toString(),
                "reason", reason.strip()), null);
    }

    List<Exclusion> exclusions(long scopeUnitId) {
        return jdbc.sql("""
                        SELECT x.unit_id, u.code AS unit_code, u.name AS unit_name, x.month, x.reason, x.excluded_by
                        FROM monthly_exclusion x JOIN unit u ON u.id = x.unit_id WHERE %s ORDER BY x.month DESC, u.code"""
                        .formatted(CatalogCodes.unitWithinScope("x.unit_id", "scope")))
                .param("scope", scopeUnitId).query(Exclusion.class).list();
    }

    /** The mail's text: per campaign with responses of the unit in the month, its figures and their change. */
    String report(long unitId, YearMonth month, Instant now) {
        CatalogCodes.UnitRef unit = catalog.unit(unitId);
        StringBuilder text = new StringBuilder();
        text.append("Kết quả đo lường sự hài lòng tháng %02d/%d của %s%n".formatted(month.getMonthValue(), month.getYear(), unit.name()));
        text.append("Satisfaction results of %s for %s%n%n".formatted(unit.name(), month));
        String thisMonth = month.toString();
        String lastMonth = month.minusMonths(1).toString();
        for (long campaignId : campaignsOf(unitId, month)) {
            Optional<FieldCampaign> campaign = campaigns.find(campaignId);
            if (campaign.isEmpty()) {
                continue;
            }
            // the engine answers a reader of the campaign's own scope; the figures asked are the unit's subtree only
            CurrentUser reader = new CurrentUser("system:monthly-results", Set.of(Role.ANALYST), campaign.get().scopeUnitId());
            text.append("== ").append(campaign.get().name()).append(" ==\n");
            for (Series series : List.of(Series.SAMPLED, Series.COUNTER)) {
                CampaignEstimates found = users.runAs(reader, () -> estimates.of(campaignId, Domain.MONTH, unit.code(), series));
                Map<String, IndexEstimate> now0 = figures(found, thisMonth);
                if (now0.isEmpty()) {
                    continue;
                }
                Map<String, IndexEstimate> before = figures(found, lastMonth);
                text.append(series == Series.SAMPLED ? "Mẫu ngẫu nhiên / random sample:\n"
                        : "Đánh giá tại quầy (không phải mẫu ngẫu nhiên) / counter ratings (not a random sample):\n");
                for (IndexEstimate e : now0.values()) {
                    text.append(line(e, before.get(e.index()))).append('\n');
                }
            }
            text.append('\n');
        }
        long open = count(unitId, CaseStore.OPEN, now);
        long overdue = count(unitId, CaseStore.OPEN + " AND c.due_at < :now", now);
        text.append("Vụ việc đang mở / open cases: %d; quá hạn / overdue: %d%n".formatted(open, overdue));
        text.append("Danh sách vụ việc / cases: /cases?unit=").append(unit.code()).append('\n');
        return text.toString();
    }

    /** "HL: 85,48 % (KTC 95%: 80,10 % – 90,86 %; n = 120; so với tháng trước +2,50 điểm)". */
    static String line(IndexEstimate e, IndexEstimate before) {
        Double value = e.estimatePct() != null ? e.estimatePct() : e.unweightedPct();
        StringBuilder line = new StringBuilder("  ").append(e.index()).append(": ").append(percent(value));
        if (e.ci95Low() != null && e.ci95High() != null) {
            line.append(" (KTC 95% / 95% CI: ").append(percent(e.ci95Low())).append(" – ").append(percent(e.ci95High())).append(')');
        }
        line.append("; n = ").append(e.n());
        if (before != null && value != null) {
            Double previous = before.estimatePct() != null ? before.estimatePct() : before.unweightedPct();
            if (previous != null) {
                double change = value - previous;
                line.append("; so với tháng trước / change from last month: ").append(change >= 0 ? "+" : "−")
                        .append(String.format(Locale.forLanguageTag("vi"), "%.2f", Math.abs(change))).append(" điểm / points");
            }
        }
        return line.toString();
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.forLanguageTag("vi"), "%.2f %%", value);
    }

    private static Map<String, IndexEstimate> figures(CampaignEstimates found, String month) {
        Map<String, IndexEstimate> figures = new LinkedHashMap<>();
        for (DomainEstimate d : found.domains()) {
            if (d.code().equals(month)) {
                d.figures().forEach(f -> figures.put(f.index(), f));
            }
        }
        return figures;
    }

    private List<Long> campaignsOf(long unitId, YearMonth month) {
        return new ArrayList<>(jdbc.sql("""
                        SELECT DISTINCT r.campaign_id FROM response r
                        WHERE r.campaign_id IS NOT NULL AND r.submitted_at >= :from AND r.submitted_at < :to AND %s
                        ORDER BY 1""".formatted(CatalogCodes.unitWithinScope("r.unit_id", "unit")))
                .param("unit", unitId)
                .param("from", Timestamp.from(month.atDay(1).atStartOfDay(Formats.ZONE).toInstant()))
                .param("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(Formats.ZONE).toInstant()))
                .query(Long.class).list());
    }

    private long count(long unitId, String condition, Instant now) {
        return jdbc.sql("SELECT count(*) FROM feedback_case c WHERE %s AND %s".formatted(
                        CatalogCodes.unitWithinScope("c.unit_id", "unit"), condition))
                .param("unit", unitId).param("now", Timestamp.from(now)).query(Long.class).single();
    }
}
