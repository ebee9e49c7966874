package org.sipas.index;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an answer code means for a criterion: valid (on the rating scale) and maybe satisfied, or
 * excluded from the base (no answer, not applicable, an empty cell). The codes are data: SIPAS
 * rates 1…5 with 4 and 5 satisfied and 9, 0 excluded, another scale says otherwise.
 *
 * @param levels    the rating levels, valid answers
 * @param satisfied the levels counted as satisfied
 * @param excluded  codes that are answers but leave the base
 */
record AnswerCodes(Set<Integer> levels, Set<Integer> satisfied, Set<Integer> excluded) {

    static final byte EXCLUDED = 0;
    static final byte VALID = 1;
    static final byte SATISFIED = 2;

    /** The SIPAS scale: 1 Rất không hài lòng … 5 Rất hài lòng; 9 Không trả lời, 0 Không áp dụng. */
    static final AnswerCodes SIPAS = new AnswerCodes(Set.of(1, 2, 3, 4, 5), Set.of(4, 5), Set.of(0, 9));

    AnswerCodes {
        levels = Set.copyOf(new LinkedHashSet<>(levels));
        satisfied = Set.copyOf(satisfied);
        excluded = Set.copyOf(excluded);
        if (!levels.containsAll(satisfied)) {
            throw new IllegalArgumentException("satisfied codes " + satisfied + " must be levels of the scale " + levels);
        }
        for (Integer code : excluded) {
            if (levels.contains(code)) {
                throw new IllegalArgumentException("code " + code + " cannot be both a level and excluded");
            }
        }
    }

    /** Codes as a reader sees them: sorted, comma separated. */
    static String list(Set<Integer> codes) {
        return codes.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The meaning of a code, or -1 when it is neither a level nor an excluded code. */
    byte meaning(int code) {
        if (satisfied.contains(code)) {
            return SATISFIED;
        }
        if (levels.contains(code)) {
            return VALID;
        }
        return excluded.contains(code) ? EXCLUDED : -1;
    }
}
