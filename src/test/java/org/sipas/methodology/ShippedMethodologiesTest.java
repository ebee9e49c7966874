package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ShippedMethodologiesTest {

    @Autowired
    Methodologies methodologies;

    @Test
    void sipas2017HasFiveElementsOfTwentyTwoCriteriaAveragedIntoSipas() {
        Methodology sipas = methodologies.latest("sipas-2017");

        IndexNode index = sipas.index();
        assertThat(index.code()).isEqualTo("SIPAS");
        assertThat(index.rule()).isEqualTo(IndexNode.Rule.MEAN);
        assertThat(index.children()).extracting(IndexNode::code).containsExactly("E1", "E2", "E3", "E4", "E5");
        assertThat(index.children()).extracting(e -> e.children().size()).containsExactly(4, 5, 6, 3, 4);
        List<String> criteria = index.children().stream().flatMap(e -> e.children().stream()).map(IndexNode::code).toList();
        assertThat(criteria).containsExactlyElementsOf(IntStream.rangeClosed(1, 22).mapToObj(i -> "c%02d".formatted(i)).toList());
        index.children().stream().flatMap(e -> e.children().stream()).forEach(c -> {
            assertThat(c.rule()).isEqualTo(IndexNode.Rule.SHARE_SATISFIED);
            assertThat(sipas.question(c.question())).get().extracting(Question::type).isEqualTo(QuestionType.SCALE);
            assertThat(c.label().vi()).isNotBlank();
        });
    }

    @Test
    void sipasScaleCountsFourAndFiveAsSatisfiedAndLeavesNoAnswerOutOfTheBase() {
        AnswerScale scale = methodologies.latest("sipas-2017").scale("sipas5").orElseThrow();

        assertThat(scale.levels()).extracting(AnswerScale.Level::code).containsExactly(1, 2, 3, 4, 5);
        assertThat(scale.levels().get(0).label().vi()).isEqualTo("Rất không hài lòng");
        assertThat(scale.satisfied()).containsExactlyInAnyOrder(4, 5);
        assertThat(scale.isExcluded(9)).isTrue();
        assertThat(scale.isExcluded(0)).isTrue();
        assertThat(scale.level(9).orElseThrow().label().vi()).isEqualTo("Không trả lời");
    }

    @Test
    void aFollowUpIsAskedOnlyOfThoseDissatisfiedWithTheHandlingTime() {
        Methodology sipas = methodologies.latest("sipas-2017");
        Question followUp = sipas.questions().filter(q -> "${c09} <= 2".equals(q.relevant())).findFirst().orElseThrow();

        assertThat(Expression.parse(followUp.relevant()).test(name -> "2", "")).isTrue();
        assertThat(Expression.parse(followUp.relevant()).test(name -> "4", "")).isFalse();
        assertThat(sipas.questions().filter(q -> q.type() == QuestionType.SELECT_MULTIPLE && q.relevant() != null)).hasSize(5);
        assertThat(sipas.questions().filter(q -> q.type() == QuestionType.OFFICIAL)).hasSize(1);
        assertThat(sipas.question("age").orElseThrow().constraint()).isNotBlank();
        assertThat(sipas.question("applicant_kind").orElseThrow().required()).isTrue();
    }

    @Test
    void findsAVersionAndNamesAnUnknownCode() {
        assertThat(methodologies.find("sipas-2017", 1)).isPresent();
        assertThat(methodologies.find("sipas-2017", 999)).isEmpty();
        assertThat(methodologies.all()).extracting(Methodology::code).contains("sipas-2017");
        assertThatThrownBy(() -> methodologies.latest("no-such-methodology"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no-such-methodology");
    }
}
