package org.sipas.methodology;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An answer scale such as SIPAS's five levels, with the levels that count as satisfied and the
 * codes that are answers but leave the base of an index (no answer, not applicable).
 *
 * @param levels    the levels a respondent rates on, in order (1 Rất không hài lòng … 5 Rất hài lòng)
 * @param satisfied codes of the levels counted as satisfied (4 and 5 for SIPAS)
 * @param excluded  codes offered but excluded from an index's base (9 Không trả lời, 0 Không áp dụng)
 */
public record AnswerScale(String name, List<Level> levels, Set<Integer> satisfied, List<Level> excluded) {

    public AnswerScale {
        levels = List.copyOf(levels);
        satisfied = Set.copyOf(satisfied);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** One level of a scale. */
    public record Level(int code, Label label) {
    }

    // loops rather than streams: every rated answer of every submitted response asks
    public Optional<Level> level(int code) {
        for (Level level : levels) {
            if (level.code() == code) {
                return Optional.of(level);
            }
        }
        return excludedLevel(code);
    }

    public boolean isExcluded(int code) {
        return excludedLevel(code).isPresent();
    }

    private Optional<Level> excludedLevel(int code) {
        for (Level level : excluded) {
            if (level.code() == code) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
