package org.sipas.index;

import java.util.Locale;

/**
 * What a campaign's responses are estimated by. The geographic domains are unions of whole strata
 * (a stratum is a unit, or a unit and a procedure); the others cut across strata and are estimated
 * as subpopulations, as R's {@code svyby} does: each stratum keeps its whole n_h and a response
 * outside the domain contributes zero.
 */
public enum Domain {
    /** The whole campaign, or the subtree asked for: one figure. */
    NATION(null),
    /** By province (the depth-1 ancestor of each stratum's unit, after the 2025 successors). */
    PROVINCE(null),
    /** By stratum unit (a merged unit rolls up into its successor). */
    UNIT(null),
    /** By child of the subtree's root: the drill-down of a dashboard. */
    CHILDREN(null),
    PROCEDURE("procedure"),
    CHANNEL("channel"),
    /** The answer to the methodology's respondent-type question. */
    RESPONDENT("respondent"),
    /** Each official the response names: the dossier's receiving and processing officials, the official questions. */
    OFFICIAL("official"),
    /** The month the response was given (Vietnamese time): the trend within a campaign. */
    MONTH("month");

    /** The tally's domain_kind of the whole stratum. */
    static final String WHOLE_STRATUM = "all";

    private final String tallyKind;

    Domain(String tallyKind) {
        this.tallyKind = tallyKind;
    }

    /** Whether the domain cuts across strata (a subpopulation) rather than being a union of strata. */
    public boolean crossesStrata() {
        return tallyKind != null;
    }

    /** The tally rows a domain reads: its own kind, or the whole strata. */
    String tallyKind() {
        return tallyKind == null ? WHOLE_STRATUM : tallyKind;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Domain ofCode(String code) {
        for (Domain domain : values()) {
            if (domain.code().equals(code)) {
                return domain;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + code + "'");
    }
}
