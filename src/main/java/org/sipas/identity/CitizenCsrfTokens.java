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
    private static final String HEADER = "X-XSRF-TOKEN";
    private static final String PARAMETER = "_csrf";

    private final CookieCsrfTokenRepository cookie;

    CitizenCsrfTokens(CookieCsrfTokenRepository cookie) {
        cookie.setHeaderName(HEADER);
        cookie.setParameterName(PARAMETER);
        this.cookie = cookie;
    }

    /** The same 128 bits a UUID would carry, base64url. */
    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return new DefaultCsrfToken(HEADER, PARAMETER, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        cookie.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return cookie.loadToken(request);
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
