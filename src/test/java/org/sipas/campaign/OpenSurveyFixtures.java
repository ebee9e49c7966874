package org.sipas.campaign;

import java.time.LocalDate;
import java.util.Set;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Open surveys for tests of other packages: a province of its own, the survey made and started by its administrator. */
@Component
public class OpenSurveyFixtures {

    /** A started open survey and who manages it. */
    public record Started(long campaignId, long province, CurrentUser admin) {
    }

    private final JdbcClient jdbc;
    private final OpenCampaigns open;
    private final CurrentUsers users;

    OpenSurveyFixtures(JdbcClient jdbc, OpenCampaigns open, CurrentUsers users) {
        this.jdbc = jdbc;
        this.open = open;
        this.users = users;
    }

    /** A province {@code prefix}-P under the nation, and its ADMIN. */
    public Started province(String prefix) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        long province = TestFrame.unit(jdbc, prefix, "P", "Tỉnh " + prefix, "PROVINCE", "Tỉnh", nation, "/VN/");
        return new Started(0, province, new CurrentUser("admin-" + prefix.toLowerCase(), Set.of(Role.ADMIN), province));
    }

    /** An open survey of the province on the one-stop quick rating (one step), in the field from yesterday for 30 days. */
    public Started started(String prefix, OpenCampaign.Audience audience, boolean publishResults) {
        return started(prefix, audience, publishResults, null);
    }

    /**
     * An open survey as {@link #started(String, OpenCampaign.Audience, boolean)}, whose results also
     * publish themselves while it takes answers, every {@code refreshHours} hours (null: only when it closes).
     */
    public Started started(String prefix, OpenCampaign.Audience audience, boolean publishResults, Integer refreshHours) {
        Started place = province(prefix);
        LocalDate today = LocalDate.now(Formats.ZONE);
        long id = users.runAs(place.admin(), () -> open.create(new OpenCampaignForm("Khảo sát trực tuyến " + prefix, "mot-cua-2018", 1,
                prefix + "-P", today.minusDays(1).toString(), today.plusDays(30).toString(), audience.name(), 200, publishResults,
                refreshHours == null ? OpenCampaignForm.ON_CLOSE : OpenCampaignForm.WHILE_OPEN, refreshHours)));
        users.runAs(place.admin(), () -> {
            open.start(id);
            return id;
        });
        return new Started(id, place.province(), place.admin());
    }
}
