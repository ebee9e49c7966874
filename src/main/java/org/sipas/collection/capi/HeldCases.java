package org.sipas.collection.capi;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.collection.capi.Refusal.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every item a device syncs must satisfy before it is looked at: a well-formed key, a case
 * the interviewer still holds in a campaign in the field, and times the device's clock could
 * honestly have read.
 */
@Component
class HeldCases {

    /** A phone's clock may run a little fast; more than this is a wrong clock. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,200}");

    private final FieldCases fieldCases;

    HeldCases(FieldCases fieldCases) {
        this.fieldCases = fieldCases;
    }

    static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(new FieldError("key", "8–200 letters, digits, - or _")),
                    "capi.refused.key");
        }
        return key;
    }

    /** The case, if {@code interviewer} holds it, it is still in the sample and its campaign is in the field. */
    FieldCase held(Long caseId, String interviewer) {
        if (caseId == null) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(new FieldError("caseId", "required")), "capi.refused.case");
        }
        FieldCase fieldCase = fieldCases.find(caseId)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "capi.refused.noCase", Long.toString(caseId)));
        if (!interviewer.equals(fieldCase.assignedTo())) {
            throw new Refusal(HttpStatus.FORBIDDEN, "capi.refused.notYours", Long.toString(caseId));
        }
        if (!fieldCase.isInField()) {
            throw new Refusal(HttpStatus.GONE, "capi.refused.notInField", fieldCase.campaignName());
        }
        boolean active = fieldCases.assignedTo(interviewer).stream().anyMatch(c -> c.id() == fieldCase.id());
        if (!active) {
            throw new Refusal(HttpStatus.CONFLICT, "capi.refused.replaced", Long.toString(caseId));
        }
        return fieldCase;
    }

    /**
     * A time the device recorded for {@code fieldCase}: not after now (give or take the skew) and
     * not before its campaign went to the field.
     */
    Instant deviceTime(String field, String text, FieldCase fieldCase) {
        Instant at = instant(field, text);
        if (at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldError(field, text)), "capi.refused.future");
        }
        Instant fieldwork = fieldCases.fieldworkStartedAt(fieldCase.campaignId()).orElse(Instant.EPOCH);
        if (at.isBefore(fieldwork.minus(CLOCK_SKEW))) {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldError(field, text)),
                    "capi.refused.beforeFieldwork");
        }
        return at;
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(new FieldError(field, "required")), "capi.refused.time");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(new FieldError(field, text)), "capi.refused.time");
        }
    }
}
