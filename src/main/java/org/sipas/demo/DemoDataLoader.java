package org.sipas.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogImports;
import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.index.Tallies;
import org.sipas.indexdb.IndexValues;
import org.sipas.web.Formats;
import org.sipas.web.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo on a first start, through the same imports a user would use: the 34 provinces,
 * ten communes, departments and vertical agencies of Đồng Nai, their procedures and officials,
 * a year of dossiers, the national SIPAS series 2017-2024 as published (in the index database), and a
 * SIPAS campaign in the field with its first responses, accepted by quality
 * control and their results approved and published as version 1 ({@link DemoResults}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoProperties properties;
    private final CatalogCodes catalog;
    private final CatalogImports catalogImports;
    private final DossierImport dossiers;
    private final UnitDirectory units;
    private final CurrentUsers currentUsers;
    private final DemoFieldwork fieldwork;
    private final Tallies tallies;
    private final DemoResults results;
    private final IndexValues indexValues;

    DemoDataLoader(DemoProperties properties, CatalogCodes catalog, CatalogImports catalogImports, DossierImport dossiers,
                   UnitDirectory units, CurrentUsers currentUsers, DemoFieldwork fieldwork, Tallies tallies,
                   DemoResults results, IndexValues indexValues) {
        this.indexValues = indexValues;
        this.results = results;
        this.tallies = tallies;
        this.fieldwork = fieldwork;
        this.properties = properties;
        this.catalog = catalog;
        this.catalogImports = catalogImports;
        this.dossiers = dossiers;
        this.units = units;
        this.currentUsers = currentUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || catalog.unitsByCode().size() > 1) {
            return;
        }
        long started = System.nanoTime();
        CurrentUser demo = new CurrentUser("demo", Set.of(Role.ADMIN), units.root().id());
        currentUsers.runAs(demo, () -> {
            DemoData data = new DemoData(properties.seed());
            ImportResult unitResult = catalogImports.importUnits("demo/units.csv", resource("demo/units.csv"));
            catalogImports.importProcedures("demo/procedures.csv", resource("demo/procedures.csv"));
            ImportResult officialResult = catalogImports.importOfficials("demo/officials.csv", text(data.officialsCsv()));
            LocalDate today = LocalDate.now(Formats.ZONE);
            ImportResult dossierResult = dossiers.importFile("demo/dossiers.csv",
                    text(data.dossiersCsv(properties.dossiers(), today)));
            DemoFieldwork.Played played = fieldwork.play(today, properties.seed());
            // the live dashboard shows its figures with CIs from the first page on
            tallies.fold();
            results.publish(played.campaignId());
            // the national SIPAS series as the ministry published it (shared/methodology/README.md; 2018 is not there)
            indexValues.importPublished("indexdb/demo/sipas-quoc-gia.csv", resource("indexdb/demo/sipas-quoc-gia.csv"), "sipas");
            log.info("sipas: demo data loaded in {} ms: {} units, {} officials, {} dossiers, a campaign in the field with {} "
                            + "responses, its live dashboard and its results approved as version 1 (SIPAS_DEMO=false turns it off)", (System.nanoTime() - started) / 1_000_000,
                    unitResult.inserted(), officialResult.inserted(), dossierResult.inserted(), played.responses());
            return dossierResult;
        });
    }

    private static InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
