package org.sipas.collection.kiosk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;

/**
 * What a kiosk asks of a methodology version: its rating question (the first scale question) and,
 * when the kiosk asks it, its official question. Every other question stays unanswered, which
 * {@link KioskQuestionnaires} has checked the methodology allows.
 */
record KioskQuestionnaire(Methodology methodology, Question rating, AnswerScale scale, Question official) {

    /** How a level looks on its button: the face and colour, from its place on the scale. */
    enum Mood { DELIGHTED, PLEASED, NEUTRAL, UNHAPPY }

    /** One big button: a level of the rating scale. */
    record Choice(int code, String label, Mood mood) {
    }

    static Optional<KioskQuestionnaire> of(Methodology methodology) {
        Optional<Question> rating = methodology.questions().filter(q -> q.type() == org.sipas.methodology.QuestionType.SCALE)
                .findFirst();
        if (rating.isEmpty() || rating.get().relevant() != null) {
            return Optional.empty();
        }
        Optional<AnswerScale> scale = methodology.scale(rating.get().scale());
        if (scale.isEmpty() || scale.get().levels().size() < 2 || scale.get().levels().size() > 5) {
            return Optional.empty();
        }
        Question official = methodology.questions().filter(q -> q.type() == org.sipas.methodology.QuestionType.OFFICIAL)
                .findFirst().orElse(null);
        return Optional.of(new KioskQuestionnaire(methodology, rating.get(), scale.get(), official));
    }

    String code() {
        return methodology.code();
    }

    int version() {
        return methodology.version();
    }

    boolean canAskOfficial() {
        return official != null && official.relevant() == null && !official.required();
    }

    String question(Locale locale) {
        return rating.label().in(locale);
    }

    String officialQuestion(Locale locale) {
        return official == null ? null : official.label().in(locale);
    }

    boolean offers(int level) {
        return scale.levels().stream().anyMatch(l -> l.code() == level);
    }

    /** The levels best first, as the counter's rating reads: Rất hài lòng, Hài lòng, Không hài lòng. */
    List<Choice> choices(Locale locale) {
        List<AnswerScale.Level> levels = new ArrayList<>(scale.levels());
        levels.sort((a, b) -> Integer.compare(b.code(), a.code()));
        int best = levels.get(0).code();
        int worst = levels.get(levels.size() - 1).code();
        return levels.stream().map(l -> new Choice(l.code(), l.label().in(locale), mood(l.code(), best, worst))).toList();
    }

    private Mood mood(int code, int best, int worst) {
        boolean satisfied = scale.satisfied().contains(code);
        if (satisfied) {
            return code == best ? Mood.DELIGHTED : Mood.PLEASED;
        }
        return code == worst ? Mood.UNHAPPY : Mood.NEUTRAL;
    }
}
