package org.sipas.frame;

import java.io.InputStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.TabularReader;
import org.sipas.web.TabularRow;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports dossiers from a one-stop system, by file (CSV or XLSX) or by a JSON batch, all or
 * nothing: every dossier is checked while it is copied into a staging table; if any is wrong the
 * transaction rolls back and every error is reported; else the staged dossiers are merged into
 * the frame in the same transaction, a dossier already there (same unit, same receipt code)
 * being updated, never duplicated.
 */
@Service
public class DossierImport {

    private final CatalogCodes catalog;
    private final DossierStore store;
    private final ContactVault vault;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final CurrentUsers currentUsers;

    DossierImport(CatalogCodes catalog, DossierStore store, ContactVault vault, DataSource dataSource, AuditLog audit,
                  CurrentUsers currentUsers) {
        this.catalog = catalog;
        this.store = store;
        this.vault = vault;
        this.dataSource = dataSource;
        this.audit = audit;
        this.currentUsers = currentUsers;
    }

    /** Imports a file for the caller of the current request, within the caller's scope. */
    @Transactional
    public ImportResult importFile(String fileName, InputStream in) {
        return importFile(fileName, in, currentUsers.current());
    }

    /**
     * Imports a file on behalf of {@code importer}, within its scope (for a benchmark or a job).
     *
     * @throws ImportRejectedException with every error found; nothing is stored then
     */
    @Transactional
    public ImportResult importFile(String fileName, InputStream in, CurrentUser importer) {
        return run(DossierOrigin.FILE, fileName, importer, dossiers ->
                TabularReader.read(fileName, in, DossierField.COLUMNS, row -> dossiers.accept(new FileRow(row))));
    }

    /** Imports the dossiers of a JSON batch, located by their 1-based position in it. */
    @Transactional
    ImportResult importBatch(String source, Iterable<IncomingDossier> batch, CurrentUser importer) {
        return run(DossierOrigin.API, source, importer, batch::forEach);
    }

    private ImportResult run(DossierOrigin origin, String source, CurrentUser importer,
                             Consumer<Consumer<IncomingDossier>> reader) {
        DossierRules rules = DossierRules.within(importer.scopeUnitId(), catalog);
        DossierErrors errors = new DossierErrors(source, origin);
        store.createStaging();
        long[] rows = {0};
        try (DossierStaging staging = new DossierStaging(DataSourceUtils.getConnection(dataSource), vault)) {
            reader.accept(dossier -> {
                rows[0]++;
                ValidDossier valid = rules.check(dossier, errors);
                // valid dossiers are staged even after an error elsewhere, so that repeats among them are found too
                if (valid != null) {
                    staging.add(valid);
                }
            });
            staging.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot stream dossiers into PostgreSQL", e);
        }
        for (DossierStore.Repeat repeat : store.repeats(DossierErrors.SHOWN)) {
            errors.add(repeat.line(), DossierField.RECEIPT_CODE, "import.value.duplicate", repeat.firstLine());
        }
        if (!errors.isEmpty()) {
            throw errors.rejection();
        }
        long batch = store.openBatch(origin.kind(), source, importer.name());
        DossierStore.Merged merged = store.merge(batch);
        store.closeBatch(batch, rows[0], merged);
        ImportResult result = new ImportResult(rows[0], merged.inserted(), merged.updated(),
                rows[0] - merged.inserted() - merged.updated());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", result.rows());
        counts.put("inserted", result.inserted());
        counts.put("updated", result.updated());
        counts.put("unchanged", result.unchanged());
        audit.record("dossier.import", "import_batch", Long.toString(batch), null, counts, source);
        return result;
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
