package org.sipas.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;

/**
 * What the citizens' security chain gives a GET of their pages, for a feature that answers such a
 * GET before the chain (the questionnaire's first step, collection.FirstSteps): the same firewall
 * and the same CSRF token, kept in the same cookie and masked by the same handler as the chain's
 * own (which takes them from here), so that the form of a page answered either way posts the same.
 * The chain's other filters do nothing for an anonymous GET of a public page but add the security
 * headers, which such a feature copies from a page the whole chain answered.
 */
@Component
public class CitizenForms {

    private final CsrfTokenRepository tokens;
    private final CsrfTokenRequestHandler masking = CitizenCsrfTokens.masking();
    private final StrictHttpFirewall firewall = HeaderRules.firewall();

    CitizenForms(@Value("${sipas.web.secure-cookies:false}") boolean secureCookies) {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieCustomizer(c -> c.sameSite("Lax").secure(secureCookies));
        this.tokens = new CitizenCsrfTokens(cookie);
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
     * The request as the firewall passes it on.
     *
     * @throws RequestRejectedException what the chain would refuse (let the chain refuse it)
     */
    public HttpServletRequest firewalled(HttpServletRequest request) {
        return firewall.getFirewalledRequest(request);
    }

    /**
     * The masked token for the form of this page, as the chain's CSRF filter makes it: the
     * visitor's cookie's token, or a new one set as the cookie for a first visit.
     */
    public String formToken(HttpServletRequest request, HttpServletResponse response) {
        masking.handle(request, response, tokens.loadDeferredToken(request, response)::get);
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }
}
