package org.sipas.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sipas.collection.AnswerChecks;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Cleaning rules (làm sạch phiếu), run on a stored response before it is accepted: the answers
 * checked again by the questionnaire's own rules ({@link AnswerChecks}: skip logic, required,
 * offered codes, constraints), each failure named by its rule, and the response against its
 * dossier (unit, procedure, the channel it was filed by).
 */
@Service
class Cleaning {

    /** The rules a response can fail. */
    enum Rule {
        /** An answer code outside the question's scale or choices. */
        RANGE,
        /** An answer breaking the question's constraint (consistency between answers). */
        CONSTRAINT,
        /** An answer to a question its {@code relevant} says was not to be asked. */
        NOT_RELEVANT,
        /** A required question asked and not answered. */
        REQUIRED,
        /** The response's unit is not its dossier's. */
        DOSSIER_UNIT,
        /** The response's stratum is of another procedure than its dossier's. */
        DOSSIER_PROCEDURE,
        /** Rates the online public service for a dossier filed at the counter. */
        DOSSIER_CHANNEL
    }

    /** One failure: the rule, the question (null for the dossier's unit or procedure) and what was seen. */
    record Failure(Rule rule, String question, String detail) implements java.io.Serializable {
    }

    /** The choice code of the online public service in the shipped methodologies' utility lists. */
    static final String ONLINE = "truc_tuyen";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final AnswerChecks checks;
    private final Methodologies methodologies;
    private final JdbcClient jdbc;

    Cleaning(AnswerChecks checks, Methodologies methodologies, JdbcClient jdbc) {
        this.checks = checks;
        this.methodologies = methodologies;
        this.jdbc = jdbc;
    }

    /** The failures of a response, in the questionnaire's order then the dossier's; empty: clean. */
    List<Failure> failures(ArrivedResponse response) {
        Methodology methodology = methodologies.find(response.methodologyCode(), response.methodologyVersion()).orElseThrow();
        Map<String, String> answers = response.answers();
        AnswerChecks.Checked checked = checks.check(response.methodologyCode(), response.methodologyVersion(), response.unitId(),
                answers, VI);
        List<Failure> failures = new ArrayList<>();
        checked.problems().forEach((name, problem) -> {
            String value = answers.get(name);
            Optional<Question> question = methodology.question(name);
            if (value == null || value.isBlank()) {
                failures.add(new Failure(Rule.REQUIRED, name, problem));
            } else if (question.isPresent() && outOfRange(methodology, question.get(), value)) {
                failures.add(new Failure(Rule.RANGE, name, value + ": " + problem));
            } else {
                failures.add(new Failure(Rule.CONSTRAINT, name, value + ": " + problem));
            }
        });
        answers.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !checked.asked().contains(name) && methodology.question(name).isPresent()) {
                String relevant = methodology.question(name).get().relevant();
                failures.add(new Failure(Rule.NOT_RELEVANT, name, value + ": " + (relevant == null ? "" : relevant)));
            }
        });
        dossier(response, answers, failures);
        return failures;
    }

    private static boolean outOfRange(Methodology methodology, Question question, String value) {
        return switch (question.type()) {
            case SCALE -> {
                Optional<AnswerScale> scale = methodology.scale(question.scale());
                try {
                    int code = Integer.parseInt(value.strip());
                    yield scale.isPresent() && scale.get().level(code).isEmpty() && !scale.get().isExcluded(code);
                } catch (NumberFormatException e) {
                    yield true;
                }
            }
            case SELECT_ONE -> methodology.choiceList(question.choices()).map(l -> l.choice(value.strip()).isEmpty()).orElse(false);
            case SELECT_MULTIPLE -> methodology.choiceList(question.choices())
                    .map(l -> Arrays.stream(value.strip().split("\\s+")).anyMatch(c -> l.choice(c).isEmpty())).orElse(false);
            default -> false;
        };
    }

    /** The response against its dossier: the same unit and procedure, and no online service rated for a dossier filed in person. */
    private void dossier(ArrivedResponse response, Map<String, String> answers, List<Failure> failures) {
        if (response.dossierId() == null) {
            return;
        }
        // the dossier is the frame's, read here as the tallies read the response: one row, no copy kept
        jdbc.sql("""
                        SELECT d.unit_id, d.procedure_id, d.channel, r.unit_id AS response_unit, s.unit_id AS stratum_unit,
                               s.procedure_id AS stratum_procedure
                        FROM response r JOIN dossier d ON d.id = r.dossier_id
                        LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                        WHERE r.id = :r""")
                .param("r", response.id())
                .query(rs -> {
                    long dossierUnit = rs.getLong("unit_id");
                    for (String column : List.of("response_unit", "stratum_unit")) {
                        long unit = rs.getLong(column);
                        if (!rs.wasNull() && unit != dossierUnit) {
                            failures.add(new Failure(Rule.DOSSIER_UNIT, null, "unit " + unit + " ≠ dossier's unit " + dossierUnit));
                            break;
                        }
                    }
                    long procedure = rs.getLong("stratum_procedure");
                    if (!rs.wasNull() && procedure != rs.getLong("procedure_id")) {
                        failures.add(new Failure(Rule.DOSSIER_PROCEDURE, null,
                                "procedure " + procedure + " ≠ dossier's procedure " + rs.getLong("procedure_id")));
                    }
                    if ("DIRECT".equals(rs.getString("channel"))) {
                        Methodology methodology = methodologies.find(response.methodologyCode(), response.methodologyVersion()).orElseThrow();
                        methodology.questions().filter(q -> q.choices() != null && answers.get(q.name()) != null)
                                .filter(q -> Arrays.asList(answers.get(q.name()).strip().split("\\s+")).contains(ONLINE))
                                .forEach(q -> failures.add(new Failure(Rule.DOSSIER_CHANNEL, q.name(),
                                        ONLINE + ": the dossier was filed in person (DIRECT)")));
                    }
                });
    }
}
