package org.sipas.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Partner organisations (tổ chức phối hợp) and their staff: the post office, the Fatherland Front,
 * the Veterans' Association, a survey contractor, each serving some units and campaigns. Its
 * staff are staff accounts that belong to it; the unit rule ({@link UnitScope}) confines them to
 * the units it serves and the campaigns' rule to the campaigns it serves, and applicants'
 * contacts are opened to them only for the cases handed to the organisation (the collection's
 * partner cases).
 *
 * <p>ADMIN and PROVINCE_ADMIN manage the organisations whose home unit lies within their scope,
 * with the units and campaigns of their scope only, and the organisation's staff, whose accounts
 * are scoped to the organisation's home unit. Every change is in the audit log.
 */
@Service
public class PartnerOrganisations {

    private static final String ENTITY = "partner_organisation";
    /** What partner staff may be given: interviews and keying, nothing that manages. */
    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.INTERVIEWER, Role.DATA_ENTRY);

    private final PartnerRepository partners;
    private final UserRepository userRows;
    private final StaffAccounts accounts;
    private final UnitDirectory units;
    private final CampaignDirectory campaigns;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final AuditLog audit;

    PartnerOrganisations(PartnerRepository partners, UserRepository userRows, StaffAccounts accounts, UnitDirectory units,
                         CampaignDirectory campaigns, UnitScope scope, CurrentUsers users, AuditLog audit) {
        this.partners = partners;
        this.userRows = userRows;
        this.accounts = accounts;
        this.units = units;
        this.campaigns = campaigns;
        this.scope = scope;
        this.users = users;
        this.audit = audit;
    }

    /** A refusal of a form: a message key and what it names. */
    public static class Refused extends RuntimeException {

        private final transient Object[] args;

        Refused(String key, Object... args) {
            super(key);
            this.args = args;
        }

        public Object[] args() {
            return args;
        }
    }

    /** Whether the organisation works in the campaign. */
    public boolean servesCampaign(long partnerId, long campaignId) {
        return partners.servesCampaign(partnerId, campaignId);
    }

    public Optional<Partner> find(long partnerId) {
        return partners.find(partnerId);
    }

    /** The user names of the organisation's enabled staff: the people whose cases are the organisation's. */
    public List<String> staff(long partnerId) {
        return partners.staff(partnerId);
    }

    /** The organisations that work in the campaign. */
    public List<Partner> ofCampaign(long campaignId) {
        return partners.ofCampaign(campaignId);
    }

    /** The organisations that work in the campaign and serve the unit: those a batch of its papers may be handed to. */
    public List<Partner> serving(long campaignId, long unitId) {
        return partners.ofCampaign(campaignId).stream()
                .filter(p -> p.unitIds().stream().anyMatch(u -> units.isWithin(unitId, u))).toList();
    }

    /** The organisations the caller manages: those whose home unit lies within their scope. */
    List<Partner> managed() {
        List<Partner> all = partners.all();
        Set<Long> mine = scope.covered(all.stream().map(Partner::homeUnitId).distinct().toList());
        return all.stream().filter(p -> mine.contains(p.homeUnitId())).toList();
    }

    /** One organisation the caller manages: 404 when there is none, 403 outside their scope. */
    Partner managed(long partnerId) {
        Partner partner = partners.find(partnerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        scope.require(partner.homeUnitId());
        return partner;
    }

    /** The staff accounts of an organisation the caller manages. */
    List<UserRepository.UserRow> staffRows(long partnerId) {
        managed(partnerId);
        return userRows.ofPartner(partnerId);
    }

    /** The open campaigns the caller may give an organisation: those within their scope. */
    List<CampaignDirectory.CampaignRef> campaignsToServe() {
        List<CampaignDirectory.CampaignRef> open = campaigns.open();
        Set<Long> mine = scope.covered(open.stream().map(CampaignDirectory.CampaignRef::scopeUnitId).distinct().toList());
        return open.stream().filter(c -> mine.contains(c.scopeUnitId())).toList();
    }

    /**
     * Registers an organisation with its home unit (a unit code within the caller's scope).
     *
     * @throws Refused naming the field that is wrong
     */
    @Transactional
    long create(String name, PartnerKind kind, String homeUnitCode) {
        String called = name == null ? "" : name.strip();
        if (called.isEmpty() || called.length() > 200) {
            throw new Refused("partner.nameRequired");
        }
        if (kind == null) {
            throw new Refused("partner.kindRequired");
        }
        UnitDirectory.UnitRef home = unit(homeUnitCode);
        if (partners.nameTaken(home.id(), called)) {
            throw new Refused("partner.nameTaken", called);
        }
        long id = partners.insert(called, kind, home.id(), users.current().name());
        audit.record("partner.create", ENTITY, Long.toString(id), null,
                Map.of("name", called, "kind", kind, "homeUnit", home.code()), null);
        return id;
    }

    /**
     * Sets the units the organisation serves (codes, separated by commas, spaces or lines), each
     * within the caller's scope, and the campaigns it works in, each within the caller's scope.
     *
     * @throws Refused naming the unit code or campaign that is wrong
     */
    @Transactional
    void serve(long partnerId, String unitCodes, List<Long> campaignIds) {
        Partner before = managed(partnerId);
        List<Long> unitIds = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (String code : (unitCodes == null ? "" : unitCodes).split("[,;\\s]+")) {
            if (!code.isBlank()) {
                codes.add(code.strip());
            }
        }
        for (String code : codes) {
            unitIds.add(unit(code).id());
        }
        Set<Long> allowed = new LinkedHashSet<>(campaignsToServe().stream().map(CampaignDirectory.CampaignRef::id).toList());
        // a campaign the organisation already serves stays even when closed since
        allowed.addAll(before.campaignIds());
        List<Long> chosen = campaignIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(campaignIds));
        for (long campaign : chosen) {
            if (!allowed.contains(campaign)) {
                throw new Refused("partner.campaignOutside", campaign);
            }
        }
        partners.units(partnerId, unitIds);
        partners.campaigns(partnerId, chosen);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("units", unitIds);
        after.put("campaigns", chosen);
        audit.record("partner.serve", ENTITY, Long.toString(partnerId),
                Map.of("units", before.unitIds(), "campaigns", before.campaignIds()), after, null);
    }

    /**
     * Opens an account for a member of the organisation's staff, scoped to its home unit, with
     * interviewing or keying roles only.
     *
     * @return the one-time password the new member logs in with first
     * @throws Refused naming the field that is wrong
     */
    @Transactional
    String addStaff(long partnerId, String username, String displayName, Set<Role> roles) {
        Partner partner = managed(partnerId);
        String login = username == null ? "" : username.strip();
        String shown = displayName == null ? "" : displayName.strip();
        if (login.isEmpty() || shown.isEmpty()) {
            throw new Refused("user.fieldsRequired");
        }
        if (roles == null || roles.isEmpty() || !STAFF_ROLES.containsAll(roles)) {
            throw new Refused("partner.staff.roles");
        }
        if (userRows.findByUsername(login).isPresent()) {
            throw new Refused("partner.staff.taken", login);
        }
        String password = accounts.create(login, shown, partner.homeUnitId(), roles, null);
        long userId = userRows.findByUsername(login).orElseThrow().id();
        userRows.setPartner(userId, partnerId);
        audit.record("partner.staff.add", ENTITY, Long.toString(partnerId), null, Map.of("user", login, "roles", roles), null);
        return password;
    }

    /** Takes an account out of the organisation and disables it: it was opened for the organisation's work. */
    @Transactional
    void removeStaff(long partnerId, long userId) {
        managed(partnerId);
        UserRepository.UserRow row = userRows.find(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (row.partnerId() == null || row.partnerId() != partnerId) {
            throw new AccessDeniedException("user " + userId + " is not staff of partner " + partnerId);
        }
        userRows.setPartner(userId, null);
        userRows.setEnabled(userId, false);
        audit.record("partner.staff.remove", ENTITY, Long.toString(partnerId), Map.of("user", row.username()), null,
                "account disabled");
    }

    private UnitDirectory.UnitRef unit(String code) {
        String typed = code == null ? "" : code.strip();
        UnitDirectory.UnitRef unit = units.findByCode(typed).orElseThrow(() -> new Refused("partner.unitUnknown", typed));
        if (!scope.covers(unit.id())) {
            throw new Refused("partner.unitOutside", typed);
        }
        return unit;
    }
}
