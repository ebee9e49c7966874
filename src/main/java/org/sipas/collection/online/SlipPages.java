package org.sipas.collection.online;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCase;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.collection.SurveyTokens.Issued;
import org.sipas.frame.Receipts;
import org.sipas.frame.Receipts.Receipt;
import org.sipas.identity.AuditLog;
import org.sipas.identity.UnitScope;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The printable A4 sheets of receipt slips of a campaign's ONLINE cases ({@code /campaigns/{id}/slips},
 * optionally {@code ?unit=CODE}): eight slips a page, cut along the dashed lines, each with the
 * unit, the receipt code, an invitation, the link and its QR code. A slip is a key to answer, so
 * only those who hand them out see them (administrators and unit heads, for the units in their
 * scope: analysts read results, not keys), and every print is in the audit log.
 */
@Controller
class SlipPages {

    static final String VIEW = "collection/online/slips";
    static final String PRINTERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";
    /** Slips a page of the site: 25 A4 sheets, which a browser lays out and prints without strain. */
    static final int PER_PAGE = 200;
    static final int PER_SHEET = 8;

    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final CatalogCodes catalog;
    private final OnlineTokens online;
    private final Receipts receipts;
    private final SurveyLinks links;
    private final AuditLog audit;
    private final MessageSource messages;

    SlipPages(CampaignScope campaigns, UnitScope scope, CatalogCodes catalog, OnlineTokens online, Receipts receipts,
              SurveyLinks links, AuditLog audit, MessageSource messages) {
        this.campaigns = campaigns;
        this.scope = scope;
        this.catalog = catalog;
        this.online = online;
        this.receipts = receipts;
        this.links = links;
        this.audit = audit;
        this.messages = messages;
    }

    /** A unit that has slips, with how many, for the filter. */
    record UnitSlips(String code, String name, long count) {
    }

    @GetMapping("/campaigns/{id}/slips")
    @PreAuthorize(PRINTERS)
    String slips(@PathVariable long id, @RequestParam(required = false) String unit,
                 @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        FieldCampaign campaign = campaigns.overlapping(id);
        List<FieldCase> cases = campaign.isInField() ? online.onlineCases(id) : List.of();
        Set<Long> mine = scope.covered(cases.stream().map(FieldCase::unitId).distinct().toList());
        List<FieldCase> visible = cases.stream().filter(c -> mine.contains(c.unitId())).toList();
        Map<Long, UnitRef> units = new HashMap<>();
        mine.forEach(u -> units.put(u, catalog.unit(u)));
        List<UnitSlips> byUnit = visible.stream()
                .collect(Collectors.groupingBy(c -> units.get(c.unitId()), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> new UnitSlips(e.getKey().code(), e.getKey().name(), e.getValue()))
                .sorted(Comparator.comparing(UnitSlips::name).thenComparing(UnitSlips::code)).toList();
        if (unit != null && !unit.isBlank()) {
            if (byUnit.stream().noneMatch(u -> u.code().equals(unit))) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no online slips of unit " + unit + " in campaign " + id);
            }
            visible = visible.stream().filter(c -> units.get(c.unitId()).code().equals(unit)).toList();
        }
        Map<Long, Receipt> byDossier = receipts.of(visible.stream().map(FieldCase::dossierId).toList()).stream()
                .collect(Collectors.toMap(Receipt::dossierId, Function.identity()));
        List<FieldCase> ordered = visible.stream()
                .sorted(Comparator.comparing((FieldCase c) -> units.get(c.unitId()).name())
                        .thenComparing(c -> byDossier.get(c.dossierId()).receiptCode()))
                .toList();
        int pages = Math.max(1, (ordered.size() + PER_PAGE - 1) / PER_PAGE);
        int number = Math.max(1, Math.min(page, pages));
        List<FieldCase> shown = ordered.subList((number - 1) * PER_PAGE, Math.min(ordered.size(), number * PER_PAGE));
        Map<Long, Issued> tokens = online.links(shown);
        List<Slip> slips = shown.stream().map(c -> {
            Receipt receipt = byDossier.get(c.dossierId());
            String url = links.token(tokens.get(c.id()).token());
            String label = messages.getMessage("online.slip.qrLabel", new Object[] {receipt.receiptCode()}, locale);
            return new Slip(c.id(), receipt.unitCode(), receipt.unitName(), receipt.receiptCode(), url,
                    QrCodes.svg(url, label), tokens.get(c.id()).expiresAt());
        }).toList();
        if (!slips.isEmpty()) {
            audit.record("survey.slips.print", "campaign", Long.toString(id), null,
                    Map.of("unit", unit == null ? "" : unit, "page", number, "slips", slips.size()),
                    slips.size() + " slip(s) for printing");
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("units", byUnit);
        model.addAttribute("unit", unit == null || unit.isBlank() ? null : unit);
        model.addAttribute("total", ordered.size());
        model.addAttribute("page", number);
        model.addAttribute("pages", pages);
        model.addAttribute("sheets", sheets(slips));
        return VIEW;
    }

    /** The slips in A4 sheets of eight. */
    static List<List<Slip>> sheets(List<Slip> slips) {
        return java.util.stream.IntStream.range(0, (slips.size() + PER_SHEET - 1) / PER_SHEET)
                .mapToObj(i -> slips.subList(i * PER_SHEET, Math.min(slips.size(), (i + 1) * PER_SHEET))).toList();
    }
}
