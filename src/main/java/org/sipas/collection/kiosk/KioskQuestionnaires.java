package org.sipas.collection.kiosk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sipas.collection.AnswerChecks;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.springframework.stereotype.Component;

/**
 * Which methodology versions a kiosk can use. A kiosk asks one rating and, optionally, the
 * official; it never asks anything else. So a version fits only when a rating alone, at every
 * level of its scale, passes the same whole-questionnaire checks as every other channel
 * ({@link AnswerChecks}): a version with another required question (the SIPAS questionnaire)
 * does not fit, while the one-stop quick rating does (its reasons are asked only of the
 * dissatisfied, and are optional). Checking the real rules, rather than a list of allowed codes,
 * keeps an uploaded counter questionnaire usable when it keeps that shape.
 */
@Component
class KioskQuestionnaires {

    /** The shipped one-stop quick rating (Thông tư 01/2018/TT-VPCP), a new kiosk's default. */
    static final String DEFAULT_CODE = "mot-cua-2018";
    static final int DEFAULT_VERSION = 1;

    private final Methodologies methodologies;
    private final AnswerChecks checks;

    KioskQuestionnaires(Methodologies methodologies, AnswerChecks checks) {
        this.methodologies = methodologies;
        this.checks = checks;
    }

    /** The version's kiosk questionnaire, if a kiosk can collect valid answers to it. */
    Optional<KioskQuestionnaire> of(String code, int version) {
        return methodologies.find(code, version).flatMap(this::fitting);
    }

    /** Every installed version a kiosk can use, by code then version. */
    List<KioskQuestionnaire> all() {
        return methodologies.all().stream().map(this::fitting).flatMap(Optional::stream).toList();
    }

    private Optional<KioskQuestionnaire> fitting(Methodology methodology) {
        return KioskQuestionnaire.of(methodology).filter(kiosk -> kiosk.scale().levels().stream().allMatch(level ->
                checks.check(methodology.code(), methodology.version(), null,
                        Map.of(kiosk.rating().name(), Integer.toString(level.code())), Locale.ROOT).isValid()));
    }
}
