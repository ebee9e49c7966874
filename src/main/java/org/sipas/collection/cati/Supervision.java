package org.sipas.collection.cati;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldCampaign;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.collection.Disposition;
import org.sipas.collection.FieldAssignments;
import org.sipas.collection.cati.QueueEntry.Standing;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.StaffAccounts.StaffMember;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a supervisor follows of a campaign's phone cases within their scope: progress by interviewer
 * and by unit, the cases themselves, and who may take them over.
 */
@Service
class Supervision {

    /**
     * The figures of a group of cases (an interviewer's, a unit's, or all).
     *
     * @param attempted  cases called at least once
     * @param calls      call attempts made
     * @param refused    cases whose disposition is a refusal or break-off
     * @param nonContact cases whose last call rang out or was busy (AAPOR non-contact)
     * @param callbacks  cases waiting for an agreed callback
     */
    record Tally(String key, String label, int assigned, int attempted, int calls, int completed, int refused,
                 int nonContact, int callbacks) {

        /** Completed cases as a share of the assigned ones, in percent. */
        public double completion() {
            return assigned == 0 ? 0 : 100.0 * completed / assigned;
        }

        static Tally of(String key, String label, List<QueueEntry> entries) {
            int attempted = 0;
            int calls = 0;
            int completed = 0;
            int refused = 0;
            int nonContact = 0;
            int callbacks = 0;
            for (QueueEntry e : entries) {
                attempted += e.attempts() > 0 ? 1 : 0;
                calls += e.attempts();
                Disposition d = e.disposition();
                completed += d == Disposition.COMPLETE ? 1 : 0;
                refused += d == Disposition.REFUSED || d == Disposition.BREAK_OFF ? 1 : 0;
                nonContact += d != null && d.category() == Disposition.Category.NC ? 1 : 0;
                callbacks += d == Disposition.CALLBACK ? 1 : 0;
            }
            return new Tally(key, label, entries.size(), attempted, calls, completed, refused, nonContact, callbacks);
        }
    }

    /** A supervised case: its queue entry and who holds it. */
    record Row(QueueEntry entry, String unitName, String interviewerName) {
    }

    /** A campaign's phone fieldwork within the supervisor's scope. */
    record Progress(FieldCampaign campaign, List<Tally> byInterviewer, List<Tally> byUnit, Tally total, List<Row> cases,
                    List<StaffMember> interviewers, List<UnitRef> units) {
    }

    private final FieldCases fieldCases;
    private final CallQueue queue;
    private final StaffAccounts accounts;
    private final FieldAssignments assignments;

    Supervision(FieldCases fieldCases, CallQueue queue, StaffAccounts accounts, FieldAssignments assignments) {
        this.fieldCases = fieldCases;
        this.queue = queue;
        this.accounts = accounts;
        this.assignments = assignments;
    }

    /** The campaigns in the field with units in the caller's scope. */
    List<FieldCampaign> campaigns() {
        return fieldCases.inField();
    }

    Progress progress(long campaignId, Instant now) {
        FieldCampaign campaign = campaigns().stream().filter(c -> c.id() == campaignId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<Long, UnitRef> units = new HashMap<>();
        List<FieldCase> cases = cases(campaignId, units);
        List<QueueEntry> entries = queue.entries(cases, now);
        Map<String, String> names = accounts.enabledWith(Role.INTERVIEWER).stream()
                .collect(Collectors.toMap(StaffMember::username, StaffMember::displayName, (a, b) -> a));

        Map<String, List<QueueEntry>> byInterviewer = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(e -> e.fieldCase().assignedTo() == null ? "\uffff" : e.fieldCase().assignedTo()))
                .forEach(e -> byInterviewer.computeIfAbsent(Objects.toString(e.fieldCase().assignedTo(), ""), k -> new ArrayList<>()).add(e));
        List<Tally> interviewerTallies = byInterviewer.entrySet().stream()
                .map(g -> Tally.of(g.getKey(), g.getKey().isEmpty() ? null : names.getOrDefault(g.getKey(), g.getKey()), g.getValue()))
                .toList();

        Map<Long, List<QueueEntry>> byUnit = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(e -> units.get(e.fieldCase().unitId()).path()))
                .forEach(e -> byUnit.computeIfAbsent(e.fieldCase().unitId(), k -> new ArrayList<>()).add(e));
        List<Tally> unitTallies = byUnit.entrySet().stream()
                .map(g -> Tally.of(Long.toString(g.getKey()), units.get(g.getKey()).name(), g.getValue())).toList();

        List<Row> rows = entries.stream().map(e -> new Row(e, units.get(e.fieldCase().unitId()).name(),
                e.fieldCase().assignedTo() == null ? null : names.getOrDefault(e.fieldCase().assignedTo(), e.fieldCase().assignedTo())))
                .toList();
        List<UnitRef> campaignUnits = byUnit.keySet().stream().map(units::get).toList();
        // those the cases may go to: in scope, trained when the campaign requires it, of a partner serving it
        List<StaffMember> interviewers = assignments.assignable(campaignId, byUnit.keySet());
        return new Progress(campaign, interviewerTallies, unitTallies, Tally.of("", null, entries), rows, interviewers,
                campaignUnits);
    }

    /**
     * Gives cases of the campaign to an interviewer ({@code to} null: takes them back). Finished
     * cases stay where they are. Every case must be a phone case of the campaign in the caller's
     * scope, and the interviewer's scope must cover its unit.
     *
     * @return how many cases changed hands
     */
    @Transactional
    public int assign(long campaignId, List<Long> caseIds, String to) {
        Set<Long> open = queue.entries(assignments.cases(campaignId, CallQueue.PHONE, new HashMap<>()), Instant.now()).stream()
                .filter(e -> e.standing() != Standing.DONE).map(QueueEntry::id).collect(Collectors.toSet());
        return assignments.assign(campaignId, CallQueue.PHONE, caseIds, to, c -> open.contains(c.id()));
    }

    /** Moves every open case of interviewer {@code from} (in unit {@code unitId}, or in every unit when null) to {@code to}. */
    @Transactional
    public int move(long campaignId, String from, Long unitId, String to) {
        List<Long> held = cases(campaignId, new HashMap<>()).stream()
                .filter(c -> from.equals(c.assignedTo()) && (unitId == null || c.unitId() == unitId))
                .map(FieldCase::id).toList();
        return held.isEmpty() ? 0 : assign(campaignId, held, to);
    }

    /** The active phone cases of a campaign in the caller's scope; fills {@code units} with their units. */
    private List<FieldCase> cases(long campaignId, Map<Long, UnitRef> units) {
        return assignments.cases(campaignId, CallQueue.PHONE, units);
    }
}
