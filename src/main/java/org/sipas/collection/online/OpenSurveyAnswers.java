package org.sipas.collection.online;

import java.time.LocalDate;
import java.util.List;

import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaigns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The answers an open survey has received ({@code /open-surveys/{id}/answers}), for the staff who
 * read campaigns within their scope: how many, by day (Vietnamese time). Never who answered: a
 * response holds only the keyed hash of the address, and this page shows not even that.
 */
@Controller
class OpenSurveyAnswers {

    static final String VIEW = "collection/online/open-answers";

    /** Answers received on one day. */
    record Day(LocalDate day, long answers) {
    }

    private final OpenCampaigns campaigns;
    private final JdbcClient jdbc;

    OpenSurveyAnswers(OpenCampaigns campaigns, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    @GetMapping("/open-surveys/{id}/answers")
    @PreAuthorize("hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')")
    String answers(@PathVariable long id, Model model) {
        OpenCampaign survey = campaigns.get(id);
        List<Day> days = jdbc.sql("""
                        SELECT (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, count(*) AS answers
                        FROM response WHERE campaign_id = :c AND channel = 'PORTAL' GROUP BY 1 ORDER BY 1""")
                .param("c", id).query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        model.addAttribute("survey", survey);
        model.addAttribute("days", days);
        model.addAttribute("total", days.stream().mapToLong(Day::answers).sum());
        return VIEW;
    }
}
