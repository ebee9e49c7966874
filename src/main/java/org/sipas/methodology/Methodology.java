package org.sipas.methodology;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One version of a methodology: the questionnaire (scales, choice lists, sections of questions)
 * and the index tree computed from its answers. Data, not code: the questionnaire and the
 * formula change from period to period and province to province.
 *
 * @param code    stable identifier across versions, e.g. {@code sipas-2017}
 * @param version 1, 2, …; a version used by a campaign is frozen and edits make the next one
 * @param alerts  the alert rules the file declares (empty: the version keeps the rules it has, or
 *                takes its previous version's); feedback keeps and edits them from there
 * @param allowChoiceDuplicates the form says a choice list may give one code to two choices
 *                (XLSForm's {@code allow_choice_duplicates} setting): both are offered and stored as
 *                that code; without it a duplicated code is an error
 */
public record Methodology(String code, int version, Label title, List<AnswerScale> scales, List<ChoiceList> choiceLists,
                          List<Section> sections, IndexNode index, List<AlertDeclaration> alerts,
                          boolean allowChoiceDuplicates) {

    public Methodology {
        scales = List.copyOf(scales);
        choiceLists = List.copyOf(choiceLists);
        sections = List.copyOf(sections);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** A methodology whose choice codes are each given once. */
    public Methodology(String code, int version, Label title, List<AnswerScale> scales, List<ChoiceList> choiceLists,
                       List<Section> sections, IndexNode index, List<AlertDeclaration> alerts) {
        this(code, version, title, scales, choiceLists, sections, index, alerts, false);
    }

    /** A questionnaire and index without alert rules of its own. */
    public Methodology(String code, int version, Label title, List<AnswerScale> scales, List<ChoiceList> choiceLists,
                       List<Section> sections, IndexNode index) {
        this(code, version, title, scales, choiceLists, sections, index, List.of());
    }

    /** The same methodology numbered {@code version} (the store numbers uploaded versions). */
    public Methodology withVersion(int version) {
        return new Methodology(code, version, title, scales, choiceLists, sections, index, alerts, allowChoiceDuplicates);
    }

    /** The same questionnaire and index carrying {@code rules} (a download carries the rules in force). */
    public Methodology withAlerts(List<AlertDeclaration> rules) {
        return new Methodology(code, version, title, scales, choiceLists, sections, index, rules, allowChoiceDuplicates);
    }

    /**
     * The languages the questionnaire is written in, its default language first: the languages of
     * the title and the question labels, in the order the form gives them.
     */
    public List<String> languages() {
        java.util.Set<String> languages = new java.util.LinkedHashSet<>();
        languages.add(title.texts().keySet().iterator().next());
        questions().forEach(q -> languages.addAll(q.label().texts().keySet()));
        languages.addAll(title.texts().keySet());
        return List.copyOf(languages);
    }

    public Stream<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream());
    }

    public Optional<Question> question(String name) {
        return questions().filter(q -> q.name().equals(name)).findFirst();
    }

    // loops rather than streams: every answer of every submitted response asks
    public Optional<AnswerScale> scale(String name) {
        for (AnswerScale scale : scales) {
            if (scale.name().equals(name)) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }

    public Optional<ChoiceList> choiceList(String name) {
        for (ChoiceList list : choiceLists) {
            if (list.name().equals(name)) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }
}
