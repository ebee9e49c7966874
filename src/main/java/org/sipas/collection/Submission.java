package org.sipas.collection;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A response as a channel hands it to {@link ResponseStore}: the answers already checked against
 * the methodology ({@link AnswerChecks}) and stored as its expressions read them, and where it
 * came from.
 *
 * @param answers        question name → stored answer (codes; select_multiple codes separated by spaces; dates yyyy-mm-dd)
 * @param sampleCaseId   the sampled case (sample member) it answers, or null (kiosk, portal, unsampled web link)
 * @param token          the survey token it answers through, or null
 * @param idempotencyKey the client's key for this submit: a retry with the same key returns the first result
 * @param respondentHash keyed hash of the phone an open-portal respondent gave, or null
 * @param collectedBy    username of the interviewer or clerk, or null when the respondent answered alone
 * @param startedAt      when answering began
 * @param finishedAt     when answering ended (the device's time for an interview synced later); null: now
 * @param position       where a face-to-face interview took place, only with consent; or null
 */
public record Submission(ResponseChannel channel, String methodologyCode, int methodologyVersion, Long campaignId,
                         Long stratumId, Long sampleCaseId, Long unitId, Long dossierId, String token,
                         String idempotencyKey, String respondentHash, String collectedBy, Long kioskId,
                         String paperNumber, Map<String, String> answers, Instant startedAt, Instant finishedAt,
                         Position position) {

    public Submission {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(methodologyCode, "methodologyCode");
        Objects.requireNonNull(startedAt, "startedAt");
        answers = Map.copyOf(answers);
        if (sampleCaseId != null && !channel.mayBeSampled()) {
            throw new IllegalArgumentException(channel + " responses never belong to the sample");
        }
    }

    /** A place in WGS 84 with the device's accuracy radius. */
    public record Position(double latitude, double longitude, Double accuracyMetres) {
    }

    /** A submission that belongs to nobody's sample and no campaign: fill in the rest with the with-methods. */
    public static Submission of(ResponseChannel channel, String methodologyCode, int methodologyVersion, Long unitId,
                                Map<String, String> answers, Instant startedAt) {
        return new Submission(channel, methodologyCode, methodologyVersion, null, null, null, unitId, null, null, null,
                null, null, null, null, answers, startedAt, null, null);
    }

    public Submission forCase(long campaignId, long stratumId, long sampleCaseId, long dossierId) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, collectedBy, kioskId, paperNumber, answers, startedAt,
                finishedAt, position);
    }

    public Submission inCampaign(Long campaignId) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, collectedBy, kioskId, paperNumber, answers, startedAt,
                finishedAt, position);
    }

    public Submission withDossier(Long dossierId) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, collectedBy, kioskId, paperNumber, answers, startedAt,
                finishedAt, position);
    }

    public Submission withToken(String token) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, collectedBy, kioskId, paperNumber, answers, startedAt,
                finishedAt, position);
    }

    public Submission withIdempotencyKey(String key) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, key, respondentHash, collectedBy, kioskId, paperNumber, answers, startedAt, finishedAt,
                position);
    }

    public Submission withRespondentHash(String hash) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, hash, collectedBy, kioskId, paperNumber, answers, startedAt, finishedAt,
                position);
    }

    public Submission collectedBy(String username) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, username, kioskId, paperNumber, answers, startedAt,
                finishedAt, position);
    }

    public Submission atKiosk(long kiosk) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, collectedBy, kiosk, paperNumber, answers, startedAt,
                finishedAt, position);
    }

    public Submission onPaper(String number) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, collectedBy, kioskId, number, answers, startedAt,
                finishedAt, position);
    }

    public Submission finished(Instant at, Position where) {
        return new Submission(channel, methodologyCode, methodologyVersion, campaignId, stratumId, sampleCaseId, unitId,
                dossierId, token, idempotencyKey, respondentHash, collectedBy, kioskId, paperNumber, answers, startedAt,
                at, where);
    }
}
