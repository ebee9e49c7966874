package org.sipas.collection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.collection.paper.PaperHandouts;
import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Contact;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Partner;
import org.sipas.identity.PartnerOrganisations;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The cases handed to a partner organisation, with the applicants' contacts, for its staff: the
 * sampled cases of the campaigns it serves that are held by one of its staff (phone or face to
 * face) or whose paper questionnaires went out in a batch handed to it, in the units it serves.
 * No other case's contact is opened to them: a case not handed to the organisation is refused
 * (403) and absent from the list. Every opening of contacts is in the audit log.
 */
@Service
class PartnerCases {

    /** A handed case with its contact. */
    record HandedCase(FieldCase fieldCase, String campaignName, Contact contact, boolean byPaper) {
    }

    private final PartnerOrganisations partners;
    private final FieldCases fieldCases;
    private final FieldCampaigns campaigns;
    private final PaperHandouts handouts;
    private final SamplingFrame frame;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final AuditLog audit;

    PartnerCases(PartnerOrganisations partners, FieldCases fieldCases, FieldCampaigns campaigns, PaperHandouts handouts,
                 SamplingFrame frame, UnitScope scope, CurrentUsers users, AuditLog audit) {
        this.partners = partners;
        this.fieldCases = fieldCases;
        this.campaigns = campaigns;
        this.handouts = handouts;
        this.frame = frame;
        this.scope = scope;
        this.users = users;
        this.audit = audit;
    }

    /** The caller's organisation, or empty for the administration's own staff. */
    java.util.Optional<Partner> organisation() {
        CurrentUser me = users.current();
        return me.isPartner() ? partners.find(me.partnerId()) : java.util.Optional.empty();
    }

    /** Every case handed to the caller's organisation, with contacts; audited when any is opened. */
    @Transactional
    List<HandedCase> handed() {
        Partner partner = organisation().orElseThrow(() -> new AccessDeniedException("not staff of a partner organisation"));
        List<HandedCase> handed = handed(partner, users.current());
        if (!handed.isEmpty()) {
            audit.record("partner.contacts.open", "sample_member", null, null,
                    Map.of("partner", partner.id(), "cases", handed.stream().map(h -> h.fieldCase().id()).toList()),
                    "contacts of the cases handed to the partner organisation");
        }
        return handed;
    }

    /** One case handed to the caller's organisation, with its contact: 403 for any other case, 404 for no case. */
    @Transactional
    HandedCase one(long caseId) {
        Partner partner = organisation().orElseThrow(() -> new AccessDeniedException("not staff of a partner organisation"));
        FieldCase wanted = fieldCases.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        HandedCase handed = handed(partner, users.current()).stream().filter(h -> h.fieldCase().id() == wanted.id()).findFirst()
                .orElseThrow(() -> new AccessDeniedException("case " + caseId + " is not handed to partner " + partner.id()));
        audit.record("partner.contacts.open", "sample_member", Long.toString(caseId), null, Map.of("partner", partner.id()),
                "contact of a case handed to the partner organisation");
        return handed;
    }

    private List<HandedCase> handed(Partner partner, CurrentUser me) {
        Set<String> staff = new HashSet<>(partners.staff(partner.id()));
        List<FieldCase> cases = new ArrayList<>();
        Set<Long> byPaper = new HashSet<>();
        Map<Long, String> names = new java.util.HashMap<>();
        for (long campaignId : partner.campaignIds()) {
            FieldCampaign campaign = campaigns.find(campaignId).orElse(null);
            if (campaign == null) {
                continue;
            }
            names.put(campaignId, campaign.name());
            Set<Long> paper = new HashSet<>(handouts.casesHandedTo(campaignId, partner.id()));
            byPaper.addAll(paper);
            for (FieldCase c : fieldCases.of(campaignId, null)) {
                if ((c.assignedTo() != null && staff.contains(c.assignedTo())) || paper.contains(c.id())) {
                    cases.add(c);
                }
            }
        }
        // and only in the units the organisation serves, within the member's own scope
        Set<Long> mine = scope.covered(me, cases.stream().map(FieldCase::unitId).distinct().toList());
        List<FieldCase> visible = cases.stream().filter(c -> mine.contains(c.unitId())).toList();
        List<Contact> contacts = frame.contacts(visible.stream().map(FieldCase::dossierId).toList());
        List<HandedCase> handed = new ArrayList<>(visible.size());
        for (int i = 0; i < visible.size(); i++) {
            FieldCase c = visible.get(i);
            handed.add(new HandedCase(c, names.get(c.campaignId()), contacts.get(i), byPaper.contains(c.id())));
        }
        return handed;
    }
}
