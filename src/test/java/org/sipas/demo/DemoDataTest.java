package org.sipas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.catalog.CatalogImports;
import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.ImportResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

@SpringBootTest
class DemoDataTest {

    @Autowired
    CatalogImports catalog;
    @Autowired
    DossierImport dossiers;
    @Autowired
    UnitDirectory units;
    @Autowired
    ImportErrors errors;
    @Autowired
    CurrentUsers currentUsers;

    @Test
    void theDemoPassesTheSameImportsAUserWouldUse() {
        CurrentUser admin = new CurrentUser("demo-test", Set.of(Role.ADMIN), units.root().id());
        DemoData data = new DemoData(7);
        try {
            ImportResult result = currentUsers.runAs(admin, () -> {
                catalog.importUnits("units.csv", resource("demo/units.csv"));
                catalog.importProcedures("procedures.csv", resource("demo/procedures.csv"));
                catalog.importOfficials("officials.csv", text(data.officialsCsv()));
                return dossiers.importFile("dossiers.csv", text(data.dossiersCsv(2_000, LocalDate.of(2026, 6, 30))));
            });
            assertThat(result.rows()).isEqualTo(2_000);
        } catch (ImportRejectedException e) {
            throw new AssertionError(errors.show(e, Locale.ENGLISH).stream().limit(10).toList().toString(), e);
        }
    }

    private static InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
