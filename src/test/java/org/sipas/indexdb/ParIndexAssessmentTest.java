package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The PAR INDEX workflow on a tree of fields, criteria and sub-criteria (the shipped provincial tree
 * stops at its fields, so the test defines its own three levels the way a province uploads one).
 */
@SpringBootTest
class ParIndexAssessmentTest {

    private static final String TREE = """
            code: par-xa-thu
            name: {vi: "Chỉ số cải cách hành chính cấp xã (thử)", en: "Commune PAR INDEX (test)"}
            aggregation: sum
            nodes:
              - code: T
                name: Tổng
                max: 20
                children:
                  - code: LV1
                    name: Công tác chỉ đạo, điều hành
                    max: 8
                    children:
                      - code: TC1.1
                        name: Kế hoạch cải cách hành chính
                        max: 5
                        children:
                          - {code: TP1.1.1, name: Ban hành kịp thời, max: 2}
                          - {code: TP1.1.2, name: Thực hiện đạt 100%, max: 3}
                      - {code: TC1.2, name: Báo cáo định kỳ, max: 3}
                  - code: LV2
                    name: Cải cách thủ tục hành chính
                    max: 12
                    children:
                      - {code: TC2.1, name: Công khai thủ tục, max: 4.5}
                      - {code: TC2.2, name: Giải quyết đúng hạn, max: 7.5}
            """;

    @Autowired
    IndexFixtures fixtures;
    @Autowired
    IndexDefinitions definitions;
    @Autowired
    Assessments assessments;
    @Autowired
    IndexValues values;
    @Autowired
    CurrentUsers users;
    @Autowired
    AuditLog audit;

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aCommuneAssessesItselfTheProvinceAppraisesWithReasonsAndTheApprovedTotalIsTheSumOfTheAppraisedSubCriteria() {
        IndexFixtures.Province p = fixtures.province("PIA");
        IndexDefinition tree = users.runAs(p.nationalAdmin(), () -> definitions.uploadYaml("par-xa.yaml",
                new ByteArrayInputStream(TREE.getBytes(StandardCharsets.UTF_8))));
        Map<String, BigDecimal> self = new LinkedHashMap<>();
        self.put("TP1.1.1", new BigDecimal("2"));
        self.put("TP1.1.2", new BigDecimal("2.5"));
        self.put("TC1.2", new BigDecimal("3"));
        self.put("TC2.1", new BigDecimal("4.25"));
        self.put("TC2.2", new BigDecimal("7"));

        Assessment draft = users.runAs(p.commune1Head(), () -> assessments.open(tree.code(), p.commune1(), 2025));
        long id = draft.id();
        // a sub-criterion's score above its maximum, and a typed total, are refused
        assertThatThrownBy(() -> users.runAs(p.commune1Head(), () -> assessments.score(id, "TC2.1", new BigDecimal("4.75"))))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        assertThatThrownBy(() -> users.runAs(p.commune1Head(), () -> assessments.score(id, "LV1", new BigDecimal("7"))))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getReason()).contains("indexdb.value.parent"));
        self.forEach((node, score) -> users.runAs(p.commune1Head(), () -> assessments.score(id, node, score)));
        Assessment.Evidence evidence = users.runAs(p.commune1Head(), () -> assessments.attach(id, "TC1.2", "bao-cao-quy.pdf", PDF));
        assertThat(evidence.contentType()).isEqualTo("application/pdf");
        assertThatThrownBy(() -> users.runAs(p.commune1Head(), () -> assessments.attach(id, "TC1.2", "bao-cao.pdf",
                "not a pdf".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(422));
        users.runAs(p.commune1Head(), () -> assessments.submit(id));

        // the council of the level above: the province's administrator; the commune itself does not appraise
        assertThatThrownBy(() -> users.runAs(p.commune1Head(), () -> assessments.appraise(id, "TC2.2", new BigDecimal("6"), "thiếu hồ sơ")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.runAs(p.provinceAdmin(), () -> assessments.appraise(id, "TC2.2", new BigDecimal("6"), "  ")))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getReason()).contains("reason"));
        Map<String, BigDecimal> adjusted = Map.of("TC2.2", new BigDecimal("6"), "TP1.1.2", new BigDecimal("1.5"));
        long appraisalsBefore = audit.page("index_assessment", 10_000, 0).stream()
                .filter(e -> e.action().equals("indexdb.assessment.appraise")).count();
        adjusted.forEach((node, score) -> users.runAs(p.provinceAdmin(),
                () -> assessments.appraise(id, node, score, "Hồ sơ minh chứng chưa đủ cho " + node)));
        assertThat(values.figures(tree.code(), p.commune1(), 2025)).as("an appraisal not yet approved is not public").isEmpty();
        Assessment approved = users.runAs(p.provinceAdmin(), () -> assessments.approve(id));

        Map<String, BigDecimal> expectedLeaves = new HashMap<>(self);
        expectedLeaves.putAll(adjusted);
        BigDecimal expected = expectedLeaves.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal selfTotal = self.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(approved.status()).isEqualTo(Assessment.Status.APPROVED);
        assertThat(approved.selfAssessed().get("T")).isEqualByComparingTo(selfTotal);
        assertThat(approved.appraised().get("T")).isEqualByComparingTo(expected);
        assertThat(approved.appraised().get("TC1.1")).isEqualByComparingTo(expectedLeaves.get("TP1.1.1").add(expectedLeaves.get("TP1.1.2")));
        assertThat(approved.reasons()).containsOnlyKeys("TC2.2", "TP1.1.2");
        assertThat(approved.evidenceOf("TC1.2")).extracting(Assessment.Evidence::fileName).containsExactly("bao-cao-quy.pdf");

        List<UnitFigures> published = values.figures(tree.code(), p.commune1(), 2025);
        assertThat(published).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(ValueSource.APPRAISAL);
            assertThat(f.total(tree)).isEqualByComparingTo(expected);
        });
        assertThat(audit.page("index_assessment", 10_000, 0).stream().filter(e -> e.action().equals("indexdb.assessment.appraise")).count())
                .isEqualTo(appraisalsBefore + adjusted.size());
    }

    @Test
    void aCommuneCannotOpenOrScoreAnotherCommunesSelfAssessment() {
        IndexFixtures.Province p = fixtures.province("PIB");
        IndexDefinition tree = users.runAs(p.nationalAdmin(), () -> definitions.uploadYaml("par-xa.yaml",
                new ByteArrayInputStream(TREE.getBytes(StandardCharsets.UTF_8))));
        Assessment theirs = users.runAs(p.commune1Head(), () -> assessments.open(tree.code(), p.commune1(), 2026));
        assertThatThrownBy(() -> users.runAs(p.commune2Head(), () -> assessments.score(theirs.id(), "TC1.2", new BigDecimal("1"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.runAs(p.commune2Head(), () -> assessments.open(tree.code(), p.commune1(), 2027)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.runAs(p.commune2Head(), () -> assessments.get(theirs.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.runAs(p.commune1Head(), () -> assessments.get(theirs.id())).selfAssessed()).isEmpty();
    }
}
