package org.sipas.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Test files under {@code src/test/resources/catalog/} and the callers that import them. The
 * database is shared by every test class of a run, so each file's codes carry a prefix of their
 * own: an {@code @} in a fixture becomes a fresh prefix such as {@code t3k9a}, and tests assert
 * on the rows they made, never on totals.
 */
final class CatalogFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CatalogFixtures() {
    }

    /** A prefix no other test uses, made of characters allowed in unit codes. */
    static String freshPrefix() {
        return "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /** A fixture's text with {@code @} replaced by {@code prefix}. */
    static String text(String name, String prefix) {
        try (InputStream in = CatalogFixtures.class.getResourceAsStream("/catalog/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static long unitId(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :code").param("code", code).query(Long.class).single();
    }

    /** A caller of {@code role} confined to the subtree of unit {@code scopeCode}. */
    static CurrentUser caller(JdbcClient jdbc, String scopeCode, Role role) {
        return new CurrentUser("test-" + role.name().toLowerCase() + "-" + scopeCode, Set.of(role), unitId(jdbc, scopeCode));
    }

    /** The nation-wide administrator. */
    static CurrentUser admin(JdbcClient jdbc) {
        return caller(jdbc, "VN", Role.ADMIN);
    }

    /** Signs a MockMvc request in as {@code caller}, as the login or an API key would. */
    static RequestPostProcessor as(CurrentUser caller) {
        List<SimpleGrantedAuthority> authorities = caller.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return authentication(new UsernamePasswordAuthenticationToken(caller, null, authorities));
    }
}
