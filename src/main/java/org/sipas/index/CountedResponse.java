package org.sipas.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored response as the tallies read it.
 *
 * @param stratumId  its campaign stratum, or 0 outside the sample
 * @param unitId     the stratum's unit, else the response's, else the campaign's scope
 * @param month      yyyy-MM of when it was answered, in Vietnamese time
 * @param procedure  the code of the stratum's or the dossier's procedure, or null
 * @param officials  staff codes of the dossier's receiving and processing officials
 */
record CountedResponse(long id, long campaignId, long stratumId, long unitId, boolean sampled, String channel,
                       Map<String, String> answers, String month, String procedure, List<String> officials) {

    /** The tally rows this response adds to: the whole stratum and each domain that cuts across strata it lies in. */
    List<TallyKey> keys(Series series, Scoring scoring) {
        List<TallyKey> keys = new ArrayList<>();
        keys.add(key(series, Domain.WHOLE_STRATUM, ""));
        if (procedure != null) {
            keys.add(key(series, Domain.PROCEDURE.tallyKind(), procedure));
        }
        keys.add(key(series, Domain.CHANNEL.tallyKind(), channel));
        String respondent = scoring.respondentType(answers);
        if (respondent != null && !respondent.isBlank()) {
            keys.add(key(series, Domain.RESPONDENT.tallyKind(), respondent));
        }
        java.util.Set<String> named = new java.util.LinkedHashSet<>(officials);
        named.addAll(scoring.namedOfficials(answers));
        for (String official : named) {
            keys.add(key(series, Domain.OFFICIAL.tallyKind(), official));
        }
        keys.add(key(series, Domain.MONTH.tallyKind(), month));
        return keys;
    }

    private TallyKey key(Series series, String kind, String value) {
        return new TallyKey(campaignId, series, stratumId, unitId, kind, value);
    }
}
