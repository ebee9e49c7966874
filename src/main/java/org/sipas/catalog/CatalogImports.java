package org.sipas.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sipas.web.ImportResult;
import org.sipas.web.ImportTemplate;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.sipas.web.TextEncoding;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalog's imports by the name URLs use, run for the caller of the current request (or of
 * the current security context, for work such as loading the demo).
 */
@Component
public class CatalogImports {

    private final Map<String, CatalogImport> byKind;
    private final CallerScope scope;

    CatalogImports(List<CatalogImport> imports, CallerScope scope) {
        this.byKind = imports.stream().collect(Collectors.toMap(CatalogImport::kind, Function.identity()));
        this.scope = scope;
    }

    public ImportResult importUnits(String file, InputStream input) {
        return run("units", file, input);
    }

    public ImportResult importProcedures(String file, InputStream input) {
        return run("procedures", file, input);
    }

    public ImportResult importOfficials(String file, InputStream input) {
        return run("officials", file, input);
    }

    /** The file to fill in for {@code kind}, its example in the caller's own unit; 404 for an unknown kind. */
    ImportTemplate template(String kind) {
        CatalogImport importer = byKind.get(kind);
        if (importer == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return importer.template(scope.unitCode());
    }

    ImportResult run(String kind, String file, InputStream input) {
        return run(kind, file, input, TextEncoding.UTF_8);
    }

    /** A file of a CSV read in the {@code encoding} a request names ({@link TextEncoding#named}), or an XLSX. */
    ImportResult run(String kind, String file, InputStream input, TextEncoding encoding) {
        CatalogImport importer = byKind.get(kind);
        if (importer == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return importer.importFile(file, input, encoding, scope.caller());
    }

    /** An uploaded file; none, or an empty one, is rejected like a file with errors. */
    ImportResult run(String kind, MultipartFile upload, String encoding) {
        String file = upload == null || upload.getOriginalFilename() == null ? kind : upload.getOriginalFilename();
        if (upload == null || upload.isEmpty()) {
            throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.missing")));
        }
        TextEncoding declared = TextEncoding.named(file, encoding);
        try (InputStream input = upload.getInputStream()) {
            return run(kind, file, input, declared);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
