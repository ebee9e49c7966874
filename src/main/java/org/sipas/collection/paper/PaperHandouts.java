package org.sipas.collection.paper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.PartnerOrganisations;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.UnitScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-out and return of numbered paper questionnaires (phát, thu phiếu): batches of printed
 * numbers handed to a partner organisation or a counter officer, then each number delivered (to
 * the sampled dossier it was printed for, or at random at the counter), returned filled, returned
 * blank or refused, spoiled or lost; and the reconciliation of a campaign per unit and recipient.
 *
 * <p>Once a campaign hands papers out in batches, double entry keys only handed-out numbers, and
 * keying a paper marks it returned filled. A batch with numbers still out past its working days
 * (5 unless said otherwise) is overdue: flagged on the page, and reminded once by feedback's job.
 * Every hand-out and change of state is in the audit log.
 */
@Service
public class PaperHandouts {

    /** Working days a batch has to come back unless the hand-out says otherwise (Hà Tĩnh's rule). */
    public static final int DEFAULT_DUE_WORKING_DAYS = 5;

    /** A hand-out as the form sends it. */
    record HandOut(long unitId, PaperBatches.RecipientKind kind, String recipient, String numbers, Instant handedAt,
                   int dueWorkingDays) {
    }

    /**
     * A batch with the working days since it was handed out, whether it is overdue, and the serials
     * still out written as ranges ({@code 4-9, 12}): what the office chases the recipient for.
     */
    record BatchLine(PaperBatches.Batch batch, int workingDays, Instant dueAt, boolean overdue, String stillOut) {
    }

    /**
     * One unit and recipient: handed, returned (filled and blank), keyed, spoiled, lost; missing =
     * handed − returned (what the office has not got back, spoiled and lost included); awaiting
     * entry = returned filled − keyed; the working days since the oldest batch still out.
     */
    record Line(long unitId, String unitName, PaperBatches.RecipientKind kind, String recipient, int handed, int returned,
                int returnedFilled, int keyed, int spoiled, int lost, int outstanding, int workingDays, boolean overdue) {

        public int missing() {
            return handed - returned;
        }

        public int awaitingEntry() {
            return returnedFilled - keyed;
        }
    }

    /** A batch with its numbers and their states. */
    record BatchDetail(BatchLine line, List<PaperBatches.BatchNumber> numbers) {
    }

    /** An overdue batch to remind about, for feedback's reminder job: whom to tell and what. */
    public record Overdue(long batchId, long campaignId, String campaignName, String unitName, String recipient,
                          boolean partner, Instant handedAt, Instant dueAt, int outstanding, List<String> tell) {
    }

    private final PaperBatches batches;
    private final PaperForms forms;
    private final CampaignScope campaigns;
    private final FieldCampaigns fieldCampaigns;
    private final UnitScope scope;
    private final WorkingCalendar calendar;
    private final StaffAccounts accounts;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final PartnerOrganisations partners;

