package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.sipas.methodology.Methodologies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Training of a campaign's interviewers: once the campaign requires it, nobody is given its cases
 * before passing the quiz on the guide; a failed attempt is kept and counts for nothing; the quiz
 * is built from the methodology's codebook; the trained people are listed and exported.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrainingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    Training training;
    @Autowired
    TrainingRepository repository;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    Methodologies methodologies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void anUntrainedInterviewerIsRefusedCasesUntilTheyPassTheQuizAndAFailedAttemptDoesNotCount() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("TRN", "mot-cua-2018", 20, Map.of("FACE_TO_FACE", 1));
        users.runAs(field.admin(), () -> accounts.create("dtv-trn", "Điều tra viên Tập Huấn", field.province(), Set.of(Role.INTERVIEWER),
                "mat-khau-dai-du"));
        CurrentUser interviewer = new CurrentUser("dtv-trn", Set.of(Role.INTERVIEWER), field.province());
        FieldCase first = field.cases().get(0);

        // training is off by default: the case goes, and comes back
        assertThat(assign(field, first, "dtv-trn")).isNull();
        assertThat(assign(field, first, "")).isNull();

        mvc.perform(post("/campaigns/" + field.campaignId() + "/training/settings").with(SignedIn.as(field.admin())).with(csrf())
                        .param("required", "true").param("passMark", "80"))
                .andExpect(flash().attribute("done", "training.settings.done"));
        mvc.perform(post("/campaigns/" + field.campaignId() + "/training/quiz/generate").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(flash().attribute("done", "training.quiz.generated"));
        mvc.perform(post("/campaigns/" + field.campaignId() + "/training/quiz/questions").with(SignedIn.as(field.admin())).with(csrf())
                        .param("prompt", "Khi người dân từ chối trả lời, điều tra viên làm gì?")
                        .param("options", "Tự điền thay người dân\nGhi nhận từ chối và chuyển sang người dự phòng\nBỏ qua, không ghi gì")
                        .param("correct", "2"))
                .andExpect(flash().attribute("done", "training.quiz.authored"));
        List<TrainingRepository.QuizQuestion> quiz = repository.questions(field.campaignId());
        assertThat(quiz).hasSize(Training.GENERATED + 1);

        // untrained: refused with a message naming them, and the case stays unassigned
        assertThat(assign(field, first, "dtv-trn")).isEqualTo("training.assign.untrained");
        assertThat(fieldCases.find(first.id()).orElseThrow().assignedTo()).isNull();
        // the supervisor's page says why, naming the interviewer
        Object[] args = (Object[]) mvc.perform(post("/fieldwork/face-to-face/assign").with(SignedIn.as(field.admin())).with(csrf())
                        .param("campaign", Long.toString(field.campaignId())).param("case", Long.toString(first.id()))
                        .param("to", "dtv-trn"))
                .andReturn().getFlashMap().get("problemArgs");
        assertThat(messages.getMessage("training.assign.untrained", args, java.util.Locale.forLanguageTag("vi")))
                .isEqualTo("Không thể giao ca cho Điều tra viên Tập Huấn: đợt khảo sát yêu cầu tập huấn và người này chưa đạt bài"
                        + " kiểm tra tập huấn.");
        // the campaign's own rule refuses it too, whoever calls it
        assertThatThrownBy(() -> users.runAs(field.admin(), () -> fieldCases.assign(List.of(first.id()), "dtv-trn")))
                .hasMessage("training.assign.untrained");

        // and the supervisor's page does not offer them, saying why
        String offered = mvc.perform(get("/fieldwork/face-to-face").param("campaign", Long.toString(field.campaignId()))
                        .with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // (offered once: in the filter by holder, not in "give to")
        assertThat(offered).contains("chỉ liệt kê điều tra viên đã đạt bài kiểm tra tập huấn");
        assertThat(offered.split("<option value=\"dtv-trn\">", -1)).hasSize(2);

        // a failed attempt (every answer wrong) is recorded and does not count
        MockHttpServletRequestBuilder failing = post("/campaigns/" + field.campaignId() + "/training/quiz")
                .with(SignedIn.as(interviewer)).with(csrf());
        for (TrainingRepository.QuizQuestion q : quiz) {
            failing.param("q" + q.id(), Integer.toString((q.correct() + 1) % q.options().size()));
        }
        mvc.perform(failing).andExpect(status().is3xxRedirection());
        assertThat(repository.attempts(field.campaignId(), "dtv-trn")).singleElement()
                .satisfies(a -> assertThat(a.passed()).isFalse());
        assertThat(training.isTrained(field.campaignId(), "dtv-trn")).isFalse();
        assertThat(assign(field, first, "dtv-trn")).isEqualTo("training.assign.untrained");

        // an attempt with a question left out is refused, naming the question, and not recorded
        MockHttpServletRequestBuilder partial = post("/campaigns/" + field.campaignId() + "/training/quiz")
                .with(SignedIn.as(interviewer)).with(csrf());
        for (TrainingRepository.QuizQuestion q : quiz.subList(0, quiz.size() - 1)) {
            partial.param("q" + q.id(), Integer.toString(q.correct()));
        }
        mvc.perform(partial).andExpect(flash().attribute("problem", "training.quiz.unanswered"));
        assertThat(repository.attempts(field.campaignId(), "dtv-trn")).hasSize(1);

        // 5 of 6 right is 83%, above the pass mark of 80%: trained, and the case goes
        MockHttpServletRequestBuilder passing = post("/campaigns/" + field.campaignId() + "/training/quiz")
                .with(SignedIn.as(interviewer)).with(csrf());
        for (int i = 0; i < quiz.size(); i++) {
            TrainingRepository.QuizQuestion q = quiz.get(i);
            int chosen = i == 0 ? (q.correct() + 1) % q.options().size() : q.correct();
            passing.param("q" + q.id(), Integer.toString(chosen));
        }
        mvc.perform(passing).andExpect(status().is3xxRedirection());
        assertThat(training.isTrained(field.campaignId(), "dtv-trn")).isTrue();
        assertThat(assign(field, first, "dtv-trn")).isNull();
        assertThat(fieldCases.find(first.id()).orElseThrow().assignedTo()).isEqualTo("dtv-trn");
        // now offered to give cases to, besides the filter by holder
        assertThat(mvc.perform(get("/fieldwork/face-to-face").param("campaign", Long.toString(field.campaignId()))
                        .with(SignedIn.as(field.admin()))).andReturn().getResponse().getContentAsString()
                .split("<option value=\"dtv-trn\">", -1)).hasSize(3);

        // the list of trained people, on the page and as CSV
        users.runAs(field.admin(), () -> training.addSession(field.campaignId(), LocalDate.of(2025, 3, 2), "Hội trường UBND tỉnh",
                "Trần Thị Giảng", "dtv-trn"));
        String list = mvc.perform(get("/campaigns/" + field.campaignId() + "/training").with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Hội trường UBND tỉnh", "Trần Thị Giảng", "dtv-trn", "5/6");
        byte[] csv = mvc.perform(get("/campaigns/" + field.campaignId() + "/training/trained.csv").with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", ""))).getRecords();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("username")).isEqualTo("dtv-trn");
            assertThat(r.get("correct")).isEqualTo("5");
            assertThat(r.get("questions")).isEqualTo("6");
            assertThat(r.get("sessions_attended")).isEqualTo("1");
        });
        // every attempt and change is in the audit log
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'training.quiz.attempt' AND entity_id = :c")
                .param("c", Long.toString(field.campaignId())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theQuizAsksWhichCodeMeansWhatFromTheMethodologysCodebook() {
        List<QuizFromGuide.Drafted> drafted = QuizFromGuide.candidates(methodologies.find("mot-cua-2018", 1).orElseThrow());
        // the quick rating's scale: 1 Không hài lòng, 2 Hài lòng, 3 Rất hài lòng; satisfied 2 and 3
        QuizFromGuide.Drafted satisfied = drafted.stream().filter(d -> d.generatedFrom().equals("scale:quick3:code:2")).findFirst()
                .orElseThrow();
        assertThat(satisfied.prompt()).isEqualTo("Câu «Ông/Bà đánh giá thế nào về việc giải quyết hồ sơ này?»: mã nào nghĩa là «Hài lòng»?");
        assertThat(satisfied.options().get(satisfied.correct())).isEqualTo("2");
        QuizFromGuide.Drafted counted = drafted.stream().filter(d -> d.generatedFrom().equals("scale:quick3:satisfied:all"))
                .findFirst().orElseThrow();
        assertThat(counted.options().get(counted.correct())).isEqualTo("2, 3");
        QuizFromGuide.Drafted reason = drafted.stream().filter(d -> d.generatedFrom().equals("choices:reasons:phi")).findFirst()
                .orElseThrow();
        assertThat(reason.prompt()).contains("«Phí, lệ phí hoặc chi phí ngoài quy định»");
        assertThat(reason.options().get(reason.correct())).isEqualTo("phi");
        assertThat(drafted).allSatisfy(d -> assertThat(d.options()).hasSizeBetween(2, QuizFromGuide.OPTIONS).doesNotHaveDuplicates());
        // a short quiz covers the guide: the first questions are from the scale, its satisfied levels and the reasons' codes
        assertThat(drafted.subList(0, 3)).extracting(QuizFromGuide.Drafted::generatedFrom)
                .containsExactly("scale:quick3:code:1", "scale:quick3:satisfied:all", "choices:reasons:thai_do");
    }

    @Test
    void onlyAdministratorsSetTheTrainingAndTheQuizIsTakenWithinOnesScope() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("TRS", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser analyst = new CurrentUser("pt-trs", Set.of(Role.ANALYST), field.province());
        mvc.perform(post("/campaigns/" + field.campaignId() + "/training/settings").with(SignedIn.as(analyst)).with(csrf())
                        .param("required", "true").param("passMark", "80"))
                .andExpect(status().isForbidden());
        assertThat(training.required(field.campaignId())).isFalse();
        mvc.perform(post("/campaigns/" + field.campaignId() + "/training/settings").with(SignedIn.as(field.admin())).with(csrf())
                        .param("required", "true").param("passMark", "0"))
                .andExpect(flash().attribute("problem", "training.settings.passMark"));
        long elsewhere = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        long other = TestFrame.unit(jdbc, "TRS", "X", "Tỉnh khác TRS", "PROVINCE", "Tỉnh", elsewhere, "/VN/");
        CurrentUser outsider = new CurrentUser("dtv-trs-x", Set.of(Role.INTERVIEWER), other);
        mvc.perform(get("/campaigns/" + field.campaignId() + "/training/quiz").with(SignedIn.as(outsider)))
                .andExpect(status().isForbidden());
    }

    /** Gives (or with {@code to} empty takes back) a face-to-face case from the supervisor's page: the refusal's key, or null. */
    private String assign(FieldworkFixtures.InField field, FieldCase fieldCase, String to) throws Exception {
        Object problem = mvc.perform(post("/fieldwork/face-to-face/assign").with(SignedIn.as(field.admin())).with(csrf())
                        .param("campaign", Long.toString(field.campaignId())).param("case", Long.toString(fieldCase.id()))
                        .param("to", to))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem");
        return (String) problem;
    }
}
