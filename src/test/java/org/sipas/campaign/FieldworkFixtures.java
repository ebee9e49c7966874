package org.sipas.campaign;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For tests of fieldwork in other features: a campaign in the field with a real sample, under
 * codes of the test's own (the test database is shared by every test class of a run).
 *
 * <p>A province {@code <prefix>-P} with communes {@code C1} and {@code C2}, 60 dossiers each
 * received in March 2025 through the real dossier import (so contacts are sealed as in
 * production: applicant "Người dân i", phone 0912 000 iii, and the address "Số i đường Trần Phú,
 * &lt;commune&gt;" but for every fifth, i = 0, 5, 10…, who has none), one procedure {@code <prefix>-T1},
 * and a campaign of the first quarter of 2025 on a shipped methodology, sampled with seed 1 and
 * sent to the field.
 */
@Component
public class FieldworkFixtures {

    /**
     * A campaign in the field.
     *
     * @param admin an ADMIN scoped to the province, who manages the campaign
     * @param cases the active sampled cases, by stratum and rank
     */
    public record InField(long campaignId, long province, long commune1, long commune2, CurrentUser admin,
                          List<FieldCase> cases) {
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final FieldCases fieldCases;
    private final DossierImport dossiers;
    private final CurrentUsers users;
    private final SampleReviews sampleReviews;

    FieldworkFixtures(JdbcClient jdbc, Campaigns campaigns, FieldCases fieldCases, DossierImport dossiers, CurrentUsers users,
                      SampleReviews sampleReviews) {
        this.sampleReviews = sampleReviews;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.fieldCases = fieldCases;
        this.dossiers = dossiers;
        this.users = users;
    }

    /** A campaign still a draft (not drawn), with its province, communes and frame as {@link #inField} makes them. */
    public record Drafted(long campaignId, long province, long commune1, long commune2, CurrentUser admin) {
    }

    /**
     * @param methodologyCode a methodology whose version 1 exists (e.g. the shipped {@code mot-cua-2018} or {@code sipas-2017})
     * @param target          the sample size (at most 120), shared in proportion: 60 and 60
     * @param channels        channel name (ONLINE, KIOSK, PHONE, FACE_TO_FACE, PAPER) → weight of its share
     */
    public InField inField(String prefix, String methodologyCode, int target, Map<String, Integer> channels) {
        Drafted drafted = drafted(prefix, methodologyCode, target, channels);
        users.runAs(drafted.admin(), () -> campaigns.draw(drafted.campaignId(), 1L));
        approveSample(drafted);
        users.runAs(drafted.admin(), () -> {
            campaigns.startFieldwork(drafted.campaignId());
            return drafted.campaignId();
        });
        return new InField(drafted.campaignId(), drafted.province(), drafted.commune1(), drafted.commune2(), drafted.admin(),
                fieldCases.of(drafted.campaignId(), null));
    }

    /**
     * The drawn sample of a province-wide campaign approved as the level above does it: by an ADMIN of
     * the nation, who is not the province's administrator who drew it.
     */
    public void approveSample(Drafted drafted) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser approver = new CurrentUser("approver-" + drafted.admin().name(), Set.of(Role.ADMIN), nation);
        users.runAs(approver, () -> sampleReviews.approve(drafted.campaignId(), null));
    }

    /** The campaign of {@link #inField} before its draw: for tests of the draw itself. */
    public Drafted drafted(String prefix, String methodologyCode, int target, Map<String, Integer> channels) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        long province = TestFrame.unit(jdbc, prefix, "P", "Tỉnh " + prefix, "PROVINCE", "Tỉnh", nation, "/VN/");
        long c1 = TestFrame.unit(jdbc, prefix, "C1", "Phường Một " + prefix, "COMMUNE", "Phường", province, "/VN/" + prefix + "-P/");
        long c2 = TestFrame.unit(jdbc, prefix, "C2", "Xã Hai " + prefix, "COMMUNE", "Xã", province, "/VN/" + prefix + "-P/");
        jdbc.sql("INSERT INTO procedure (code, name, level) VALUES (:c, 'Thủ tục thử', 'COMMUNE')").param("c", prefix + "-T1").update();
        CurrentUser admin = new CurrentUser("admin-" + prefix.toLowerCase(), Set.of(Role.ADMIN), province);
        StringBuilder csv = new StringBuilder("receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
                + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status,applicant_address\n");
        for (int i = 0; i < 120; i++) {
            String address = i % 5 == 0 ? "" : "\"Số %d đường Trần Phú, %s\"".formatted(i, i < 60 ? "Phường Một " + prefix : "Xã Hai " + prefix);
            csv.append("%s-%d,%s-T1,%s-C%d,Công dân,Người dân %d,0912 %06d,%02d/03/2025 08:00,,,,,Trực tiếp,Đã trả kết quả,%s\n"
                    .formatted(prefix, i, prefix, prefix, i < 60 ? 1 : 2, i, i, 1 + i % 28, address));
        }
        users.runAs(admin, () -> dossiers.importFile(prefix + ".csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), admin));
        List<ChannelPlan> plans = new ArrayList<>();
        new LinkedHashMap<>(channels).forEach((channel, share) -> plans.add(new ChannelPlan(SurveyChannel.valueOf(channel), share, 0)));
        CampaignPlan plan = new CampaignPlan("Quý I/2025 " + prefix, methodologyCode, 1, province, List.of(),
                Period.of(Period.Kind.QUARTER, LocalDate.of(2025, 1, 1), null), Period.Schedule.ONE_OFF, target,
                CampaignPlan.Rule.PROPORTIONAL, 0, Map.of(), false, 20, plans, List.of());
        long id = users.runAs(admin, () -> campaigns.create(plan));
        return new Drafted(id, province, c1, c2, admin);
    }
}