    PaperHandouts(PaperBatches batches, PaperForms forms, CampaignScope campaigns, FieldCampaigns fieldCampaigns, UnitScope scope, WorkingCalendar calendar,
                  StaffAccounts accounts, CurrentUsers users, AuditLog audit, PartnerOrganisations partners) {
        this.partners = partners;
        this.batches = batches;
        this.forms = forms;
        this.campaigns = campaigns;
        this.fieldCampaigns = fieldCampaigns;
        this.scope = scope;
        this.calendar = calendar;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Hands a batch of the campaign's printed numbers of one unit to a partner or a counter officer.
     * All or nothing: every number must be printed for that unit and not handed out before.
     *
     * @throws PaperNumbers.Invalid     naming the item of the list that is wrong
     * @throws IllegalArgumentException naming (as a message key) the field that is wrong
     */
    @Transactional
    long hand(long campaignId, HandOut handOut) {
        CurrentUser me = requireManager();
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        if (!campaign.unitIds().contains(handOut.unitId()) || !scope.covers(me, handOut.unitId())) {
            throw new IllegalArgumentException("paper.handout.unit");
        }
        String recipient = handOut.recipient() == null ? "" : handOut.recipient().strip();
        if (handOut.kind() == null) {
            throw new IllegalArgumentException("paper.handout.kind");
        }
        if (recipient.isEmpty() || recipient.length() > 200) {
            throw new IllegalArgumentException("paper.handout.recipient.required");
        }
        if (handOut.kind() == PaperBatches.RecipientKind.COUNTER && accounts.account(recipient).isEmpty()) {
            throw new IllegalArgumentException("paper.handout.officerUnknown");
        }
        if (handOut.dueWorkingDays() < 1 || handOut.dueWorkingDays() > 60) {
            throw new IllegalArgumentException("paper.handout.due");
        }
        Instant now = Instant.now();
        Instant handedAt = handOut.handedAt() == null ? now : handOut.handedAt();
        if (handedAt.isAfter(now)) {
            throw new IllegalArgumentException("paper.handout.future");
        }
        List<Integer> serials = PaperNumbers.serials(campaignId, handOut.numbers());
        Map<Integer, PaperForm> printed = new LinkedHashMap<>();
        int low = serials.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int high = serials.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (PaperForm form : forms.range(campaignId, low, high)) {
            printed.put(form.serial(), form);
        }
        List<String> numbers = new ArrayList<>();
        for (int serial : serials) {
            PaperForm form = printed.get(serial);
            String shown = new PaperNumber(campaignId, serial).printed();
            if (form == null) {
                throw new PaperNumbers.Invalid("paper.handout.numbers.notPrinted", shown);
            }
            if (form.unitId() != handOut.unitId()) {
                throw new PaperNumbers.Invalid("paper.handout.numbers.otherUnit", shown);
            }
            numbers.add(form.number());
        }
        List<String> taken = batches.alreadyHanded(numbers);
        if (!taken.isEmpty()) {
            throw new PaperNumbers.Invalid("paper.handout.numbers.handedBefore", PaperNumber.parse(taken.get(0)).printed());
        }
        // a partner named as registered (for this campaign and unit) is that organisation: its staff then see these cases
        Long partnerId = null;
        if (handOut.kind() == PaperBatches.RecipientKind.PARTNER) {
            String typed = recipient;
            java.util.Optional<org.sipas.identity.Partner> registered = partners.serving(campaignId, handOut.unitId()).stream()
                    .filter(p -> p.name().equalsIgnoreCase(typed)).findFirst();
            if (registered.isPresent()) {
                partnerId = registered.get().id();
                recipient = registered.get().name();
            }
        }
        long id = batches.insert(campaignId, handOut.unitId(), handOut.kind(), recipient, partnerId, handedAt, me.name(),
                handOut.dueWorkingDays());
        batches.hand(id, numbers, now, me.name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaign", campaignId);
        after.put("unit", handOut.unitId());
        after.put("recipient", handOut.kind() + " " + recipient);
        after.put("partner", partnerId);
        after.put("numbers", numbers.size());
        after.put("from", numbers.get(0));
        after.put("to", numbers.get(numbers.size() - 1));
        after.put("dueWorkingDays", handOut.dueWorkingDays());
        audit.record("paper.handout", "paper_batch", Long.toString(id), null, after, null);
        return id;
    }

    /**
     * Records what became of handed-out numbers of the campaign: delivered, returned filled or
     * blank, spoiled or lost. All or nothing: every number must be handed out, and a keyed paper
     * is not written off.
     *
     * @return how many numbers changed
     */
    @Transactional
    int record(long campaignId, String numberList, HandoutState state) {
        CurrentUser me = requireManager();
        campaigns.overlapping(campaignId);
        if (state == null || state == HandoutState.HANDED) {
            throw new IllegalArgumentException("paper.handout.state");
        }
        List<Integer> serials = PaperNumbers.serials(campaignId, numberList);
        List<String> numbers = serials.stream().map(s -> new PaperNumber(campaignId, s).text()).toList();
        Map<String, PaperBatches.Handout> handed = batches.lock(numbers).stream()
                .collect(Collectors.toMap(PaperBatches.Handout::number, h -> h));
        Map<Long, PaperBatches.Batch> ofBatch = new LinkedHashMap<>();
        for (String number : numbers) {
            PaperBatches.Handout handout = handed.get(number);
            String shown = PaperNumber.parse(number).printed();
            if (handout == null) {
                throw new PaperNumbers.Invalid("paper.handout.numbers.notHanded", shown);
            }
            PaperBatches.Batch batch = ofBatch.computeIfAbsent(handout.batchId(), b -> batches.batch(b).orElseThrow());
            if (!scope.covers(me, batch.unitId())) {
                throw new PaperNumbers.Invalid("paper.handout.numbers.scope", shown);
            }
            if (state != HandoutState.RETURNED_FILLED && batches.keyed(number)) {
                throw new PaperNumbers.Invalid("paper.handout.numbers.keyed", shown);
            }
        }
        Instant now = Instant.now();
        batches.state(numbers, state, now, me.name());
        Map<String, Object> before = new LinkedHashMap<>();
        handed.values().stream().collect(Collectors.groupingBy(h -> h.state().name(), Collectors.counting()))
                .forEach(before::put);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", state);
        after.put("numbers", numbers.size());
        audit.record("paper.handout.state", "paper_batch", ofBatch.keySet().stream().map(String::valueOf)
                .collect(Collectors.joining(",")), before, after, "campaign " + campaignId);
        return numbers.size();
    }

    /** The campaign's batches within the caller's scope, newest first, with their working days and overdue flag. */
    @Transactional(readOnly = true)
    List<BatchLine> batches(long campaignId, Instant now) {
        campaigns.overlapping(campaignId);
        List<PaperBatches.Batch> all = batches.of(campaignId);
        Set<Long> mine = scope.covered(all.stream().map(PaperBatches.Batch::unitId).distinct().toList());
        return all.stream().filter(b -> mine.contains(b.unitId()))
                .map(b -> {
                    BatchLine line = line(b, now);
                    return new BatchLine(b, line.workingDays(), line.dueAt(), line.overdue(),
                            b.outstanding() == 0 ? "" : ranges(batches.outstandingSerials(b.id())));
                })
                .toList();
    }

    /**
     * One batch of the campaign with its numbers: empty when the campaign has no such batch, and
     * refused (403) when its unit lies outside the caller's scope.
     */
    @Transactional(readOnly = true)
    java.util.Optional<BatchDetail> batch(long campaignId, long batchId, Instant now) {
        campaigns.overlapping(campaignId);
        java.util.Optional<PaperBatches.Batch> found = batches.batch(batchId).filter(b -> b.campaignId() == campaignId);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        PaperBatches.Batch b = found.get();
        if (!scope.covers(b.unitId())) {
            throw new AccessDeniedException("batch " + batchId + " is of a unit outside the caller's scope");
        }
        BatchLine line = line(b, now);
        return java.util.Optional.of(new BatchDetail(new BatchLine(b, line.workingDays(), line.dueAt(), line.overdue(),
                b.outstanding() == 0 ? "" : ranges(batches.outstandingSerials(b.id()))), batches.numbers(b.id())));
    }

    /**
     * Records what became of one number of a batch, as {@link #record} does for a list: the number
     * must be one of that batch's.
     *
     * @throws PaperNumbers.Invalid naming the number when it is no single number of the batch
     */
    @Transactional
    void recordOne(long campaignId, long batchId, String number, HandoutState state) {
        List<Integer> serials = PaperNumbers.serials(campaignId, number);
        if (serials.size() != 1) {
            throw new PaperNumbers.Invalid("paper.handout.numbers.one", number);
        }
        String text = new PaperNumber(campaignId, serials.get(0)).text();
        boolean ofBatch = batches.find(text).map(h -> h.batchId() == batchId).orElse(false);
        if (!ofBatch) {
            throw new PaperNumbers.Invalid("paper.handout.numbers.otherBatch", new PaperNumber(campaignId, serials.get(0)).printed());
        }
        record(campaignId, text, state);
    }

    /** The reconciliation of the campaign per unit and recipient, within the caller's scope. */
    @Transactional(readOnly = true)
    List<Line> reconcile(long campaignId, Instant now) {
        Map<String, List<BatchLine>> groups = batches(campaignId, now).stream()
                .collect(Collectors.groupingBy(b -> b.batch().unitId() + "\u0000" + b.batch().kind() + "\u0000" + b.batch().recipient(),
                        LinkedHashMap::new, Collectors.toList()));
        List<Line> lines = new ArrayList<>();
        for (List<BatchLine> group : groups.values()) {
            PaperBatches.Batch first = group.get(0).batch();
            int handed = 0, filled = 0, blank = 0, keyed = 0, spoiled = 0, lost = 0, outstanding = 0, days = 0;
            boolean overdue = false;
            for (BatchLine line : group) {
                PaperBatches.Batch b = line.batch();
                handed += b.handed();
                filled += b.returnedFilled();
                blank += b.returnedBlank();
                keyed += b.keyed();
                spoiled += b.spoiled();
                lost += b.lost();
                outstanding += b.outstanding();
                if (b.outstanding() > 0) {
                    days = Math.max(days, line.workingDays());
                }
                overdue |= line.overdue();
            }
            lines.add(new Line(first.unitId(), first.unitName(), first.kind(), first.recipient(), handed, filled + blank, filled,
                    keyed, spoiled, lost, outstanding, days, overdue));
        }
        lines.sort(java.util.Comparator.comparing(Line::unitName).thenComparing(Line::recipient));
        return lines;
    }

    /**
     * Batches overdue at {@code now} and not reminded yet, with whom to tell: the counter officer who
     * holds the papers, and whoever handed the batch out (who chases a partner organisation).
     * Read under feedback's job lock, which runs one node at a time.
     */
    @Transactional(readOnly = true)
    public List<Overdue> overdueToRemind(Instant now) {
        List<Overdue> due = new ArrayList<>();
        // no batch is overdue before a working day has passed: the calendar sorts out the rest
        for (PaperBatches.Batch b : batches.unremindedBefore(now)) {
            BatchLine line = line(b, now);
            if (!line.overdue()) {
                continue;
            }
            List<String> tell = new ArrayList<>();
            if (b.kind() == PaperBatches.RecipientKind.COUNTER) {
                tell.add(b.recipient());
            }
            if (!tell.contains(b.handedBy())) {
                tell.add(b.handedBy());
            }
            String name = fieldCampaigns.find(b.campaignId()).map(FieldCampaign::name).orElse("#" + b.campaignId());
            due.add(new Overdue(b.id(), b.campaignId(), name, b.unitName(), b.recipient(),
                    b.kind() == PaperBatches.RecipientKind.PARTNER, b.handedAt(), line.dueAt(), b.outstanding(), List.copyOf(tell)));
        }
        return due;
    }

    /** The sampled cases whose papers went out in the campaign's batches handed to a registered partner organisation. */
    @Transactional(readOnly = true)
    public List<Long> casesHandedTo(long campaignId, long partnerId) {
        return batches.casesHandedTo(campaignId, partnerId);
    }

    /** Marks the batch reminded, so that it is reminded once: false when it already was. */
    @Transactional
    public boolean reminded(long batchId, Instant at) {
        return batches.reminded(batchId, at);
    }

    /**
     * Whether a paper may be keyed as far as its hand-out goes: in a campaign that hands papers out,
     * only a handed-out number, and not one returned blank, spoiled or lost.
     *
     * @throws PaperRefused naming the number and why
     */
    void requireHandedOut(PaperForm form) {
        if (!batches.handsOut(form.campaignId())) {
            return;
        }
        PaperBatches.Handout handout = batches.find(form.number())
                .orElseThrow(() -> new PaperRefused("paper.refused.notHandedOut", form.printed()));
        if (!handout.state().mayBeKeyed()) {
            throw new PaperRefused("paper.refused.handoutState", form.printed(), handout.state().name());
        }
    }

    /** A paper keyed: it came back filled, whatever was recorded of it before. */
    void keyed(PaperForm form, String clerk) {
        batches.find(form.number()).filter(h -> h.state().isOutstanding())
                .ifPresent(h -> batches.state(List.of(form.number()), HandoutState.RETURNED_FILLED, Instant.now(), clerk));
    }

    private BatchLine line(PaperBatches.Batch b, Instant now) {
        Instant due = calendar.add(b.handedAt(), b.dueWorkingDays());
        return new BatchLine(b, calendar.between(b.handedAt(), now), due, b.outstanding() > 0 && now.isAfter(due), "");
    }

    /** Ascending serials as ranges: 1, 2, 3, 7 → "1-3, 7". */
    static String ranges(List<Integer> serials) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < serials.size()) {
            int j = i;
            while (j + 1 < serials.size() && serials.get(j + 1) == serials.get(j) + 1) {
                j++;
            }
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(serials.get(i));
            if (j > i) {
                text.append('-').append(serials.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }

    private CurrentUser requireManager() {
        CurrentUser me = users.current();
        if (!me.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.UNIT_MANAGER)) {
            throw new AccessDeniedException("only managers hand paper questionnaires out and take them back");
        }
        return me;
    }
}
