package org.sipas.methodology;

/** How grave the case an alert rule opens is: it sets the working days the unit head has to resolve it ({@code feedback_sla}). */
public enum AlertSeverity {
    HIGH, MEDIUM, LOW;

    /** The severity a file names, in any case; null when none. */
    public static AlertSeverity parse(String text) {
        String name = text.strip().toUpperCase(java.util.Locale.ROOT);
        for (AlertSeverity severity : values()) {
            if (severity.name().equals(name)) {
                return severity;
            }
        }
        return null;
    }
}
