package org.sipas.collection.cati;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.collection.Disposition;
import org.sipas.collection.cati.CallingRules.Slot;
import org.sipas.collection.cati.QueueEntry.Standing;
import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.DossierFacts;
import org.springframework.stereotype.Service;

/**
 * An interviewer's phone cases as a call queue: callbacks whose time has come (earliest first),
 * then cases never called (in the sample's order), then retries whose gap has passed (first those
 * not yet tried at this time of day, then the least tried, then the longest waiting). Cases
 * waiting for their time and finished ones are listed apart.
 */
@Service
class CallQueue {

    static final String PHONE = "PHONE";

    /** The queue at a moment: to call now, later, and done. */
    record Queue(List<QueueEntry> now, List<QueueEntry> later, List<QueueEntry> done) {

        /** The case to call next, if any. */
        public QueueEntry next() {
            return now.isEmpty() ? null : now.get(0);
        }
    }

    private final FieldCases fieldCases;
    private final SamplingFrame frame;
    private final CallAttempts attempts;

    CallQueue(FieldCases fieldCases, SamplingFrame frame, CallAttempts attempts) {
        this.fieldCases = fieldCases;
        this.frame = frame;
        this.attempts = attempts;
    }

    Queue of(String interviewer, Instant now) {
        List<FieldCase> cases = fieldCases.assignedTo(interviewer).stream().filter(c -> PHONE.equals(c.channel())).toList();
        List<QueueEntry> entries = entries(cases, now);
        Slot slot = Slot.of(now);
        Comparator<QueueEntry> order = Comparator.comparing(QueueEntry::standing)
                .thenComparing(e -> e.standing() == Standing.CALLBACK_DUE ? e.nextAt() : Instant.EPOCH)
                .thenComparing(e -> e.standing() == Standing.RETRY && e.history().slotsTried().contains(slot))
                .thenComparingInt(e -> e.standing() == Standing.RETRY ? e.attempts() : 0)
                .thenComparing(e -> e.standing() == Standing.RETRY ? e.history().last().orElseThrow().endedAt() : Instant.EPOCH);
        List<QueueEntry> toCall = entries.stream()
                .filter(e -> e.standing() == Standing.CALLBACK_DUE || e.standing() == Standing.NEW || e.standing() == Standing.RETRY)
                .sorted(order).toList();
        List<QueueEntry> later = entries.stream().filter(e -> e.standing() == Standing.LATER)
                .sorted(Comparator.comparing(QueueEntry::nextAt)).toList();
        List<QueueEntry> done = entries.stream().filter(e -> e.standing() == Standing.DONE).toList();
        return new Queue(toCall, later, done);
    }

    /** The queue entries of the given cases (in their order), for the queue and the supervisors' figures. */
    List<QueueEntry> entries(List<FieldCase> cases, Instant now) {
        List<Long> ids = cases.stream().map(FieldCase::id).toList();
        Map<Long, CallHistory> histories = attempts.histories(ids);
        Map<Long, Disposition> dispositions = attempts.dispositions(ids);
        Map<Long, DossierFacts> facts = frame.facts(cases.stream().map(FieldCase::dossierId).toList()).stream()
                .collect(Collectors.toMap(DossierFacts::dossierId, Function.identity(), (a, b) -> a));
        List<QueueEntry> entries = new ArrayList<>(cases.size());
        for (FieldCase c : cases) {
            entries.add(entry(c, facts.get(c.dossierId()), histories.get(c.id()), dispositions.get(c.id()), now));
        }
        return entries;
    }

    static QueueEntry entry(FieldCase c, DossierFacts facts, CallHistory history, Disposition disposition, Instant now) {
        int noContacts = history.noContacts();
        boolean replaceable = disposition != null && CallingRules.mayBeReplaced(disposition, noContacts);
        if (disposition != null && disposition.isFinal()) {
            return new QueueEntry(c, facts, history, disposition, Standing.DONE, null, replaceable);
        }
        CallAttempt last = history.last().orElse(null);
        if (last == null) {
            return new QueueEntry(c, facts, history, disposition, Standing.NEW, null, false);
        }
        if (last.outcome() == Disposition.CALLBACK) {
            Standing standing = last.callbackAt().isAfter(now) ? Standing.LATER : Standing.CALLBACK_DUE;
            return new QueueEntry(c, facts, history, disposition, standing, last.callbackAt(), false);
        }
        if (CallingRules.isNoContact(last.outcome())) {
            if (noContacts >= CallingRules.MOST_NO_CONTACTS) {
                return new QueueEntry(c, facts, history, disposition, Standing.DONE, null, replaceable);
            }
            Instant next = last.endedAt().plus(CallingRules.RETRY_GAP);
            return new QueueEntry(c, facts, history, disposition, next.isAfter(now) ? Standing.LATER : Standing.RETRY,
                    next, false);
        }
        // a final outcome whose disposition row says otherwise cannot happen: the row is written with the attempt
        return new QueueEntry(c, facts, history, disposition, Standing.DONE, null, replaceable);
    }
}
