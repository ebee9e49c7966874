package org.sipas.campaign;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.catalog.CatalogCodes;

/**
 * A campaign as the create form and the JSON API send it, codes and numbers as people type them.
 * Channel shares are weights (6000 and 8500, or 41.4 and 58.6); a channel with no share is unused.
 * Quotas and fixed costs are one {@code name=number} per line.
 */
public record CampaignForm(String name, String methodologyCode, Integer methodologyVersion, String scopeUnitCode,
                    String procedureCodes, String periodKind, String periodFrom, String periodTo, String schedule,
                    Integer target, String rule, Integer minimum, String quotas, Boolean byProcedure, Integer reservePercent,
                    Double onlineShare, Double kioskShare, Double phoneShare, Double faceToFaceShare, Double paperShare,
                    Long onlineCost, Long kioskCost, Long phoneCost, Long faceToFaceCost, Long paperCost, String fixedCosts)
        implements Serializable {

    /** The form as it first appears: a quarter, proportional with 60 a stratum, seed 003's costs. */
    static CampaignForm blank(String scopeUnitCode, LocalDate today) {
        return new CampaignForm("", "sipas-2017", 1, scopeUnitCode, "", "QUARTER", today.toString(), "", "ONE_OFF", 14_500,
                "PROPORTIONAL", 60, "", false, 20, null, null, 6_000.0, 8_500.0, null, 0L, 0L, 40_000L, 15_000L, 0L,
                "Phần mềm=150000000\nBáo cáo=10000000\nĐấu thầu=40000000");
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
