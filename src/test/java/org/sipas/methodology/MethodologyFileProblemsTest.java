package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sipas.methodology.MethodologyRepository.Origin;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.core.io.Resource;

/** A broken methodology file is rejected with every problem at its line and field. */
class MethodologyFileProblemsTest {

    static String small() {
        return resource("/methodology/forms/small.yaml");
    }

    static String resource(String path) {
        try (InputStream in = MethodologyFileProblemsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportRejectedException rejection(String yaml) {
        return catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("broken.yaml", yaml.getBytes(StandardCharsets.UTF_8), Origin.YAML));
    }

    @Test
    void everyShippedMethodologyReadsWithoutProblems() throws IOException {
        Resource[] files = ShippedMethodologies.files();
        assertThat(files).extracting(Resource::getFilename)
                .contains("sipas-2017.yaml", "mot-cua-2018.yaml", "dong-nai-2020.yaml");
        for (Resource file : files) {
            Methodology m = MethodologyFiles.read(file.getFilename(), file.getContentAsByteArray(), Origin.SHIPPED)
                    .methodology();
            assertThat(m.index()).as(file.getFilename()).isNotNull();
            assertThat(m.questions()).as(file.getFilename()).allSatisfy(q -> {
                assertThat(q.label().vi()).isNotBlank();
                assertThat(q.label().en()).as(q.name()).isNotBlank();
            });
        }
    }

    @Test
    void theSmallTestFormIsValid() {
        Methodology m = MethodologyFiles.read("small.yaml", small().getBytes(StandardCharsets.UTF_8), Origin.YAML)
                .methodology();
        assertThat(m.index().weights()).containsEntry("C1", 1.0);
        assertThat(m.index().children().get(0).label()).isEqualTo(Label.of("Câu một", "Question one"));
    }

    @ParameterizedTest(name = "{0} → {1} at line {3}")
    @CsvSource(delimiter = '|', textBlock = """
            relevant: ${q1} <= 2        | relevant: ${q1} <=            | sections[0].questions[1].relevant           | 28 | expressionSyntax
            relevant: ${q1} <= 2        | relevant: ${q9} = 1           | sections[0].questions[1].relevant           | 28 | unknownReference
            relevant: ${q1} <= 2        | relevant: ${q3} = 1           | sections[0].questions[1].relevant           | 28 | laterReference
            constraint: . >= 0          | constraint: . >= >            | sections[0].questions[2].constraint         | 32 | expressionSyntax
            satisfied: [3]              | satisfied: []                 | scales.hl5.satisfied                        | 10 | noSatisfied
            satisfied: [3]              | satisfied: [3, 9]             | scales.hl5.satisfied                        | 10 | satisfiedNotLevel
            - name: q2                  | - name: q1                    | sections[0].questions[1].name               | 25 | duplicateName
            type: select_one yes_no     | type: select_one yesno        | sections[0].questions[1].type               | 26 | unknownChoices
            type: scale hl5             | type: scale hl7               | sections[0].questions[0].type               | 22 | unknownScale
            type: integer               | type: number                  | sections[0].questions[2].type               | 30 | unknownType
            {code: C1, question: q1}    | {code: C1, question: q2}      | index.children[0].question                  | 40 | criterionNotScale
            {code: C1, question: q1}    | {code: C1, question: q7}      | index.children[0].question                  | 40 | unknownQuestion
            weights: {C1: 1}            | weights: {C1: 1, C2: 1}       | index.weights.C2                            | 38 | weightNotChild
            weights: {C1: 1}            | weights: {C1: 0}              | index.weights.C1                            | 38 | weightNotPositive
            rule: weighted              | rule: mean                    | index.weights                               | 38 | weightsOnMean
            rule: weighted              | rule: average                 | index.rule                                  | 37 | unknownRule
            {code: khong, vi: "Không"   | {code: co, vi: "Không"        | choices.yes_no[1].code                      | 16 | duplicateCode
            {code: 9, vi:               | {code: 3, vi:                 | scales.hl5.excluded[0].code                 | 12 | duplicateCode
            label: "Câu ba"             | label: {}                     | sections[0].questions[2].label              | 31 | labelMissing
            required: yes               | requred: yes                  | sections[0].questions[0].requred            | 24 | unknownField
            required: yes               | required: maybe               | sections[0].questions[0].required           | 24 | notBoolean
            code: small-test            | code: Small Test              | code                                        | 1  | badCode
            - name: q3                  | - name: 3q                    | sections[0].questions[2].name               | 29 | badName
            constraint: . >= 0          | hint: "Không âm"              | sections[0].questions[2].constraint_message | 33 | messageWithoutConstraint
            """)
    void aBrokenSnippetIsRejectedAtItsLineAndField(String snippet, String broken, String path, long line, String code) {
        String yaml = small().replace(snippet, broken);
        assertThat(yaml).isNotEqualTo(small());

        ImportRejectedException rejected = rejection(yaml);

        assertThat(rejected).isNotNull();
        assertThat(rejected.errors()).extracting(e -> e.file() + ":" + e.line() + " " + e.column() + " " + e.code())
                .contains("broken.yaml:" + line + " " + path + " methodology.error." + code);
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        String yaml = small().replace("satisfied: [3]", "satisfied: []")
                .replace("relevant: ${q1} <= 2", "relevant: ${q1} <=")
                .replace("question: q1}", "question: q7}");

        assertThat(rejection(yaml).errors()).extracting(RowError::line).containsExactlyInAnyOrder(10L, 28L, 40L);
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        ImportRejectedException rejected = rejection(small().replace("title: {vi: \"Phiếu thử\", en: \"Test form\"}",
                "title: {vi: \"Phiếu thử\", en: \"Test form\""));

        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("methodology.error.yaml");
            assertThat(e.line()).isBetween(3L, 5L);
        });
    }

    @Test
    void aFileThatIsNoMethodologyIsSaidSo() {
        assertThat(rejection("- just\n- a list\n").errors()).extracting(RowError::code)
                .containsExactly("methodology.error.notMethodology");
        assertThat(rejection("code: x\n").errors()).extracting(RowError::column).contains("title", "sections");
    }

    @Test
    void everyProblemReadsInVietnameseAndEnglish() throws IOException {
        Properties vi = bundle("/i18n/methodology/messages.properties");
        Properties en = bundle("/i18n/methodology/messages_en.properties");

        assertThat(vi.keySet()).isEqualTo(en.keySet());
        assertThat(vi.getProperty("methodology.warning.noVietnamese")).contains("tiếng Việt");
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MethodologyFileProblemsTest.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
