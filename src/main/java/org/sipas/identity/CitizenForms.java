package org.sipas.identity;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.stereotype.Component;

/**
 * What the citizens' security chain gives a GET of their pages, for a feature that answers such a
 * GET before the chain (the questionnaire's first step, collection.FirstSteps): the same CSRF
 * token, kept in the same cookie and masked the same way as the chain's own (which takes its
 * store and masking from here), so that the form of a page answered either way posts the same.
 * The chain's other filters do nothing for an anonymous GET of a public page but add the security
 * headers, which such a feature copies from a page the whole chain answered.
 */
@Component
public class CitizenForms {

    /** A new token's length: 16 bytes in base64url without padding; its mask is as long. */
    private static final int NEW_TOKEN_CHARS = 22;

    private final CitizenCsrfTokens tokens;
    private final CsrfTokenRequestHandler masking = CitizenCsrfTokens.masking();

    CitizenForms(@Value("${sipas.web.secure-cookies:false}") boolean secureCookies) {
        this.tokens = new CitizenCsrfTokens(secureCookies);
    }

    /** The citizens' chain's token store: the cookie, drawn per thread ({@link CitizenCsrfTokens}). */
    CsrfTokenRepository tokens() {
        return tokens;
    }

    /** The chain's masking of the token in each form (a fresh mask for every page, against BREACH). */
    CsrfTokenRequestHandler masking() {
        return masking;
    }

    /**
     * The masked token for the form of this page, as the chain's CSRF filter would make it: the
     * visitor's cookie's token, or for a first visit a new one, set as the cookie. The same token,
     * cookie and masking as the chain's, without what the chain needs besides (the deferred token,
     * its request attributes, a cookie object formatted per request): one draw of the thread's
     * generator for the new token and the mask, one header. The chain checks it on the POST.
     */
    public String formToken(HttpServletRequest request, HttpServletResponse response) {
        String token = cookieToken(request);
        if (token != null) {
            byte[] plain = token.getBytes(StandardCharsets.UTF_8);
            return CitizenCsrfTokens.masked(plain, CitizenCsrfTokens.random(plain.length), 0);
        }
        byte[] random = CitizenCsrfTokens.random(CitizenCsrfTokens.TOKEN_BYTES + NEW_TOKEN_CHARS);
        String fresh = CitizenCsrfTokens.tokenOf(random, 0);
        response.addHeader(HttpHeaders.SET_COOKIE, tokens.cookieHeader(fresh, request));
        return CitizenCsrfTokens.masked(fresh.getBytes(StandardCharsets.US_ASCII), random, CitizenCsrfTokens.TOKEN_BYTES);
    }

    /** The token of the visitor's cookie, read as the stock cookie repository reads it (the first such cookie, not empty). */
    private static String cookieToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (CitizenCsrfTokens.COOKIE.equals(cookie.getName())) {
                    return cookie.getValue() == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
                }
            }
        }
        return null;
    }
}
