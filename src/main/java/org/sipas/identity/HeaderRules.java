package org.sipas.identity;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rules for header and parameter names and values,
 * tested character by character instead of by the regular expressions it ships with: a page's
 * request reads headers hundreds of times (each handler mapping's conditions ask again), and those
 * expressions took a sixth of the server's time per survey response (ResponseBenchmark, JFR).
 * The rules are the same: a name is made of assigned characters that are not control characters;
 * a value may also hold tabs.
 */
final class HeaderRules {

    private HeaderRules() {
    }

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderRules::isAssignedWithoutControls);
        firewall.setAllowedHeaderValues(HeaderRules::isAssignedWithoutControlsButTabs);
        firewall.setAllowedParameterNames(HeaderRules::isAssignedWithoutControls);
        return firewall;
    }

    /** The firewall's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean isAssignedWithoutControls(String text) {
        return allowed(text, false);
    }

    /** The firewall's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static boolean isAssignedWithoutControlsButTabs(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tabs) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isDefined(c) || (Character.isISOControl(c) && !(tabs && c == '\t'))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
