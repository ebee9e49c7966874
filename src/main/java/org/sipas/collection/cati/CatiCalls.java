package org.sipas.collection.cati;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.collection.CampaignNotInField;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.Disposition;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Contact;
import org.sipas.frame.SamplingFrame.DossierFacts;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The calls of an interviewer's cases: opening a case (its contact, audited), recording each call's
 * outcome as an attempt and as the case's AAPOR disposition, storing a completed interview, and
 * handing a refused or unreachable case to the reserve list.
 */
@Service
class CatiCalls {

    /** A case opened for a call: what the script and the outcome form need. */
    record Opened(FieldCase fieldCase, DossierFacts facts, Contact contact, String interviewerName, CallHistory history,
                  Disposition disposition) {

        public boolean isFinished() {
            return disposition != null && disposition.isFinal()
                    || history.noContacts() >= CallingRules.MOST_NO_CONTACTS && CallingRules.isNoContact(disposition);
        }

        public boolean isReplaceable() {
            return disposition != null && CallingRules.mayBeReplaced(disposition, history.noContacts());
        }
    }

    /**
     * One call as the outcome form posts it.
     *
     * @param formKey  the key rendered into the form: the same form posted twice records one call
     * @param openedAt when the case was opened for this call
     */
    record Call(String formKey, Instant openedAt, Disposition outcome, Instant callbackAt, String note) {
    }

    /** A recorded call: its attempt, and whether this post recorded it (false: a repeat of an earlier post). */
    record Recorded(long attemptId, boolean created, Long responseId) {
    }

    private final FieldCases fieldCases;
    private final SamplingFrame frame;
    private final CallAttempts attempts;
    private final CaseDispositions dispositions;
    private final ResponseStore responses;
    private final CurrentUsers users;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final UnitScope scope;

    CatiCalls(FieldCases fieldCases, SamplingFrame frame, CallAttempts attempts, CaseDispositions dispositions,
              ResponseStore responses, CurrentUsers users, StaffAccounts accounts, AuditLog audit, UnitScope scope) {
        this.fieldCases = fieldCases;
        this.frame = frame;
        this.attempts = attempts;
        this.dispositions = dispositions;
        this.responses = responses;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.scope = scope;
    }

    /**
     * A phone case of a campaign in the field held by the caller: 404 when there is none, 403 when
     * it is someone else's, {@link CampaignNotInField} once its campaign has left the field (the
     * interviewer is told so; the store refuses it too, should the close come after this check).
     */
    FieldCase held(long caseId) {
        FieldCase fieldCase = fieldCases.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser caller = users.current();
        if (!caller.has(Role.INTERVIEWER) || !caller.name().equals(fieldCase.assignedTo())) {
            throw new AccessDeniedException("case " + caseId + " is not held by " + caller.name());
        }
        // a partner organisation's member holds a case only while the organisation serves its campaign and unit
        if (caller.isPartner() && fieldCase.isInField()
                && fieldCases.assignedTo(caller.name()).stream().noneMatch(c -> c.id() == fieldCase.id())) {
            throw new AccessDeniedException("case " + caseId + " is no longer handed to partner " + caller.partnerId());
        }
        if (!CallQueue.PHONE.equals(fieldCase.channel())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!fieldCase.isInField()) {
            throw new CampaignNotInField(fieldCase.campaignId());
        }
        return fieldCase;
    }

    /** Opens a case for a call: the applicant's name and phone are read, and the reading is in the audit log. */
    @Transactional
    public Opened open(long caseId) {
        FieldCase fieldCase = held(caseId);
        Contact contact = frame.contacts(List.of(fieldCase.dossierId())).get(0);
        DossierFacts facts = frame.facts(List.of(fieldCase.dossierId())).get(0);
        audit.record("cati.contact.view", "sample_member", Long.toString(caseId), null, null,
                "dossier " + fieldCase.dossierId() + ", campaign " + fieldCase.campaignId());
        String me = users.current().name();
        String name = accounts.enabledWith(Role.INTERVIEWER).stream().filter(m -> m.username().equals(me))
                .map(StaffAccounts.StaffMember::displayName).findFirst().orElse(me);
        return new Opened(fieldCase, facts, contact, name, new CallHistory(attempts.ofCase(caseId)),
                dispositions.of(caseId).orElse(null));
    }

    /** The calls of a held case so far, and its disposition, without opening the contact (a re-rendered form). */
    CallHistory history(long caseId) {
        return new CallHistory(attempts.ofCase(caseId));
    }

