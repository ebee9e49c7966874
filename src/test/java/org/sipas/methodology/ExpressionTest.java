package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static final Map<String, String> ANSWERS = Map.of("q1", "2", "q2", "5", "channels", "phone web", "note", "",
            "kind", "enterprise");

    private static boolean test(String expression) {
        return Expression.parse(expression).test(name -> ANSWERS.getOrDefault(name, ""), "");
    }

    @Test
    void aFollowUpIsAskedOnlyOfTheDissatisfied() {
        assertThat(test("${q1} <= 2")).isTrue();
        assertThat(test("${q2} <= 2")).isFalse();
        assertThat(test("${q1} <= 2 or ${q2} <= 2")).isTrue();
        assertThat(test("${q1} <= 2 and ${q2} <= 2")).isFalse();
        assertThat(test("not(${q2} = 5)")).isFalse();
    }

    @Test
    void numbersCompareAsNumbersAndCodesAsText() {
        assertThat(test("${q2} > 10")).isFalse();
        assertThat(test("${q2} = '5'")).isTrue();
        assertThat(test("${kind} = 'enterprise'")).isTrue();
        assertThat(test("${kind} != 'citizen'")).isTrue();
        assertThat(test("${q1} * 2 + 1 = 5 and 7 mod 4 = 3 and 9 div 3 = 3 and -${q1} = -2")).isTrue();
    }

    @Test
    void anUnansweredQuestionIsEmptyAndNeitherMoreNorLess() {
        assertThat(test("${note} = ''")).isTrue();
        assertThat(test("${missing} = ''")).isTrue();
        assertThat(test("${note} < 3")).isFalse();
        assertThat(test("${note} >= 3")).isFalse();
    }

    @Test
    void selectMultipleAnswersAreTestedWithSelectedAndCountSelected() {
        assertThat(test("selected(${channels}, 'web')")).isTrue();
        assertThat(test("selected(${channels}, 'post')")).isFalse();
        assertThat(test("count-selected(${channels}) = 2")).isTrue();
        assertThat(test("count-selected(${note}) = 0")).isTrue();
    }

    @Test
    void aConstraintReadsTheAnswerAsDot() {
        Expression age = Expression.parse(". >= 15 and . <= 120");
        assertThat(age.test(n -> "", "42")).isTrue();
        assertThat(age.test(n -> "", "7")).isFalse();
        assertThat(Expression.parse("string-length(.) <= 5").test(n -> "", "Hà Nội")).isFalse();
        assertThat(Expression.parse("regex(., '0[0-9]{9}')").test(n -> "", "0912345678")).isTrue();
        assertThat(Expression.parse("if(${q1} = 2, 'a', 'b') = 'a'").test(ANSWERS::get, "")).isTrue();
    }

    @Test
    void referencesAreListedForValidation() {
        assertThat(Expression.parse("${q1} <= 2 or selected(${channels}, 'web')").references()).containsExactly("q1", "channels");
    }

    @Test
    void aBrokenExpressionIsRejectedNamingWhere() {
        assertThatThrownBy(() -> Expression.parse("${q1} <= ")).isInstanceOf(Expression.SyntaxError.class)
                .hasMessageContaining("at character");
        assertThatThrownBy(() -> Expression.parse("${q1 = 2")).isInstanceOf(Expression.SyntaxError.class);
        assertThatThrownBy(() -> Expression.parse("selected(${q1})")).hasMessageContaining("takes 2");
        assertThatThrownBy(() -> Expression.parse("foo(1)")).hasMessageContaining("Unknown function");
        assertThatThrownBy(() -> Expression.parse("(${q1} = 2")).hasMessageContaining("Expected ')'");
        assertThatThrownBy(() -> Expression.parse("'open")).hasMessageContaining("not closed");
        assertThat(((Expression.SyntaxError) org.assertj.core.api.Assertions.catchThrowable(
                () -> Expression.parse("${q1} = = 2"))).position()).isEqualTo(8);
    }
}
