package org.sipas.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.sipas.catalog.CatalogCodes;

/**
 * The create form of an open survey: what it asks, whose survey it is, its days, who may answer,
 * how many answers are hoped for (the plan's target: a budget figure, not a sample size),
 * whether its results publish themselves on the portal and when: only once it closes
 * ({@link #ON_CLOSE}, the default) or also while it takes answers ({@link #WHILE_OPEN}), published
 * again every {@code refreshHours} hours (24: every day).
 */
public record OpenCampaignForm(String name, String methodologyCode, Integer methodologyVersion, String scopeUnitCode,
                               String opensOn, String closesOn, String audience, Integer expected, Boolean publishResults,
                               String publishWhen, Integer refreshHours)
        implements java.io.Serializable {

    static final String ON_CLOSE = "ON_CLOSE";
    static final String WHILE_OPEN = "WHILE_OPEN";
    /** The longest a refresh may wait: a month. */
    static final int MAX_REFRESH_HOURS = 720;

    static OpenCampaignForm defaults(String scopeUnitCode, LocalDate today) {
        return new OpenCampaignForm("", "sipas-2017", 1, scopeUnitCode, today.toString(), today.plusDays(30).toString(),
                OpenCampaign.Audience.PUBLIC.name(), 300, true, ON_CLOSE, 24);
    }

    /** The campaign plan: one ONLINE channel at no unit cost, a custom period of the survey's days. */
    CampaignPlan plan(CatalogCodes catalog) {
        CatalogCodes.UnitRef scope = catalog.unitsByCode().get(text(scopeUnitCode));
        if (scope == null) {
            throw new IllegalArgumentException("campaign.scope.unknown");
        }
        LocalDate from = date(opensOn);
        LocalDate to = date(closesOn);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("open.closesBeforeOpens");
        }
        return new CampaignPlan(text(name), text(methodologyCode), methodologyVersion == null ? 1 : methodologyVersion, scope.id(),
                List.of(), Period.of(Period.Kind.CUSTOM, from, to), Period.Schedule.ONE_OFF,
                expected == null || expected <= 0 ? 1 : expected, CampaignPlan.Rule.PROPORTIONAL, 0, java.util.Map.of(), false, 0,
                List.of(new ChannelPlan(SurveyChannel.ONLINE, 1, 0)), List.of());
    }

    OpenCampaign.Audience audienceChosen() {
        try {
            return OpenCampaign.Audience.valueOf(text(audience).isEmpty() ? "PUBLIC" : text(audience));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("open.audience.unknown");
        }
    }

    /**
     * How often the results are published again while the survey takes answers; null when they are
     * published only when it closes.
     *
     * @throws IllegalArgumentException when the results do not publish themselves at all, or the hours are out of 1..720
     */
    Integer refreshHoursChosen() {
        String when = text(publishWhen);
        if (when.isEmpty() || when.equals(ON_CLOSE)) {
            return null;
        }
        if (!when.equals(WHILE_OPEN)) {
            throw new IllegalArgumentException("open.refresh.unknown");
        }
        if (!Boolean.TRUE.equals(publishResults)) {
            throw new IllegalArgumentException("open.refresh.needsPublish");
        }
        int hours = refreshHours == null ? 24 : refreshHours;
        if (hours < 1 || hours > MAX_REFRESH_HOURS) {
            throw new IllegalArgumentException("open.refresh.hours");
        }
        return hours;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(text(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("open.date.invalid");
        }
    }
}
