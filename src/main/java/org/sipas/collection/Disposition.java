package org.sipas.collection;

/**
 * What became of a sampled case, in the AAPOR Standard Definitions' terms (codes of its telephone
 * and web tables). The frame proves that every sampled person used the service, so eligibility is
 * known: a number that rings out or is busy is a non-contact of an eligible person, not the
 * "unknown eligibility" of a random-digit-dial survey. A wrong or dead number leaves the person
 * unlocated, which AAPOR counts as unknown eligibility (UO); both stay in RR1's denominator.
 */
public enum Disposition {
    COMPLETE("1.1", Category.I, true),
    PARTIAL("1.2", Category.P, true),
    REFUSED("2.11", Category.R, true),
    BREAK_OFF("2.12", Category.R, true),
    /** A callback was agreed: contact made, no interview yet. */
    CALLBACK("2.21", Category.O, false),
    NO_ANSWER("2.22", Category.NC, false),
    BUSY("2.23", Category.NC, false),
    /** Respondent unable (illness, language) or otherwise not interviewed after contact. */
    OTHER_NON_INTERVIEW("2.30", Category.O, true),
    WRONG_NUMBER("3.20", Category.UO, true),
    /** The dossier's applicant did not in fact use the service (a mistaken record). */
    NOT_ELIGIBLE("4.10", Category.NE, true);

    /** The AAPOR groups the response rates are made of. */
    public enum Category {
        /** complete interview */ I,
        /** partial interview */ P,
        /** refusal and break-off */ R,
        /** non-contact */ NC,
        /** other eligible non-interview */ O,
        /** unknown eligibility, other */ UO,
        /** not eligible: out of every rate's base */ NE
    }

    private final String aapor;
    private final Category category;
    private final boolean finalOutcome;

    Disposition(String aapor, Category category, boolean finalOutcome) {
        this.aapor = aapor;
        this.category = category;
        this.finalOutcome = finalOutcome;
    }

    public String aaporCode() {
        return aapor;
    }

    public Category category() {
        return category;
    }

    /** Whether the case is settled; otherwise it is tried again (no answer, busy, callback). */
    public boolean isFinal() {
        return finalOutcome;
    }
}