    /** Records a call that brought no interview (no answer, busy, refused, wrong number, callback, ineligible, unable). */
    @Transactional
    public Recorded record(long caseId, Call call) {
        if (call.outcome() == Disposition.COMPLETE || call.outcome() == Disposition.PARTIAL) {
            throw new IllegalArgumentException("an interview is recorded with its answers");
        }
        FieldCase fieldCase = held(caseId);
        Optional<Recorded> earlier = repeated(call);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireOpen(fieldCase);
        return append(fieldCase, call, null, null);
    }

    /**
     * Stores a completed interview's answers (checked already by {@link org.sipas.collection.AnswerChecks})
     * through the one response store, and records the call as complete, in one transaction: both or neither.
     *
     * @throws org.sipas.collection.AlreadyAnswered      when the case was answered meanwhile (e.g. by its web link)
     * @throws org.sipas.collection.CampaignNotInField   when the campaign has left the field meanwhile
     * @throws org.sipas.collection.IdempotencyKeyReused when the form's key is that of another case's interview
     */
    @Transactional
    public Recorded complete(long caseId, Call call, Map<String, String> stored) {
        FieldCase fieldCase = held(caseId);
        Optional<Recorded> earlier = repeated(call);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireOpen(fieldCase);
        String me = users.current().name();
        ResponseStore.Stored response = responses.store(Submission.of(ResponseChannel.CATI, fieldCase.methodologyCode(),
                        fieldCase.methodologyVersion(), fieldCase.unitId(), stored, call.openedAt())
                .forCase(fieldCase.campaignId(), fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId())
                .collectedBy(me).withIdempotencyKey(call.formKey()));
        return append(fieldCase, call, response.responseId(), null);
    }

    /**
     * Records an interview that broke off after some answers (AAPOR 1.2). Its answers stay with the
     * attempt, not in the responses: the response store would count the case complete.
     */
    @Transactional
    public Recorded partial(long caseId, Call call, Map<String, String> answered) {
        FieldCase fieldCase = held(caseId);
        Optional<Recorded> earlier = repeated(call);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        requireOpen(fieldCase);
        return append(fieldCase, call, null, answered);
    }

    /**
     * Hands a case to the reserve list by the campaign's replacement rule: only after a refusal, a
     * wrong number, or every attempt without contact. The interviewer who holds the case, or a
     * campaign manager, may ask; the reserve takes the case's interviewer.
     */
    @Transactional
    public FieldCase replace(long caseId, String note) {
        FieldCase fieldCase = fieldCases.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser caller = users.current();
        boolean manager = caller.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN);
        if (!manager && !caller.name().equals(fieldCase.assignedTo())) {
            throw new AccessDeniedException("case " + caseId + " is not held by " + caller.name());
        }
        // before reading the case's calls: a manager of another province learns nothing of them
        if (manager) {
            scope.require(fieldCase.unitId());
        }
        Disposition disposition = dispositions.of(caseId).orElse(null);
        CallHistory history = history(caseId);
        if (disposition == null || !CallingRules.mayBeReplaced(disposition, history.noContacts())) {
            throw new CallRefused("cati.replace.notAllowed");
        }
        String reason = reason(disposition, history) + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return fieldCases.replace(caseId, reason);
    }

    private static String reason(Disposition disposition, CallHistory history) {
        return switch (disposition) {
            case REFUSED, BREAK_OFF -> "Từ chối trả lời (AAPOR " + disposition.aaporCode() + ")";
            case WRONG_NUMBER -> "Sai số điện thoại (AAPOR 3.20)";
            default -> "Không liên lạc được sau " + history.noContacts() + " lần gọi (AAPOR " + disposition.aaporCode() + ")";
        };
    }

    private Optional<Recorded> repeated(Call call) {
        return attempts.byFormKey(call.formKey()).map(a -> new Recorded(a.id(), false, a.responseId()));
    }

    private void requireOpen(FieldCase fieldCase) {
        Disposition now = dispositions.of(fieldCase.id()).orElse(null);
        if (now != null && now.isFinal()) {
            throw new CallRefused("cati.error.finished");
        }
    }

    private Recorded append(FieldCase fieldCase, Call call, Long responseId, Map<String, String> partial) {
        String me = users.current().name();
        Optional<Long> id = attempts.append(new CallAttempts.NewAttempt(fieldCase.id(), fieldCase.campaignId(), me,
                call.openedAt(), call.outcome(), call.callbackAt(), blankToNull(call.note()), responseId, partial,
                call.formKey()));
        if (id.isEmpty()) {
            // the same form won a race with this post: that attempt is the one recorded
            return repeated(call).orElseThrow();
        }
        dispositions.record(fieldCase.id(), fieldCase.campaignId(), call.outcome(), true, me);
        return new Recorded(id.get(), true, responseId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
