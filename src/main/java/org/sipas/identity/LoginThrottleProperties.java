package org.sipas.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When failed log-ins block further attempts ({@code sipas.login.throttle}): after
 * {@code accountFailures} failures on one user name, or {@code addressFailures} from one client
 * address, each less than {@code window} after the one before, attempts are refused for
 * {@code firstDelay}, doubled with every further failure up to {@code longestDelay}.
 */
@ConfigurationProperties("sipas.login.throttle")
record LoginThrottleProperties(Integer accountFailures, Integer addressFailures, Duration window, Duration firstDelay,
                               Duration longestDelay) {

    LoginThrottleProperties {
        // an address is allowed more than an account: a commune office or a mobile carrier puts
        // many staff behind one address, and one of them mistyping must not lock out the others
        accountFailures = accountFailures == null ? 5 : accountFailures;
        addressFailures = addressFailures == null ? 20 : addressFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        firstDelay = firstDelay == null ? Duration.ofMinutes(1) : firstDelay;
        longestDelay = longestDelay == null ? Duration.ofHours(1) : longestDelay;
        if (accountFailures < 1 || addressFailures < 1 || window.isNegative() || firstDelay.isNegative()
                || longestDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("sipas.login.throttle: failures must be at least 1 and "
                    + "longest-delay at least first-delay");
        }
    }
}
