package org.sipas.campaign;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.sipas.catalog.CatalogCodes;

/**
 * A campaign as the create form and the JSON API send it, codes and numbers as people type them.
 * Channel shares are weights (6000 and 8500, or 41.4 and 58.6) in the API; the page asks for
 * percentages that sum to 100 ({@link #requirePercentages}). A channel with no share is unused.
 * Quotas and fixed costs are one {@code name=number} per line.
 */
public record CampaignForm(String name, String methodologyCode, Integer methodologyVersion, String scopeUnitCode,
                    String procedureCodes, String periodKind, String periodFrom, String periodTo, String schedule,
                    Integer target, String rule, Integer minimum, String quotas, Boolean byProcedure, Integer reservePercent,
                    Double onlineShare, Double kioskShare, Double phoneShare, Double faceToFaceShare, Double paperShare,
                    Long onlineCost, Long kioskCost, Long phoneCost, Long faceToFaceCost, Long paperCost, String fixedCosts)
        implements Serializable {

    /**
     * The form as it first appears for a manager of {@code scopeUnitCode}: the next period of
     * {@code last} (their unit's latest campaign) with its rules, channels and costs, so that a
     * quarterly survey is set up again in a minute; without one, the unit's own scope, a quarter
     * from today, the shipped SIPAS questionnaire and the usual allocation (proportional, 60 a
     * stratum, 20% reserve), and nothing invented: no target, no channel mix, no fixed cost.
     */
    static CampaignForm defaults(String scopeUnitCode, Campaign last, Map<Long, String> procedureCodes, LocalDate today) {
        if (last == null) {
            return new CampaignForm("", "sipas-2017", 1, scopeUnitCode, "", "QUARTER", today.toString(), "", "ONE_OFF", null,
                    "PROPORTIONAL", 60, "", false, 20, null, null, null, null, null, null, null, null, null, null, "");
        }
        CampaignPlan plan = last.plan();
        // the period after the last one, of the same kind (a custom period is kept for the manager to move)
        Period next = plan.period().kind() == Period.Kind.CUSTOM ? plan.period()
                : Period.of(plan.period().kind(), plan.period().to().plusDays(1), null);
        Map<SurveyChannel, ChannelPlan> channels = new EnumMap<>(SurveyChannel.class);
        plan.channels().forEach(c -> channels.put(c.channel(), c));
        double total = plan.channels().stream().mapToDouble(ChannelPlan::share).sum();
        Function<SurveyChannel, Double> percent = channel -> channels.containsKey(channel)
                ? Math.round(channels.get(channel).share() / total * 1000) / 10.0 : null;
        Function<SurveyChannel, Long> cost = channel -> channels.containsKey(channel) ? channels.get(channel).unitCost() : null;
        StringBuilder quotas = new StringBuilder();
        plan.quotas().forEach((type, n) -> quotas.append(type).append('=').append(n).append('\n'));
        StringBuilder fixed = new StringBuilder();
        plan.fixedCosts().forEach(f -> fixed.append(f.item()).append('=').append(f.amount()).append('\n'));
        String procedures = String.join(" ", plan.procedureIds().stream().map(procedureCodes::get).filter(Objects::nonNull).toList());
        return new CampaignForm("", plan.methodologyCode(), plan.methodologyVersion(), scopeUnitCode, procedures,
                plan.period().kind().name(), next.from().toString(), plan.period().kind() == Period.Kind.CUSTOM ? next.to().toString() : "",
                plan.schedule().name(), plan.target(), plan.rule().name(), plan.minimum(), quotas.toString().strip(), plan.byProcedure(),
                plan.reservePercent(), percent.apply(SurveyChannel.ONLINE), percent.apply(SurveyChannel.KIOSK),
                percent.apply(SurveyChannel.PHONE), percent.apply(SurveyChannel.FACE_TO_FACE), percent.apply(SurveyChannel.PAPER),
                cost.apply(SurveyChannel.ONLINE), cost.apply(SurveyChannel.KIOSK), cost.apply(SurveyChannel.PHONE),
                cost.apply(SurveyChannel.FACE_TO_FACE), cost.apply(SurveyChannel.PAPER), fixed.toString().strip());
    }

    /**
     * The channel mix as the form asks for it: percentages that add up to 100 (within a rounding
     * of 0.1), so that nobody types 6000 and 8500 believing they are counts.
     *
     * @throws IllegalArgumentException {@code campaign.shares.sum} otherwise
     */
    void requirePercentages() {
        double sum = 0;
        for (Double share : new Double[] {onlineShare, kioskShare, phoneShare, faceToFaceShare, paperShare}) {
            sum += share == null ? 0 : share;
        }
        if (Math.abs(sum - 100) > 0.1) {
            throw new IllegalArgumentException("campaign.shares.sum");
        }
    }

    /**
     * The plan this form describes.
     *
     * @throws IllegalArgumentException naming (as a message code) the first thing wrong
     */
    CampaignPlan plan(CatalogCodes catalog) {
        CatalogCodes.UnitRef scope = catalog.unitsByCode().get(text(scopeUnitCode));
        if (scope == null) {
            throw new IllegalArgumentException("campaign.scope.unknown");
        }
        Map<String, Long> procedureIds = catalog.procedureIdsByCode();
        List<Long> procedures = new ArrayList<>();
        for (String code : text(procedureCodes).split("[,;\\s]+")) {
            if (!code.isBlank()) {
                Long id = procedureIds.get(code);
                if (id == null) {
                    throw new IllegalArgumentException("campaign.procedure.unknown");
                }
                procedures.add(id);
            }
        }
        Period.Kind kind = Period.Kind.valueOf(text(periodKind).isEmpty() ? "QUARTER" : text(periodKind));
        Period period = Period.of(kind, date(periodFrom), kind == Period.Kind.CUSTOM ? date(periodTo) : null);
        CampaignPlan.Rule allocation = CampaignPlan.Rule.valueOf(text(rule).isEmpty() ? "PROPORTIONAL" : text(rule));
        Map<String, Integer> quotaByType = new LinkedHashMap<>();
        pairs(quotas).forEach((type, n) -> quotaByType.put(type, Math.toIntExact(n)));
        if (allocation == CampaignPlan.Rule.QUOTA && quotaByType.isEmpty()) {
            throw new IllegalArgumentException("campaign.quotas.required");
        }
        List<ChannelPlan> channels = new ArrayList<>();
        channel(channels, SurveyChannel.ONLINE, onlineShare, onlineCost);
        channel(channels, SurveyChannel.KIOSK, kioskShare, kioskCost);
        channel(channels, SurveyChannel.PHONE, phoneShare, phoneCost);
        channel(channels, SurveyChannel.FACE_TO_FACE, faceToFaceShare, faceToFaceCost);
        channel(channels, SurveyChannel.PAPER, paperShare, paperCost);
        List<FixedCost> fixed = new ArrayList<>();
        pairs(fixedCosts).forEach((item, amount) -> fixed.add(new FixedCost(item, amount)));
        return new CampaignPlan(text(name), text(methodologyCode), methodologyVersion == null ? 1 : methodologyVersion, scope.id(),
                procedures, period, Period.Schedule.valueOf(text(schedule).isEmpty() ? "ONE_OFF" : text(schedule)),
                target == null ? 0 : target, allocation, minimum == null ? 0 : minimum, quotaByType,
                Boolean.TRUE.equals(byProcedure), reservePercent == null ? 20 : reservePercent, channels, fixed);
    }

    private static void channel(List<ChannelPlan> channels, SurveyChannel channel, Double share, Long cost) {
        if (share != null && share > 0) {
            channels.add(new ChannelPlan(channel, share, cost == null ? 0 : cost));
        }
    }

    /** {@code name=number} lines; numbers may carry thousands separators (150.000.000). */
    private static Map<String, Long> pairs(String text) {
        Map<String, Long> pairs = new LinkedHashMap<>();
        for (String line : text(text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            try {
                pairs.put(line.substring(0, eq).strip(), Long.parseLong(line.substring(eq + 1).replaceAll("[.,\\s₫]", "")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("campaign.pairs.invalid", e);
            }
        }
        return pairs;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("campaign.period.invalid", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
