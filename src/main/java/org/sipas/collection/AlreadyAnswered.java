package org.sipas.collection;

/**
 * A response refused because its respondent has already answered (one respondent, one answer):
 * the link was used or has expired, the sampled case was answered by another channel, the phone
 * already answered the campaign's open survey, or the paper number was already keyed.
 */
public class AlreadyAnswered extends RuntimeException {

    public enum Reason {
        TOKEN_USED, TOKEN_EXPIRED, CASE_ANSWERED, PERSON_ANSWERED, PAPER_NUMBER_TAKEN
    }

    private final Reason reason;

    public AlreadyAnswered(Reason reason) {
        super("already answered: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
