package org.sipas.identity;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of the form login and of HTTP Basic on the API, behind {@link LoginThrottle}:
 * a blocked account or address is refused before its password is even compared, every refused
 * password is counted, and a right one clears the account's count.
 */
final class ThrottledLogin implements AuthenticationProvider {

    /** Refused because of earlier failures, whatever the password: the page and the API say how long to wait. */
    static final class Throttled extends AuthenticationException {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("Too many failed log-ins; retry after " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, at least one (the value of a Retry-After header). */
        long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
        }
    }

    /** The request's address and the way in, kept with the attempt for the throttle and the audit log. */
    static final class Details extends WebAuthenticationDetails {

        private final String channel;

        Details(HttpServletRequest request, String channel) {
            super(request);
            this.channel = channel;
        }

        String channel() {
            return channel;
        }
    }

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogin(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        String channel = authentication.getDetails() instanceof Details d ? d.channel() : "other";
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(authentication.getName(), address, channel);
        Optional<Duration> wait = throttle.blocked(attempt);
        if (wait.isPresent()) {
            throw new Throttled(wait.get());
        }
        Authentication done;
        try {
            done = passwords.authenticate(authentication);
        } catch (AuthenticationException refused) {
            throttle.failed(attempt);
            throw refused;
        }
        throttle.succeeded(attempt);
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
