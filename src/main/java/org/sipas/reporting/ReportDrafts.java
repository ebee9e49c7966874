package org.sipas.reporting;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The author's draft of the report of a published version: saved per version, audited with before
 * and after; a version nobody has written for yet starts from the draft of the version before, or
 * from defaults taken from the campaign's scope. Who may read and write it is checked by the caller
 * ({@link Reports}).
 */
@Service
class ReportDrafts {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final List<String> PLACE_PREFIXES = List.of("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ");

    private final ReportRepository repository;
    private final AuditLog audit;
    private final CurrentUsers users;

    ReportDrafts(ReportRepository repository, AuditLog audit, CurrentUsers users) {
        this.repository = repository;
        this.audit = audit;
        this.users = users;
    }

    /** The draft of a snapshot's report: saved, carried from the version before, or the defaults. */
    @Transactional(readOnly = true)
    ReportDraft of(Snapshot snapshot) {
        return repository.draft(snapshot.campaignId(), snapshot.version())
                .or(() -> repository.draftBefore(snapshot.campaignId(), snapshot.version()).map(d -> d.savedBy(null, null)))
                .orElseGet(() -> defaults(snapshot));
    }

    /** Whether the author has saved a draft for this very version. */
    @Transactional(readOnly = true)
    boolean saved(Snapshot snapshot) {
        return repository.draft(snapshot.campaignId(), snapshot.version()).isPresent();
    }

    @Transactional
    ReportDraft save(Snapshot snapshot, ReportDraft draft) {
        if (draft.recommendations().length() > ReportDraft.MAX_RECOMMENDATIONS) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "recommendations: at most " + ReportDraft.MAX_RECOMMENDATIONS + " characters");
        }
        for (Map.Entry<String, String> field : Map.of("number", draft.number(), "issuerSuperior", draft.issuerSuperior(), "issuer",
                draft.issuer(), "place", draft.place(), "signerTitle", draft.signerTitle(), "signerName", draft.signerName(),
                "recipients", draft.recipients()).entrySet()) {
            if (field.getValue().length() > ReportDraft.MAX_FIELD) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                        field.getKey() + ": at most " + ReportDraft.MAX_FIELD + " characters");
            }
        }
        ReportDraft before = repository.draft(snapshot.campaignId(), snapshot.version()).orElse(null);
        repository.saveDraft(snapshot.campaignId(), snapshot.version(), draft, users.actorName());
        ReportDraft after = repository.draft(snapshot.campaignId(), snapshot.version()).orElseThrow();
        audit.record("report.draft.save", "report_draft", snapshot.campaignId() + "/" + snapshot.version(), before, after, null);
        return after;
    }

    /** The particulars a report starts with: the campaign's scope as issuing body and place. */
    static ReportDraft defaults(Snapshot snapshot) {
        String scope = snapshot.scopeUnitName() == null ? "" : snapshot.scopeUnitName();
        String place = scope;
        for (String prefix : PLACE_PREFIXES) {
            if (place.startsWith(prefix)) {
                place = place.substring(prefix.length());
                break;
            }
        }
        return new ReportDraft("…/BC-…", "", scope.toUpperCase(VI), place, null, "THỦ TRƯỞNG CƠ QUAN", "",
                "- Như trên;\n- Lưu: VT.", "", null, null);
    }
}
