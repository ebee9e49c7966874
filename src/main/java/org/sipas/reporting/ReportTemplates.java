package org.sipas.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template in force for each report kind: the one an administrator uploaded (kept in the
 * database, so every node serves the same), else the one shipped in the build. An upload is
 * checked whole before it is stored (a misspelt placeholder is refused with its place, the
 * template in force stays); upload and reset are audited with the digests before and after.
 */
@Service
class ReportTemplates {

    /** What an administrator sees of a kind's template. */
    record Info(ReportKind kind, String code, String fileName, String digest, boolean shipped, String uploadedBy, Instant uploadedAt) {
    }

    private final ReportRepository repository;
    private final AuditLog audit;
    private final CurrentUsers users;
    private final Map<ReportKind, ReportTemplate> shipped = new ConcurrentHashMap<>();

    ReportTemplates(ReportRepository repository, AuditLog audit, CurrentUsers users) {
        this.repository = repository;
        this.audit = audit;
        this.users = users;
    }

    /** The template a report of this kind is filled from now. */
    @Transactional(readOnly = true)
    ReportTemplate current(ReportKind kind) {
        return repository.template(kind)
                .map(stored -> ReportTemplate.read(stored.fileName(), stored.content(), kind.vocabulary()))
                .orElseGet(() -> shipped(kind));
    }

    @Transactional(readOnly = true)
    Info info(ReportKind kind) {
        return repository.template(kind)
                .map(t -> new Info(kind, kind.code(), t.fileName(), t.digest(), false, t.uploadedBy(), t.uploadedAt()))
                .orElseGet(() -> new Info(kind, kind.code(), kind.fileName(), digest(shipped(kind).bytes()), true, null, null));
    }

    /**
     * Puts an uploaded DOCX in force for the kind.
     *
     * @throws org.sipas.web.ImportRejectedException naming every wrong placeholder; nothing is stored then
     */
    @Transactional
    Info upload(ReportKind kind, String fileName, byte[] docx) {
        String name = fileName == null || fileName.isBlank() ? kind.fileName() : fileName;
        ReportTemplate.read(name, docx, kind.vocabulary());
        Info before = info(kind);
        String digest = digest(docx);
        repository.saveTemplate(kind, name, docx, digest, users.actorName());
        audit.record("report.template.upload", "report_template", kind.code(), describe(before),
                Map.of("file", name, "digest", digest, "bytes", docx.length), null);
        return info(kind);
    }

    /** Puts the shipped template back in force. */
    @Transactional
    Info reset(ReportKind kind) {
        Info before = info(kind);
        if (repository.deleteTemplate(kind)) {
            Info after = info(kind);
            audit.record("report.template.reset", "report_template", kind.code(), describe(before), describe(after), null);
        }
        return info(kind);
    }

    private static Map<String, Object> describe(Info info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", info.fileName());
        out.put("digest", info.digest());
        out.put("shipped", info.shipped());
        return out;
    }

    private ReportTemplate shipped(ReportKind kind) {
        return shipped.computeIfAbsent(kind, k -> {
            try (InputStream in = new ClassPathResource(k.shipped()).getInputStream()) {
                return ReportTemplate.read(k.fileName(), in.readAllBytes(), k.vocabulary());
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped template " + k.shipped() + " is missing from the build", e);
            }
        });
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
