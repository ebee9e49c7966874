package org.sipas.collection.kiosk;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sipas.collection.AnswerChecks;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.ResponseStore.Stored;
import org.sipas.collection.Submission;
import org.sipas.frame.ReceiptCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Stores the ratings of kiosks: checked by the same rules as every channel, stored through the one
 * {@link ResponseStore} with channel KIOSK and the kiosk's id, never as part of the sample.
 *
 * <p>A tablet that lost the network sends its queued ratings later, each with the key it made when
 * the rating was pressed: a rating sent twice (the answer to the first send was lost) is stored
 * once. Its time is the tablet's, bounded: a clock running ahead is taken as now, and a rating
 * older than {@link #OLDEST} is refused rather than counted in a period it does not belong to.
 */
@Service
class KioskRatings {

    /** How long a tablet may keep a rating queued before it is too late to count. */
    static final Duration OLDEST = Duration.ofDays(7);
    /** The longest one citizen plausibly spends at the kiosk: an older start is the tablet's clock, not the citizen. */
    private static final Duration LONGEST_SITTING = Duration.ofHours(1);
    static final int RECEIPT_MAX = 64;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final KioskQuestionnaires questionnaires;
    private final AnswerChecks checks;
    private final ResponseStore store;
    private final ReceiptCodes receipts;
    private final Kiosks kiosks;
    private final MessageSource messages;

    KioskRatings(KioskQuestionnaires questionnaires, AnswerChecks checks, ResponseStore store, ReceiptCodes receipts,
                 Kiosks kiosks, MessageSource messages) {
        this.questionnaires = questionnaires;
        this.checks = checks;
        this.store = store;
        this.receipts = receipts;
        this.kiosks = kiosks;
        this.messages = messages;
    }

    /**
     * Stores one rating of an active kiosk, or returns the stored one when its key was sent before.
     *
     * @throws RatingRefused when the rating is not valid (the problems name the fields, in the caller's language)
     */
    Stored rate(Kiosk kiosk, Rating rating, Locale locale) {
        if (kiosk.isRevoked()) {
            throw new IllegalStateException("Kiosk " + kiosk.id() + " is revoked");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (rating.id() == null || !UUID_TEXT.matcher(rating.id()).matches()) {
            problems.put("id", text("kiosk.error.id", locale));
        }
        Instant now = Instant.now();
        Instant ratedAt = rating.ratedAt() == null || rating.ratedAt().isAfter(now) ? now : rating.ratedAt();
        if (ratedAt.isBefore(now.minus(OLDEST))) {
            problems.put("ratedAt", text("kiosk.error.tooOld", locale, OLDEST.toDays()));
        }
        Instant startedAt = rating.startedAt() == null || rating.startedAt().isAfter(ratedAt) ? ratedAt : rating.startedAt();
        if (startedAt.isBefore(ratedAt.minus(LONGEST_SITTING))) {
            startedAt = ratedAt.minus(LONGEST_SITTING);
        }
        String receipt = kiosk.askReceipt() && rating.receipt() != null && !rating.receipt().isBlank() ? rating.receipt().strip() : null;
        if (receipt != null && receipt.length() > RECEIPT_MAX) {
            problems.put("receipt", text("kiosk.error.receipt", locale, RECEIPT_MAX));
        }
        KioskQuestionnaire questionnaire = questionnaires.of(kiosk.methodologyCode(), kiosk.methodologyVersion())
                .orElseThrow(() -> new IllegalStateException("Kiosk " + kiosk.id() + " uses a methodology no kiosk can ask"));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put(questionnaire.rating().name(), rating.level() == null ? null : rating.level().toString());
        if (kiosk.askOfficial() && questionnaire.canAskOfficial() && rating.official() != null) {
            typed.put(questionnaire.official().name(), rating.official());
        }
        AnswerChecks.Checked checked = checks.check(kiosk.methodologyCode(), kiosk.methodologyVersion(), kiosk.unitId(), typed, locale);
        checked.problems().forEach((question, problem) -> problems.put(fieldOf(questionnaire, question), problem));
        if (!problems.isEmpty()) {
            throw new RatingRefused(problems);
        }
        Submission submission = Submission.of(ResponseChannel.KIOSK, kiosk.methodologyCode(), kiosk.methodologyVersion(),
                        kiosk.unitId(), checked.stored(), startedAt)
                .atKiosk(kiosk.id())
                // the tablet's UUID, under the kiosk's name: no other channel's key can collide with it
                .withIdempotencyKey("kiosk-" + kiosk.id() + "-" + UUID.fromString(rating.id()))
                .inCampaign(kiosk.campaignId())
                .finished(ratedAt, null);
        if (receipt != null) {
            submission = submission.withDossier(receipts.dossierOf(kiosk.unitId(), receipt).orElse(null));
        }
        Stored stored = store.submit(submission);
        kiosks.seen(kiosk.id());
        return stored;
    }

    private static String fieldOf(KioskQuestionnaire questionnaire, String question) {
        if (question.equals(questionnaire.rating().name())) {
            return "level";
        }
        return questionnaire.official() != null && question.equals(questionnaire.official().name()) ? "official" : question;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
