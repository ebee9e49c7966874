package org.sipas.quality;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;

/**
 * The fabrication and quality flags of one response on arrival, with the campaign's thresholds.
 * Each flag says what was seen and the figure behind it; none decides anything by itself.
 */
final class Flags {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    enum Kind {
        /** Answered faster than the questionnaire can be read. */
        SHORT_ACTIVE_TIME,
        /** One level across all rated criteria. */
        STRAIGHT_LINING,
        /** Another response of the campaign answers the same dossier. */
        SAME_DOSSIER,
        /** Another response of the campaign has an applicant with the same phone (keyed hash). */
        SAME_PHONE,
        /** An interview ended outside working hours. */
        OUTSIDE_HOURS,
        /** More interviews by one interviewer in one day than can be done. */
        IMPLAUSIBLE_DAILY_COUNT,
        /** A face-to-face interview whose position lies far outside its unit's province. */
        FAR_FROM_UNIT
    }

    record Flag(Kind kind, String detail) {
    }

    /**
     * What the checks of one response need to know besides the response.
     *
     * @param kmOutsideProvince how far the interview's position lies outside its unit's province (0 inside);
     *                          null when there is no position or no boundary to measure against
     */
    record Context(Long activeSeconds, List<Long> sameDossier, List<Long> samePhone, int interviewsThatDay,
                   Double kmOutsideProvince) {
    }

    private Flags() {
    }

    static List<Flag> of(ArrivedResponse response, Methodology methodology, QualitySettings settings, Context context) {
        List<Flag> flags = new ArrayList<>();
        if (context.activeSeconds() != null && context.activeSeconds() < settings.minActiveSeconds()) {
            flags.add(new Flag(Kind.SHORT_ACTIVE_TIME, "%d s < %d s".formatted(context.activeSeconds(), settings.minActiveSeconds())));
        }
        Integer level = straightLine(response, methodology, settings.straightLineMinimum());
        if (level != null) {
            flags.add(new Flag(Kind.STRAIGHT_LINING, "level " + level));
        }
        if (!context.sameDossier().isEmpty()) {
            flags.add(new Flag(Kind.SAME_DOSSIER, "responses " + context.sameDossier()));
        }
        if (!context.samePhone().isEmpty()) {
            flags.add(new Flag(Kind.SAME_PHONE, "responses " + context.samePhone()));
        }
        if (response.byInterviewer()) {
            LocalTime ended = response.endedAt().atZone(VIETNAM).toLocalTime();
            if (ended.isBefore(settings.workingFrom()) || ended.isAfter(settings.workingTo())) {
                flags.add(new Flag(Kind.OUTSIDE_HOURS, "%s, hours %s–%s".formatted(ended.withNano(0), settings.workingFrom(),
                        settings.workingTo())));
            }
            if (response.interviewer() != null && context.interviewsThatDay() > settings.maxDailyInterviews()) {
                flags.add(new Flag(Kind.IMPLAUSIBLE_DAILY_COUNT, "%d > %d".formatted(context.interviewsThatDay(),
                        settings.maxDailyInterviews())));
            }
        }
        if (context.kmOutsideProvince() != null && context.kmOutsideProvince() > settings.maxDistanceKm()) {
            flags.add(new Flag(Kind.FAR_FROM_UNIT, String.format(Locale.ROOT, "%.1f km outside the unit's province > %s km",
                    context.kmOutsideProvince(), settings.maxDistanceKm())));
        }
        return flags;
    }

    /**
     * The one level every rated answer took, when there are at least {@code minimum} of them (answers
     * excluded from the base, no answer and not applicable, are not ratings); else null.
     */
    static Integer straightLine(ArrivedResponse response, Methodology methodology, int minimum) {
        Set<Integer> levels = new HashSet<>();
        int rated = 0;
        for (Question question : methodology.questions().toList()) {
            if (question.type() != QuestionType.SCALE) {
                continue;
            }
            Integer level = ratedLevel(response.answers().get(question.name()), methodology.scale(question.scale()).orElse(null));
            if (level != null) {
                levels.add(level);
                rated++;
            }
        }
        return rated >= minimum && levels.size() == 1 ? levels.iterator().next() : null;
    }

    /** The level of a rated answer, or null when it is none (no answer, not applicable, not a number). */
    static Integer ratedLevel(String answer, AnswerScale scale) {
        if (answer == null || scale == null) {
            return null;
        }
        try {
            int code = Integer.parseInt(answer.trim());
            return scale.isExcluded(code) ? null : code;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
