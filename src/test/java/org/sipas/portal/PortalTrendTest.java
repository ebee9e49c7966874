package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.CampaignForm;
import org.sipas.campaign.Campaigns;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Percent;
import org.sipas.reporting.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Trends across periods: three quarters of one province on one methodology, published out of
 * period order, the second corrected after its page was first read. The portal's trend (the page's
 * table and the open-data JSON and CSV) has three points in period order, the second with its
 * corrected figure and version.
 */
class PortalTrendTest extends PortalVisits {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    CurrentUsers users;
    @Autowired
    Campaigns campaigns;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    DossierImport dossiers;

    FieldworkFixtures.InField first;
    FieldworkFixtures.InField second;
    FieldworkFixtures.InField third;

    PortalTrendTest() {
        super("10.18.3.1");
    }

    @BeforeAll
    void threeQuartersInTheField() {
        first = fixtures.inField("TRD", "sipas-2017", 80, Map.of("PHONE", 1));
        second = nextQuarter(first, "TRD2", "Quý II/2025 TRD", LocalDate.of(2025, 4, 1));
        third = nextQuarter(first, "TRD3", "Quý III/2025 TRD", LocalDate.of(2025, 7, 1));
    }

    /** Another quarter's campaign on the same province: its own dossiers through the import, drawn and sent to the field. */
    private FieldworkFixtures.InField nextQuarter(FieldworkFixtures.InField of, String receiptPrefix, String name, LocalDate from) {
        StringBuilder csv = new StringBuilder("receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
                + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status\n");
        for (int i = 0; i < 120; i++) {
            csv.append("%s-%d,TRD-T1,TRD-C%d,Công dân,Người dân %d,0913 %06d,%02d/%02d/%d 08:00,,,,,Trực tiếp,Đã trả kết quả\n"
                    .formatted(receiptPrefix, i, i < 60 ? 1 : 2, i, i, 1 + i % 28, from.getMonthValue(), from.getYear()));
        }
        users.runAs(of.admin(), () -> dossiers.importFile(receiptPrefix + ".csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), of.admin()));
        CampaignForm form = new CampaignForm(name, "sipas-2017", 1, "TRD-P", "", "QUARTER", from.toString(), "", "ONE_OFF", 80,
                "PROPORTIONAL", 0, "", false, 20, null, null, 1.0, null, null, null, null, null, null, null, "");
        long id = users.runAs(of.admin(), () -> {
            long created = campaigns.create(form);
            campaigns.draw(created, 1L);
            return created;
        });
        // the level above approves the drawn sample before fieldwork, as for every campaign
        fixtures.approveSample(new FieldworkFixtures.Drafted(id, of.province(), of.commune1(), of.commune2(), of.admin()));
        users.runAs(of.admin(), () -> {
            campaigns.startFieldwork(id);
            return null;
        });
        return new FieldworkFixtures.InField(id, of.province(), of.commune1(), of.commune2(), of.admin(), fieldCases.of(id, null));
    }

    private PublishedCampaign publish(FieldworkFixtures.InField field, String prefix) {
        return published.campaign(field, prefix, 35, 35);
    }

    private static IndexEstimate overall(Snapshot s) {
        return s.overall().domains().get(0).overall();
    }

    @Test
    void theTrendHasEveryPeriodInOrderWithTheCorrectedFigure() throws Exception {
        // published out of period order: the third quarter first, the second last
        PublishedCampaign q3 = publish(third, "TRD3");
        PublishedCampaign q1 = publish(first, "TRD1");
        PublishedCampaign q2 = publish(second, "TRD2");
        String page = "/portal/campaigns/" + q3.id();
        String before = visitor(page).getContentAsString(StandardCharsets.UTF_8);
        assertThat(trendRows(before)).hasSize(3);

        Snapshot corrected = q2.correct(List.of(q2.responses.get(0), q2.responses.get(1), q2.responses.get(2)),
                "Loại ba phiếu sau phúc tra (TRD2)");
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(overall(corrected).estimatePct()).isNotEqualTo(overall(q2.snapshot).estimatePct());
        List<Snapshot> inOrder = List.of(q1.snapshot, corrected, q3.snapshot);

        // the page's table, as every visitor reads it (and the chart is drawn from it)
        Percent pct = new Percent(VI);
        for (String path : List.of(page, "/portal/campaigns/" + q1.id(), "/portal/campaigns/" + q2.id())) {
            List<String> rows = trendRows(visitor(path).getContentAsString(StandardCharsets.UTF_8));
            assertThat(rows).as("trend of " + path).hasSize(3);
            for (int i = 0; i < 3; i++) {
                Snapshot s = inOrder.get(i);
                assertThat(rows.get(i)).as(path + " point " + (i + 1)).contains(s.campaignName())
                        .contains(pct.of(overall(s).estimatePct()))
                        .contains(">" + s.overall().domains().get(0).n() + "<");
            }
        }
        assertThat(trendRows(visitor(page).getContentAsString(StandardCharsets.UTF_8)).get(1))
                .doesNotContain(pct.of(overall(q2.snapshot).estimatePct()));

        // the open data: the same three points, the second of version 2 and its snapshot
        String json = visitor("/api/v1/public/campaigns/" + q3.id() + "/trend").getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<Integer>>read(json, "$[*].campaignId")).containsExactly((int) q1.id(), (int) q2.id(), (int) q3.id());
        assertThat(JsonPath.<List<String>>read(json, "$[*].periodFrom")).containsExactly("2025-01-01", "2025-04-01", "2025-07-01");
        assertThat(JsonPath.<List<Integer>>read(json, "$[*].version")).containsExactly(1, 2, 1);
        assertThat(JsonPath.<List<Number>>read(json, "$[*].snapshotId")).extracting(Number::longValue)
                .containsExactly(q1.snapshot.id(), corrected.id(), q3.snapshot.id());
        assertThat(JsonPath.<List<Double>>read(json, "$[*].estimatePct"))
                .containsExactly(overall(q1.snapshot).estimatePct(), overall(corrected).estimatePct(), overall(q3.snapshot).estimatePct());
        assertThat(JsonPath.<List<Number>>read(json, "$[*].n")).extracting(Number::longValue)
                .containsExactly(70L, 67L, 70L);
        String csv = visitor("/api/v1/public/campaigns/" + q1.id() + "/trend.csv").getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().skip(1).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(q2.id() + ",").contains("," + corrected.id() + ",67,false," + overall(corrected).estimatePct() + ",");
    }

    /** The rows of the page's trend table, top to bottom. */
    private static List<String> trendRows(String html) {
        int table = html.indexOf("id=\"trend-table\"");
        assertThat(table).as("the trend table on the page").isPositive();
        String body = html.substring(html.indexOf("<tbody>", table), html.indexOf("</tbody>", table));
        List<String> rows = new ArrayList<>();
        for (int at = body.indexOf("<tr"); at >= 0; at = body.indexOf("<tr", at + 1)) {
            rows.add(body.substring(at, body.indexOf("</tr>", at)));
        }
        return rows;
    }
}
