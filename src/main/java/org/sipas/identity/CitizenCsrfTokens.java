package org.sipas.identity;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The CSRF token of the citizens' pages, kept in a cookie as {@link CookieCsrfTokenRepository}
 * keeps it, but drawn from a random generator of each thread's own. A visitor without the cookie
 * (every first visit from a QR code) gets a new token, and the stock repository draws it with
 * {@code UUID.randomUUID()}, whose one generator is shared under a lock by every thread of the
 * JVM; so does the handler that masks the token in each form. Under a crowd of first visits the
 * page's threads queued there (PageBenchmark, bench/README.md). A DRBG per thread, seeded from the
 * system's entropy, is as unpredictable and never shared.
 *
 * <p>The cookie's settings (name, path, HttpOnly, SameSite=Lax, Secure with
 * {@code SIPAS_SECURE_COOKIES}) are stated here once, for the chain's repository and for
 * {@link #cookieHeader}, the same cookie written as one header by a first step answered before
 * the chain (CitizenForms).
 */
final class CitizenCsrfTokens implements CsrfTokenRepository {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG is missing", e);
        }
    });

    /** The stock names, set on the cookie repository too, so that both say the same. */
    static final String COOKIE = "XSRF-TOKEN";
    private static final String HEADER = "X-XSRF-TOKEN";
    private static final String PARAMETER = "_csrf";
    /** A new token's random bytes: the 128 bits a UUID would carry. */
    static final int TOKEN_BYTES = 16;

    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
    /** What follows a new token's value in its Set-Cookie header but the path, as Tomcat writes the chain's cookie. */
    private final String attributes;

    CitizenCsrfTokens(boolean secureCookies) {
        cookie.setCookieName(COOKIE);
        cookie.setHeaderName(HEADER);
        cookie.setParameterName(PARAMETER);
        cookie.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax").secure(secureCookies));
        this.attributes = (secureCookies ? "; Secure" : "") + "; HttpOnly; SameSite=Lax";
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new DefaultCsrfToken(HEADER, PARAMETER, tokenOf(random(TOKEN_BYTES), 0));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        cookie.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return cookie.loadToken(request);
    }

    /** A new token from {@link #TOKEN_BYTES} random bytes at {@code from}, base64url. */
    static String tokenOf(byte[] random, int from) {
        byte[] bytes = new byte[TOKEN_BYTES];
        System.arraycopy(random, from, bytes, 0, TOKEN_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The Set-Cookie header that keeps a new token, as the stock repository's cookie reads once
     * Tomcat writes it (a session cookie: no Max-Age; the path of the application, {@code /} at the root).
     */
    String cookieHeader(String token, HttpServletRequest request) {
        String context = request.getContextPath();
        return COOKIE + "=" + token + "; Path=" + (context.isEmpty() ? "/" : context) + attributes;
    }

    /**
     * The token as {@link XorCsrfTokenRequestAttributeHandler} masks it in a form: the mask's bytes
     * (as many as the token's UTF-8 bytes, taken from {@code random} at {@code from}), then the token's bytes
     * xor the mask, base64url with padding; the chain's handler unmasks it on a POST.
     */
    static String masked(byte[] plain, byte[] random, int from) {
        byte[] combined = new byte[2 * plain.length];
        System.arraycopy(random, from, combined, 0, plain.length);
        for (int i = 0; i < plain.length; i++) {
            combined[plain.length + i] = (byte) (plain[i] ^ random[from + i]);
        }
        return Base64.getUrlEncoder().encodeToString(combined);
    }

    /** So many bytes from the calling thread's own DRBG, in one draw. */
    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.get().nextBytes(bytes);
        return bytes;
    }

    /** The stock masking (a fresh mask for every form, against BREACH), with a thread's own generator. */
    static XorCsrfTokenRequestAttributeHandler masking() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setSecureRandom(new ThreadSecureRandom());
        return handler;
    }

    /** A SecureRandom whose bytes come from the calling thread's own DRBG. */
    private static final class ThreadSecureRandom extends SecureRandom {

        @Override
        public void nextBytes(byte[] bytes) {
            RANDOM.get().nextBytes(bytes);
        }
    }
}
