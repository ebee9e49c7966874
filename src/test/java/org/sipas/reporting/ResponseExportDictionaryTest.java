package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.methodology.Codebook;
import org.sipas.methodology.Label;
import org.springframework.web.server.ResponseStatusException;

/** The columns of an export across methodology versions: the union of their codebooks, in a stable order. */
class ResponseExportDictionaryTest {

    private static Codebook.Variable scale(String name, String label, String... codes) {
        return new Codebook.Variable("s", name, Label.of(label, null), "scale hl5", true, null, null,
                java.util.Arrays.stream(codes).map(c -> new Codebook.Value(c, Label.of("Mức " + c, null), c.equals("9"), false))
                        .toList());
    }

    private static Codebook book(int version, Codebook.Variable... variables) {
        return new Codebook("rx", version, Label.of("Phiếu", null), List.of(variables), null);
    }

    @Test
    void aDroppedQuestionStandsAfterTheVariableItFollowedAndCodesAreTheUnion() {
        Codebook v2 = book(2, scale("a", "A mới", "1", "2", "3"), scale("c", "C", "1"), scale("d", "D", "1"));
        Codebook v1 = book(1, scale("a", "A cũ", "1", "2", "9"), scale("b", "B bỏ ở phiên bản 2", "1"), scale("c", "C", "1"));
        List<ResponseExportColumn> columns = ResponseExportDictionary.questions(List.of(v2, v1));
        assertThat(columns).extracting(ResponseExportColumn::name).containsExactly("a", "b", "c", "d");
        ResponseExportColumn a = columns.get(0);
        // the newest label, every code either version had, 9 (excluded from the base) user-missing
        assertThat(a.label().vi()).isEqualTo("A mới");
        assertThat(a.values().keySet()).containsExactly("1", "2", "3", "9");
        assertThat(a.missing()).containsExactly(9.0);
        assertThat(columns.get(1).label().vi()).isEqualTo("B bỏ ở phiên bản 2");
    }

    @Test
    void oneNameWithTwoTypesIsRefusedNamingBoth() {
        Codebook other = new Codebook("khac", 1, Label.of("Khác", null), List.of(new Codebook.Variable("s", "a",
                Label.of("A", null), "text", false, null, null, List.of())), null);
        assertThatThrownBy(() -> ResponseExportDictionary.questions(List.of(book(1, scale("a", "A", "1")), other)))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("a is text in khac version 1 but scale hl5 in rx version 1");
    }

    @Test
    void aQuestionNamedLikeADesignVariableIsRefused() {
        assertThatThrownBy(() -> ResponseExportDictionary.columns(List.of(book(1, scale("Design_Weight", "W", "1"))),
                Map.of(), Map.of()))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("Design_Weight");
    }
}
