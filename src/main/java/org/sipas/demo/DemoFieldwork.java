package org.sipas.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.sipas.campaign.CampaignForm;
import org.sipas.campaign.Campaigns;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.SampleReviews;
import org.sipas.catalog.CatalogCodes;
import org.sipas.collection.AnswerChecks;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.Disposition;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.web.Formats;
import org.springframework.stereotype.Component;

/**
 * The demo's survey: a SIPAS campaign of Đồng Nai over the last full quarter, planned, sampled and
 * sent to the field through the campaign feature, then a fieldwork in progress played through the
 * collection feature: most phone and face-to-face cases interviewed (answers made up, checked as
 * any interview is), some refused or not reached, the rest still to call, so that the response
 * rates, work lists and later dashboards have something true to show.
 */
@Component
class DemoFieldwork {

    private static final String PROVINCE = "75";
    private static final String METHODOLOGY = "sipas-2017";

    private final Campaigns campaigns;
    private final FieldCases cases;
    private final Methodologies methodologies;
    private final CatalogCodes catalog;
    private final AnswerChecks checks;
    private final ResponseStore store;
    private final CaseDispositions dispositions;
    private final SampleReviews sampleReviews;
    private final CurrentUsers users;

    DemoFieldwork(Campaigns campaigns, FieldCases cases, Methodologies methodologies, CatalogCodes catalog,
                  AnswerChecks checks, ResponseStore store, CaseDispositions dispositions, SampleReviews sampleReviews,
                  CurrentUsers users) {
        this.sampleReviews = sampleReviews;
        this.users = users;
        this.campaigns = campaigns;
        this.cases = cases;
        this.methodologies = methodologies;
        this.catalog = catalog;
        this.checks = checks;
        this.store = store;
        this.dispositions = dispositions;
    }

    /** The campaign the fieldwork played and how many responses it stored. */
    record Played(long campaignId, int responses) {
    }

    Played play(LocalDate today, long seed) {
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3);
        String name = "SIPAS quý %d/%d, Đồng Nai (dữ liệu mẫu)".formatted(quarter.get(IsoFields.QUARTER_OF_YEAR), quarter.getYear());
        long id = campaigns.create(new CampaignForm(name, METHODOLOGY, 1, PROVINCE, "", "QUARTER", quarter.toString(), "",
                "QUARTERLY", 600, "PROPORTIONAL", 20, "", false, 20, 20.0, null, 50.0, 30.0, null,
                0L, 0L, 40_000L, 15_000L, 0L, "Phần mềm=150000000\nBáo cáo=10000000"));
        campaigns.draw(id, seed);
        // a province-wide sample is approved by the nation's administrator, not by whoever drew it
        CurrentUser approver = new CurrentUser("demo-phe-duyet", Set.of(Role.ADMIN), users.current().scopeUnitId());
        users.runAs(approver, () -> sampleReviews.approve(id, "Dữ liệu mẫu: phân bổ và danh sách dự phòng đạt yêu cầu"));
        campaigns.startFieldwork(id);

        Methodology methodology = methodologies.find(METHODOLOGY, 1).orElseThrow();
        SplittableRandom random = new SplittableRandom(seed);
        DemoAnswers answers = new DemoAnswers(random);
        Map<Long, Double> leaning = new HashMap<>();
        int stored = 0;
        for (FieldCase fieldCase : cases.of(id, null)) {
            if (!"PHONE".equals(fieldCase.channel()) && !"FACE_TO_FACE".equals(fieldCase.channel())) {
                continue; // online cases answer by their own links
            }
            int roll = random.nextInt(100);
            if (roll < 12) {
                continue; // not called yet
            }
            if (roll < 20) {
                dispositions.record(fieldCase.id(), id, roll < 15 ? Disposition.NO_ANSWER : Disposition.BUSY, true, "demo");
                continue;
            }
            if (roll < 25) {
                dispositions.record(fieldCase.id(), id, Disposition.REFUSED, true, "demo");
                continue;
            }
            double satisfaction = leaning.computeIfAbsent(fieldCase.unitId(), unit -> 0.6 + 0.35 * random.nextDouble());
            List<CatalogCodes.UnitOfficial> officials = catalog.officialsOf(fieldCase.unitId());
            LocalDate served = quarter.plusDays(random.nextInt(80));
            AnswerChecks.Checked checked = checks.check(METHODOLOGY, 1, fieldCase.unitId(),
                    answers.of(methodology, satisfaction, officials, served), Locale.forLanguageTag("vi"));
            if (!checked.isValid()) {
                continue; // a made-up answer a constraint refuses: this case stays to be called
            }
            ResponseChannel channel = "PHONE".equals(fieldCase.channel()) ? ResponseChannel.CATI : ResponseChannel.CAPI;
            Instant started = min(served.plusDays(7 + random.nextInt(20)).atTime(8 + random.nextInt(9), random.nextInt(60))
                    .atZone(Formats.ZONE).toInstant(), Instant.now().minus(Duration.ofHours(1)));
            store.store(Submission.of(channel, METHODOLOGY, 1, fieldCase.unitId(), checked.stored(), started)
                    .forCase(id, fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId())
                    .collectedBy("demo").finished(started.plus(Duration.ofMinutes(8 + random.nextInt(12))), null));
            dispositions.record(fieldCase.id(), id, Disposition.COMPLETE, true, "demo");
            stored++;
        }
        return new Played(id, stored);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
