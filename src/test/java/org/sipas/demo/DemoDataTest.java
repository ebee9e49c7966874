package org.sipas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.catalog.CatalogImports;
import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.ImportResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

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

    @Test
    void theDemoPassesTheSameImportsAUserWouldUse() throws Exception {
        CurrentUser admin = new CurrentUser("demo-test", Set.of(Role.ADMIN), units.root().id());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                admin, null, java.util.List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            DemoData data = new DemoData(7);
            catalog.importUnits("units.csv", new ClassPathResource("demo/units.csv").getInputStream());
            catalog.importProcedures("procedures.csv", new ClassPathResource("demo/procedures.csv").getInputStream());
            catalog.importOfficials("officials.csv", text(data.officialsCsv()));
            ImportResult result = dossiers.importFile("dossiers.csv", text(data.dossiersCsv(2_000, LocalDate.of(2026, 6, 30))), admin);
            assertThat(result.rows()).isEqualTo(2_000);
        } catch (ImportRejectedException e) {
            throw new AssertionError(errors.show(e, Locale.ENGLISH).stream().limit(10).toList().toString(), e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static ByteArrayInputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
