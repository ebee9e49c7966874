package org.sipas.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The portal's pages rendered once per snapshot, language and map, then served from memory: a
 * published snapshot never changes, so neither does its page, and a province page costs a map
 * lookup instead of a template run. The ETag names the snapshot and version (and the language and
 * a digest of the bytes, so a new release of the templates is a new tag); a browser or proxy that
 * sends it back gets 304 with no body. Only a visitor's page is kept: a signed-in staff member's
 * differs by its navigation and is rendered for them alone.
 */
@Component
class RenderedPages {

    /** Pages kept; past it the cache starts over (a snapshot's pages are a few dozen, campaigns a few). */
    private static final int KEPT = 2_000;

    /** A page as served: its bytes and its tag. */
    record Page(byte[] body, String etag) {
    }

    private final TemplateEngine templates;
    private final JakartaServletWebApplication application;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    RenderedPages(TemplateEngine templates, ServletContext servletContext) {
        this.templates = templates;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
    }

    /**
     * The page of {@code key}, rendered from {@code view} and the model the first time.
     *
     * @param tag what the page is of, for its ETag: the snapshot's id and version, e.g. {@code 12.2}
     */
    ResponseEntity<byte[]> serve(String key, String tag, String view, Supplier<Map<String, Object>> model, Locale locale,
                                 CacheControl cache, HttpServletRequest request, HttpServletResponse response) {
        Principal staff = request.getUserPrincipal();
        if (staff != null) {
            return signedIn(staff, view, model, locale, request, response);
        }
        String fullKey = key + "|" + locale.getLanguage();
        Page page = pages.get(fullKey);
        if (page == null) {
            WebContext context = new WebContext(application.buildExchange(request, response), locale, model.get());
            byte[] body = templates.process(view, context).getBytes(StandardCharsets.UTF_8);
            page = new Page(body, "\"" + tag + "-" + locale.getLanguage() + "-" + digest(body) + "\"");
            if (pages.size() >= KEPT) {
                pages.clear();
            }
            pages.put(fullKey, page);
        }
        String sent = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(matches(sent, page.etag()) ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(page.etag()).cacheControl(cache)
                // the language comes from the sipas-lang cookie (or ?lang=), so the same address has two pages
                .varyBy(HttpHeaders.COOKIE);
        if (matches(sent, page.etag())) {
            return answer.build();
        }
        return answer.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .contentLength(page.body().length).body(page.body());
    }

    /**
     * The page for a signed-in staff member: rendered afresh with their navigation back to work, and
     * kept by nobody (no tag, no store), so that neither their name nor their links reach a visitor.
     */
    private ResponseEntity<byte[]> signedIn(Principal staff, String view, Supplier<Map<String, Object>> model, Locale locale,
                                            HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> variables = new HashMap<>(model.get());
        variables.put("staff", staff.getName());
        WebContext context = new WebContext(application.buildExchange(request, response), locale, variables);
        byte[] body = templates.process(view, context).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).varyBy(HttpHeaders.COOKIE)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).contentLength(body.length).body(body);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
