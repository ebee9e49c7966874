package org.sipas.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.sipas.identity.AuditLog;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodologies;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The code frame of a methodology version's open answers as an administrator edits it: codes
 * added, relabelled, reordered or removed. A version without a frame of its own codes with its
 * methodology's (version 0); its first edit makes a copy its own, so another version is never
 * changed behind its coders' backs. A code coders have given cannot be removed (their codings
 * would name nothing); its label may change. All or nothing, each problem named by row and field;
 * audited with before and after.
 */
@Service
class CodeFrames {

    /** The name the errors give the edited frame, as an import names its file. */
    static final String FORM = "code-frame";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    /** A code of the frame with how many answers were given it. */
    record Row(String code, String labelVi, String labelEn, long uses) {
    }

    /** A version's frame: its own, or its methodology's when {@code own} is false. */
    record Frame(String methodologyCode, int version, boolean own, List<Row> rows) {
    }

    /** A row as the form sent it; {@code remove} asks to drop the code. */
    record Edit(String code, String labelVi, String labelEn, boolean remove) {
    }

    private final CodingRepository repository;
    private final Methodologies methodologies;
    private final AuditLog audit;

    CodeFrames(CodingRepository repository, Methodologies methodologies, AuditLog audit) {
        this.repository = repository;
        this.methodologies = methodologies;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Frame frame(String methodologyCode, int version) {
        if (methodologies.find(methodologyCode, version).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Long> uses = repository.uses(methodologyCode, version);
        List<Row> rows = repository.frame(methodologyCode, version).stream()
                .map(c -> new Row(c.code(), c.label().vi(), c.label().en(), uses.getOrDefault(c.code(), 0L))).toList();
        return new Frame(methodologyCode, version, repository.ownFrame(methodologyCode, version), rows);
    }

    /** Replaces the version's frame by the edited rows, in their order, or throws with every problem and changes nothing. */
    @Transactional
    Frame replace(String methodologyCode, int version, List<Edit> edits) {
        Frame before = frame(methodologyCode, version);
        Map<String, Long> uses = repository.uses(methodologyCode, version);
        List<RowError> errors = new ArrayList<>();
        List<CodingRepository.Code> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < edits.size(); i++) {
            Edit edit = edits.get(i);
            int row = i + 1;
            String code = edit.code() == null ? "" : edit.code().strip();
            String vi = edit.labelVi() == null ? "" : edit.labelVi().strip();
            String en = edit.labelEn() == null ? "" : edit.labelEn().strip();
            if (code.isEmpty() && vi.isEmpty() && en.isEmpty()) {
                continue;
            }
            if (edit.remove()) {
                if (uses.getOrDefault(code, 0L) > 0) {
                    errors.add(RowError.of(FORM, row, "code", "quality.frame.inUse", code, uses.get(code)));
                }
                continue;
            }
            if (!CODE.matcher(code).matches()) {
                errors.add(RowError.of(FORM, row, "code", "quality.frame.badCode", code));
            } else if (!seen.add(code)) {
                errors.add(RowError.of(FORM, row, "code", "quality.frame.duplicate", code));
            }
            if (vi.isEmpty()) {
                errors.add(RowError.of(FORM, row, "labelVi", "quality.frame.noLabel"));
            } else {
                kept.add(new CodingRepository.Code(code, new Label(vi, en.isEmpty() ? vi : en)));
            }
        }
        for (Row was : before.rows()) {
            boolean listed = edits.stream().anyMatch(e -> was.code().equals(e.code() == null ? null : e.code().strip()));
            if (!listed && was.uses() > 0) {
                errors.add(RowError.of(FORM, 0, "code", "quality.frame.inUse", was.code(), was.uses()));
            }
        }
        if (kept.isEmpty() && errors.isEmpty()) {
            errors.add(RowError.of(FORM, 0, "code", "quality.frame.empty"));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(FORM, errors);
        }
        repository.replaceFrame(methodologyCode, version, kept);
        Frame after = frame(methodologyCode, version);
        audit.record("code_frame.replace", "methodology", methodologyCode + "/" + version, before.rows(), after.rows(),
                before.own() ? null : "first own frame of the version, copied from the methodology's");
        return after;
    }
}
