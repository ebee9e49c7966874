package org.sipas.feedback;

import org.sipas.methodology.AlertSeverity;
import org.sipas.methodology.AlertKind;
import java.util.List;

/**
 * An alert rule of one methodology version (table {@code alert_rule}).
 *
 * @param questions the questions it reads
 * @param codes     ANSWER_IN: the answer codes that alert
 * @param level     RATING_AT_MOST: the highest level that alerts
 * @param words     WATCH_LIST: the words to find in open text
 * @param channels  the channels it applies to; empty: every channel
 */
record AlertRule(Long id, String methodologyCode, int methodologyVersion, String code, AlertKind kind, List<String> questions,
                 List<String> codes, Integer level, List<String> words, List<String> channels, AlertSeverity severity,
                 String label, boolean enabled) {

    AlertRule {
        questions = List.copyOf(questions);
        codes = List.copyOf(codes);
        words = List.copyOf(words);
        channels = List.copyOf(channels);
    }

    AlertRule withId(long newId) {
        return new AlertRule(newId, methodologyCode, methodologyVersion, code, kind, questions, codes, level, words, channels,
                severity, label, enabled);
    }
}
