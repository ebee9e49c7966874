package org.sipas.catalog;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.SignedIn;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the catalog's tests share: the application on the suite's one PostgreSQL, the files under
 * {@code src/test/resources/catalog/}, and callers with roles and scopes. The database is shared
 * by every test class of a run, so each test's codes carry a prefix of their own ({@link #p}; an
 * {@code @} in a fixture becomes it) and tests assert on the rows they made, never on totals.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class CatalogTestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UnitImport units;

    /** This test's code prefix, e.g. t3k9a7: JUnit makes a new instance, so a new prefix, for every test. */
    final String p = "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();

    /** Imports units-tree.csv: province @P with communes @C1, @C2, department @S, tax office @T; province @Q with @Q1. */
    void importTheTestProvinces() {
        units.importFile("units.csv", file("units-tree.csv"), admin());
    }

    /** A fixture's text with {@code @} replaced by this test's prefix. */
    String text(String fixture) {
        try (InputStream in = getClass().getResourceAsStream("/catalog/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@", p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream file(String fixture) {
        return stream(text(fixture));
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    String path(String code) {
        return jdbc.sql("SELECT path FROM unit WHERE code = :c").param("c", code).query(String.class).optional().orElse(null);
    }

    /** A caller of {@code role} confined to the subtree of unit {@code scopeCode}. */
    CurrentUser caller(String scopeCode, Role role) {
        long scope = jdbc.sql("SELECT id FROM unit WHERE code = :code").param("code", scopeCode).query(Long.class).single();
        return new CurrentUser("test-" + role.name().toLowerCase() + "-" + scopeCode, Set.of(role), scope);
    }

    /** The nation-wide administrator. */
    CurrentUser admin() {
        return caller("VN", Role.ADMIN);
    }

    /** Signs a MockMvc request in as {@code caller}, as the login form or an API key would. */
    static RequestPostProcessor as(CurrentUser caller) {
        return SignedIn.as(caller);
    }
}
