package org.sipas.index;

/**
 * The series a response belongs to (DESIGN §5: mode is part of the design). Only the sampled
 * series is a probability sample and is estimated with design weights and CIs; counter and portal
 * ratings are plain percentages, always labelled as not a random sample, never mixed in.
 */
public enum Series {
    /** Responses of the probability sample, whatever channel brought them. */
    SAMPLED,
    /** Ratings pressed at the kiosk of the one-stop counter. */
    COUNTER,
    /** Answers to the open portal survey. */
    PORTAL;

    /** The series of a response, or null for a response that is in none (an unsampled web link). */
    public static Series of(boolean sampled, String channel) {
        if (sampled) {
            return SAMPLED;
        }
        return switch (channel) {
            case "KIOSK" -> COUNTER;
            case "PORTAL" -> PORTAL;
            default -> null;
        };
    }

    /** Whether estimates of this series are design-based (weights, SE, CI). */
    public boolean isRandomSample() {
        return this == SAMPLED;
    }

    String code() {
        return name().toLowerCase();
    }

    static Series ofCode(String code) {
        for (Series series : values()) {
            if (series.code().equals(code)) {
                return series;
            }
        }
        throw new IllegalArgumentException("series must be one of sampled, counter, portal: " + code);
    }
}
