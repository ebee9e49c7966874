package org.sipas.frame;

import java.io.InputStream;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.sipas.web.ImportResult;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitScope;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.TabularReader;
import org.sipas.web.TextEncoding;
import org.sipas.web.TabularRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports dossiers from a one-stop system, by file (CSV or XLSX) or by a JSON batch, all or
 * nothing: every dossier is checked as it is read and the good ones spooled; if any is wrong (or
 * repeats another) every error is reported and nothing is stored; else all are written in one
 * transaction, a dossier already there (same unit, same receipt code) being updated, never
 * duplicated. The new dossiers are written while the file is still being read ({@link DossierWriter}),
 * and taken back if it turns out wrong. One import, one batch record and one audit entry (counts
 * only, no personal data).
 */
@Service
public class DossierImport {

    private final CatalogCodes catalog;
    private final DossierStore store;
    private final ContactVault vault;
    private final AuditLog audit;
    private final CurrentUsers currentUsers;
    private final UnitScope scope;

    DossierImport(CatalogCodes catalog, DossierStore store, ContactVault vault, AuditLog audit,
                  CurrentUsers currentUsers, UnitScope scope) {
        this.catalog = catalog;
        this.store = store;
        this.vault = vault;
        this.audit = audit;
        this.currentUsers = currentUsers;
        this.scope = scope;
    }

    /** Imports a file for the caller of the current request, within the caller's scope. */
    @Transactional
    public ImportResult importFile(String fileName, InputStream in) {
        return importFile(fileName, in, TextEncoding.UTF_8, currentUsers.current());
    }

    /** Imports a file, a CSV read in {@code encoding}, for the caller of the current request. */
    @Transactional
    public ImportResult importFile(String fileName, InputStream in, TextEncoding encoding) {
        return importFile(fileName, in, encoding, currentUsers.current());
    }

    /**
     * Imports a file on behalf of {@code importer}, within its scope (for a benchmark or a job).
     *
     * @throws ImportRejectedException with every error found; nothing is stored then
     */
    @Transactional
    public ImportResult importFile(String fileName, InputStream in, CurrentUser importer) {
        return importFile(fileName, in, TextEncoding.UTF_8, importer);
    }

    @Transactional
    public ImportResult importFile(String fileName, InputStream in, TextEncoding encoding, CurrentUser importer) {
        return run(DossierOrigin.FILE, fileName, importer, dossiers -> TabularReader.read(fileName, in, encoding,
                DossierField.HEADER, row -> dossiers.accept(new FileRow(row))));
    }

    /** Imports the dossiers of a JSON batch, located by their 1-based position in it. */
    @Transactional
    ImportResult importBatch(String source, Iterable<IncomingDossier> batch, CurrentUser importer) {
        return run(DossierOrigin.API, source, importer, batch::forEach);
    }

    private ImportResult run(DossierOrigin origin, String source, CurrentUser importer,
                             Consumer<Consumer<IncomingDossier>> reader) {
        DossierRules rules = DossierRules.within(importer, catalog, scope);
        DossierErrors errors = new DossierErrors(source, origin);
        // before the writing starts: the dossiers written while the file is read name their batch
        long batch = store.openBatch(origin.kind(), source, importer.name());
        try (DossierSpool spool = new DossierSpool(vault); DossierWriter writer = store.writeWhileReading(spool, batch)) {
            long[] rows = {0};
            reader.accept(dossier -> {
                rows[0]++;
                ValidDossier valid = rules.check(dossier, errors);
                // valid dossiers are spooled even after an error elsewhere, so that repeats among them are found too
                if (valid == null) {
                    writer.abandon();
                } else {
                    spool.add(valid);
                }
            });
            spool.finish();
            DossierStore.Identified dossiers = writer.finish();
            if (dossiers == null) {
                dossiers = storeAfterReading(spool, errors, batch);
            }
            store.insertContacts(spool, dossiers);
            BitSet stored = dossiers.stored();
            long updated = stored.isEmpty() ? 0 : store.updateStored(spool, dossiers.ids(), stored, batch);
            long inserted = spool.rows() - stored.cardinality();
            store.closeBatch(batch, rows[0], inserted, updated);
            ImportResult result = ImportResult.of(rows[0], inserted, updated);
            audit(batch, result, source);
            return result;
        }
    }

    /**
     * Stores the new dossiers of the spool once it is complete, when they could not be written while
     * the file was read; first finds every error, repeats included, and then stores nothing.
     */
    private DossierStore.Identified storeAfterReading(DossierSpool spool, DossierErrors errors, long batch) {
        store.stageKeys(spool);
        for (DossierStore.Repeat repeat : store.repeats(DossierErrors.SHOWN)) {
            errors.add(repeat.line(), DossierField.RECEIPT_CODE, "import.value.duplicate", repeat.firstLine());
        }
        if (!errors.isEmpty()) {
            throw errors.rejection();
        }
        BitSet stored = new BitSet(spool.rows());
        long[] ids = store.ids(spool.rows(), stored);
        store.insertDossiers(spool, ids, stored, batch);
        return new DossierStore.Identified(ids, stored);
    }

    private void audit(long batch, ImportResult result, String source) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", result.rows());
        counts.put("inserted", result.inserted());
        counts.put("updated", result.updated());
        counts.put("unchanged", result.unchanged());
        audit.record("dossier.import", "import_batch", Long.toString(batch), null, counts, source);
    }

    /** A row of a dossier file. */
    private record FileRow(TabularRow row) implements IncomingDossier {
        @Override
        public long line() {
            return row.line();
        }

        @Override
        public String get(DossierField field) {
            return row.get(field.column());
        }
    }
}
