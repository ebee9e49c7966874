package org.sipas.collection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.Training;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.StaffAccounts.StaffMember;
import org.sipas.identity.UnitScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which case of a channel that interviewers work (phone, face to face): the cases a
 * supervisor sees (their scope), the interviewers they may give them to (whose scope covers the
 * case's unit), and the handing over itself, one rule for every channel.
 */
@Service
public class FieldAssignments {

    private final FieldCases fieldCases;
    private final CatalogCodes catalog;
    private final StaffAccounts accounts;
    private final UnitScope scope;
    private final Training training;
    private final CampaignScope campaigns;

    FieldAssignments(FieldCases fieldCases, CatalogCodes catalog, StaffAccounts accounts, UnitScope scope, Training training,
                     CampaignScope campaigns) {
        this.campaigns = campaigns;
        this.training = training;
        this.fieldCases = fieldCases;
        this.catalog = catalog;
        this.accounts = accounts;
        this.scope = scope;
    }

    /** The active cases of {@code channel} of a campaign in the caller's scope; fills {@code units} with their units. */
    public List<FieldCase> cases(long campaignId, String channel, Map<Long, UnitRef> units) {
        List<FieldCase> all = fieldCases.of(campaignId, channel);
        Set<Long> mine = scope.covered(all.stream().map(FieldCase::unitId).distinct().toList());
        List<FieldCase> visible = all.stream().filter(c -> mine.contains(c.unitId())).toList();
        visible.forEach(c -> units.computeIfAbsent(c.unitId(), catalog::unit));
        return visible;
    }

    /**
     * The interviewers the campaign's cases of {@code unitIds} may be given to: those of
     * {@link #interviewers(Collection)} who passed the campaign's training when it requires it, and
     * who, when they belong to a partner organisation, work for one serving the campaign.
     */
    /** Whether the campaign's cases go only to people who passed its training. */
    public boolean trainingRequired(long campaignId) {
        return training.required(campaignId);
    }

    public List<StaffMember> assignable(long campaignId, Collection<Long> unitIds) {
        boolean trainingRequired = training.required(campaignId);
        return interviewers(unitIds).stream()
                .filter(m -> !trainingRequired || training.isTrained(campaignId, m.username()))
                .filter(m -> accounts.account(m.username()).map(u -> campaigns.servedFor(u, campaignId)).orElse(false))
                .toList();
    }

    /** The enabled interviewers whose scope covers at least one of {@code unitIds}. */
    public List<StaffMember> interviewers(Collection<Long> unitIds) {
        return accounts.enabledWith(Role.INTERVIEWER).stream().filter(m -> !scope.covered(m, unitIds).isEmpty()).toList();
    }

    /**
     * Gives cases of the campaign to an interviewer ({@code to} null: takes them back). Cases that
     * are no longer {@code open} (finished) stay where they are. Every case must be a case of the
     * channel in the caller's scope, and the interviewer's scope must cover its unit; once the
     * campaign requires training, the interviewer must have passed its quiz.
     *
     * @return how many cases changed hands
     * @throws AssignmentRefused naming the rule broken
     */
    @Transactional
    public int assign(long campaignId, String channel, List<Long> caseIds, String to, Predicate<FieldCase> open) {
        Map<Long, UnitRef> units = new HashMap<>();
        Map<Long, FieldCase> cases = cases(campaignId, channel, units).stream()
                .collect(Collectors.toMap(FieldCase::id, Function.identity()));
        for (long id : caseIds) {
            if (!cases.containsKey(id)) {
                throw new AssignmentRefused("cati.supervision.notInCampaign", id);
            }
        }
        if (to != null) {
            StaffMember interviewer = accounts.enabledWith(Role.INTERVIEWER).stream().filter(m -> m.username().equals(to))
                    .findFirst().orElseThrow(() -> new AssignmentRefused("fieldwork.assign.notInterviewer"));
            if (!training.mayBeAssigned(campaignId, interviewer.username())) {
                throw new AssignmentRefused("training.assign.untrained", interviewer.displayName());
            }
            // as signed in: a partner organisation's member is confined to what it serves
            CurrentUser account = accounts.account(interviewer.username()).orElseThrow();
            if (!campaigns.servedFor(account, campaignId)) {
                throw new AssignmentRefused("partner.assign.notServed", interviewer.displayName());
            }
            Set<Long> theirs = scope.covered(account, units.keySet());
            for (long id : caseIds) {
                if (!theirs.contains(cases.get(id).unitId())) {
                    throw new AssignmentRefused("cati.supervision.outOfScope", interviewer.displayName(),
                            units.get(cases.get(id).unitId()).name());
                }
            }
        }
        List<Long> still = caseIds.stream().map(cases::get).filter(open).map(FieldCase::id).toList();
        return still.isEmpty() ? 0 : fieldCases.assign(still, to);
    }

    /** An assignment the rules refuse; the message is a key with its arguments. */
    public static class AssignmentRefused extends RuntimeException {

        private final transient Object[] args;

        public AssignmentRefused(String key, Object... args) {
            super(key);
            this.args = args;
        }

        public Object[] args() {
            return args;
        }
    }
}
