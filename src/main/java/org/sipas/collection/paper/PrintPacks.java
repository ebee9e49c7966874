package org.sipas.collection.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Contact;
import org.sipas.identity.AuditLog;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A unit's print pack for a campaign, as one PDF: the cover letter, the interviewer's guide, the
 * numbered questionnaires already issued for the unit (for its sampled cases and as blank copies,
 * on {@code /campaigns/{id}/paper}) and the address labels of its sampled cases whose papers went
 * out in a batch handed to a partner organisation. Reading a pack issues nothing: numbers are
 * issued by the print page's POSTs and handed out on the hand-out page, and a pack of the same
 * numbers and hand-outs is the same PDF, byte for byte.
 *
 * <p>The labels open the applicants' names and addresses (a partner delivering the papers must
 * know whom to hand them to and where), so the pack is for the roles that print and each pack is
 * in the audit log. Papers the office or a counter officer hands out need no label.
 */
@Service
class PrintPacks {

    /** Why a pack cannot be made: a message key of the paper bundle. */
    static final class Refused extends IllegalArgumentException {
        Refused(String key) {
            super(key);
        }
    }

    /** "Tỉnh Hà Tĩnh" dates its letters "Hà Tĩnh, ngày …": the kind of unit is not part of the place name. */
    private static final Pattern UNIT_KIND = Pattern.compile(
            "^(Ủy ban nhân dân|UBND|Tỉnh|Thành phố|Phường|Xã|Đặc khu|Thị trấn|Quận|Huyện|Thị xã)\\s+", Pattern.CASE_INSENSITIVE);

    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final CatalogCodes catalog;
    private final PaperForms forms;
    private final PaperSheets sheets;
    private final Methodologies methodologies;
    private final FieldCases cases;
    private final SamplingFrame frame;
    private final PaperBatches batches;
    private final AuditLog audit;
    private final MessageSource messages;

    PrintPacks(CampaignScope campaigns, UnitScope scope, CatalogCodes catalog, PaperForms forms, PaperSheets sheets,
               Methodologies methodologies, FieldCases cases, SamplingFrame frame, PaperBatches batches, AuditLog audit,
               MessageSource messages) {
        this.batches = batches;
        this.campaigns = campaigns;
        this.scope = scope;
        this.catalog = catalog;
        this.forms = forms;
        this.sheets = sheets;
        this.methodologies = methodologies;
        this.cases = cases;
        this.frame = frame;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * The pack of {@code unitId} in the campaign, drawn in {@code locale}.
     *
     * @param linkOf the link a QR code opens for a paper number (the entry screen of that paper)
     * @throws Refused when the unit is not one of the campaign's within the caller's scope, or has no numbers issued
     */
    PrintPackPdf.Rendered pdf(long campaignId, Long unitId, Locale locale, Function<String, String> linkOf) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        if (unitId == null || !campaign.unitIds().contains(unitId) || !scope.covers(unitId)) {
            throw new Refused("pack.problem.unit");
        }
        List<PaperForm> issued = forms.ofUnit(campaignId, unitId);
        if (issued.isEmpty()) {
            throw new Refused("pack.problem.noForms");
        }
        PrintPack pack = pack(campaign, catalog.unit(unitId), issued, locale, linkOf);
        PrintPackPdf.Rendered rendered = new PrintPackPdf(messages, locale).render(pack);
        audit.record("PRINT_PACK", "campaign", Long.toString(campaignId), null, null,
                "unit " + catalog.unit(unitId).code() + ": " + pack.copies().size() + " questionnaires, "
                        + pack.labels().size() + " address labels with contacts, " + rendered.pages() + " pages");
        return rendered;
    }

    private PrintPack pack(FieldCampaign campaign, UnitRef unit, List<PaperForm> issued, Locale locale,
                           Function<String, String> linkOf) {
        UnitRef issuer = catalog.unit(campaign.scopeUnitId());
        Methodology methodology = methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion())
                .orElseThrow(() -> new IllegalStateException("No methodology " + campaign.methodologyCode()));
        PaperSheet sheet = sheets.sheet(campaign.methodologyCode(), campaign.methodologyVersion(), unit.id(), locale);
        LocalDate issuedOn = issued.stream().map(PaperForm::printedAt).max(java.util.Comparator.naturalOrder())
                .orElseThrow().atZone(Formats.ZONE).toLocalDate();
        List<PrintPack.Copy> copies = issued.stream()
                .map(f -> new PrintPack.Copy(f.printed(), linkOf.apply(f.number()))).toList();
        return new PrintPack(campaign.id(), campaign.name(), parentName(issuer), issuer.name(),
                UNIT_KIND.matcher(issuer.name()).replaceFirst(""), issuedOn, unit.name(), methodology, sheet, copies,
                labels(campaign, unit, issued), issued.stream().anyMatch(f -> f.sampleMemberId() != null));
    }

    /**
     * A label for every paper issued to an active sampled case of the unit and handed to a partner
     * organisation, in the order the papers were issued; with or without an address.
     */
    private List<PrintPack.Label> labels(FieldCampaign campaign, UnitRef unit, List<PaperForm> issued) {
        Map<Long, FieldCase> active = cases.of(campaign.id(), null).stream()
                .collect(Collectors.toMap(FieldCase::id, c -> c));
        List<PaperForm> sampled = issued.stream()
                .filter(f -> f.sampleMemberId() != null && active.containsKey(f.sampleMemberId())).toList();
        Map<String, String> partnerOf = batches.partnersOf(sampled.stream().map(PaperForm::number).toList());
        List<PaperForm> forCases = sampled.stream().filter(f -> partnerOf.containsKey(f.number())).toList();
        List<Contact> contacts = frame.contacts(forCases.stream().map(f -> active.get(f.sampleMemberId()).dossierId()).toList());
        List<PrintPack.Label> labels = new ArrayList<>();
        for (int i = 0; i < forCases.size(); i++) {
            Contact c = contacts.get(i);
            PaperForm form = forCases.get(i);
            labels.add(new PrintPack.Label(c.name(), isBlank(c.address()) ? null : c.address(), c.erasedOn(), c.receiptCode(),
                    c.procedureCode(), c.receivedOn(), unit.name(), partnerOf.get(form.number()), form.printed()));
        }
        return labels;
    }

    /** The unit above the issuer, unless that is the nation itself. */
    private String parentName(UnitRef unit) {
        String[] codes = unit.path().replaceAll("^/|/$", "").split("/");
        if (codes.length < 3) {
            return null;
        }
        UnitRef parent = catalog.unitsByCode().get(codes[codes.length - 2]);
        return parent == null ? null : parent.name();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
