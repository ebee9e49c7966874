package org.sipas.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.web.PageOf;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interviewer and clerk training (tập huấn điều tra) of a campaign: whether the campaign requires
 * it before anyone is given its cases, the sessions held (when, where, who trained, who came), the
 * quiz on the interviewer's guide with its pass mark, every attempt at it, and the list of trained
 * people.
 *
 * <p>Trained means: passed the campaign's quiz at least once. A failed attempt is kept and counts
 * for nothing; attendance at a session is recorded beside it but does not replace the quiz. Once a
 * campaign requires training, {@link #mayBeAssigned} is what the assignment of its cases asks (the
 * phone and face-to-face pages and APIs all assign through {@link FieldCases#assign}).
 *
 * <p>Administrators (ADMIN, PROVINCE_ADMIN) of the campaign's scope set the rule and the quiz and
 * record sessions; anyone whose scope meets the campaign's takes the quiz. Every change and every
 * attempt is in the audit log.
 */
@Service
public class Training {

    private static final String ENTITY = "campaign";
    /** Questions a first "generate from the guide" adds when the manager does not say. */
    static final int GENERATED = 5;

    /** The training of a campaign as its page shows it. */
    record Overview(Campaign campaign, TrainingRepository.Settings settings, List<TrainingRepository.Session> sessions,
                    List<TrainingRepository.QuizQuestion> questions, List<TrainingRepository.TrainedRow> trained,
                    boolean mayManage) {
    }

    /** A quiz as its taker sees it: the questions without their answers. */
    record Quiz(FieldCampaign campaign, int passMark, List<Item> items, List<TrainingRepository.Attempt> attempts,
                boolean trained) {
    }

    /** A question to answer: its options in order, the right one not said. */
    record Item(long id, int number, String prompt, List<String> options) {
    }

    /** What an attempt came to. */
    record Result(int correct, int questions, int passMark, boolean passed) implements java.io.Serializable {

        int percent() {
            return questions == 0 ? 0 : (int) Math.floor(correct * 100.0 / questions);
        }
    }

    /** A refusal of a form, with the message key and what it names (a question number, a user name). */
    static class Refused extends RuntimeException {

        final transient Object[] args;

        Refused(String key, Object... args) {
            super(key);
            this.args = args;
        }
    }

    private final TrainingRepository repository;
    private final Campaigns campaigns;
    private final CampaignScope scope;
    private final Methodologies methodologies;
    private final StaffAccounts accounts;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final FieldCampaigns fieldCampaigns;
    private final UnitScope units;

    Training(TrainingRepository repository, Campaigns campaigns, CampaignScope scope, Methodologies methodologies,
             StaffAccounts accounts, CurrentUsers users, AuditLog audit, FieldCampaigns fieldCampaigns, UnitScope units) {
        this.fieldCampaigns = fieldCampaigns;
        this.units = units;
        this.repository = repository;
        this.campaigns = campaigns;
        this.scope = scope;
        this.methodologies = methodologies;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    /** Whether the campaign requires its interviewers and clerks to be trained before they are given cases. */
    public boolean required(long campaignId) {
        return repository.settings(campaignId).required();
    }

    /** Whether {@code username} passed the campaign's quiz. */
    public boolean isTrained(long campaignId, String username) {
        return repository.passed(campaignId, username);
    }

    /** Whether cases of the campaign may go to {@code username}: always, unless the campaign requires training they lack. */
    public boolean mayBeAssigned(long campaignId, String username) {
        return !required(campaignId) || isTrained(campaignId, username);
    }

    /**
     * Page {@code page} of the campaigns someone in training may practise and take the quiz for:
     * sampled or in the field, meeting the caller's scope (and for a partner organisation's staff,
     * served by it), newest first. The scope is asked of all campaigns at once; only the page's are read in full.
     */
    @Transactional(readOnly = true)
    public PageOf<FieldCampaign> forTrainees(Integer page, int size) {
        List<TrainingRepository.Active> active = repository.activeCampaigns();
        Set<Long> meeting = units.overlapping(active.stream().map(TrainingRepository.Active::scopeUnitId).distinct().toList());
        java.util.Optional<CurrentUser> user = users.find();
        List<Long> ids = active.stream().filter(a -> meeting.contains(a.scopeUnitId()))
                .filter(a -> user.map(u -> scope.servedFor(u, a.id())).orElse(true))
                .map(TrainingRepository.Active::id).toList();
        PageOf<Long> shown = PageOf.of(ids, page, size);
        return new PageOf<>(shown.items().stream().map(fieldCampaigns::find).flatMap(java.util.Optional::stream).toList(),
                shown.number(), shown.size(), shown.total());
    }

    @Transactional(readOnly = true)
    Overview overview(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        return new Overview(campaign, repository.settings(campaignId), repository.sessions(campaignId),
                repository.questions(campaignId), repository.trained(campaignId), campaigns.mayManage());
    }

    /** The trained people of a campaign, for its list and CSV. */
    @Transactional(readOnly = true)
    List<TrainingRepository.TrainedRow> trained(long campaignId) {
        campaigns.get(campaignId);
        return repository.trained(campaignId);
    }

    /**
     * Sets whether the campaign requires training and the quiz's pass mark (percent of right answers).
     *
     * @throws Refused when the pass mark is not 1-100
     */
    @Transactional
    void settings(long campaignId, boolean required, int passMark) {
        managed(campaignId);
        if (passMark < 1 || passMark > 100) {
            throw new Refused("training.settings.passMark");
        }
        TrainingRepository.Settings before = repository.settings(campaignId);
        TrainingRepository.Settings after = new TrainingRepository.Settings(required, passMark);
        repository.saveSettings(campaignId, after, users.current().name());
        audit.record("training.settings", ENTITY, Long.toString(campaignId), before, after, null);
    }

    /**
     * Records a session: its day, place, trainer and participants (user names of staff accounts,
     * separated by commas, spaces or lines).
     *
     * @throws Refused naming the field that is wrong, or the participant who has no account
     */
    @Transactional
    long addSession(long campaignId, LocalDate heldOn, String place, String trainer, String participants) {
        managed(campaignId);
        if (heldOn == null) {
            throw new Refused("training.session.dateRequired");
        }
        String where = place == null ? "" : place.strip();
        String who = trainer == null ? "" : trainer.strip();
        if (where.isEmpty() || where.length() > 200) {
            throw new Refused("training.session.placeRequired");
        }
        if (who.isEmpty() || who.length() > 200) {
            throw new Refused("training.session.trainerRequired");
        }
        Set<String> people = new LinkedHashSet<>();
        for (String name : (participants == null ? "" : participants).split("[,;\\s]+")) {
            if (!name.isBlank()) {
                people.add(name.strip());
            }
        }
        for (String name : people) {
            if (accounts.account(name).isEmpty()) {
                throw new Refused("training.session.unknownUser", name);
            }
        }
        long id = repository.addSession(campaignId, heldOn, where, who, List.copyOf(people), users.current().name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("heldOn", heldOn.toString());
        after.put("place", where);
        after.put("trainer", who);
        after.put("participants", List.copyOf(people));
        audit.record("training.session", ENTITY, Long.toString(campaignId), null, after, "session " + id);
        return id;
    }

    /**
     * Adds up to {@code count} questions built from the campaign's methodology (its codebook) that
     * the quiz does not have yet.
     *
     * @return how many were added (0 when the guide has no more to give)
     */
    @Transactional
    int generate(long campaignId, int count) {
        Campaign campaign = managed(campaignId);
        Methodology methodology = methodologies.find(campaign.plan().methodologyCode(), campaign.plan().methodologyVersion())
                .orElseThrow(() -> new IllegalStateException("campaign " + campaignId + " uses a missing methodology"));
        Set<String> have = new java.util.HashSet<>();
        repository.questions(campaignId).forEach(q -> {
            if (q.generatedFrom() != null) {
                have.add(q.generatedFrom());
            }
        });
        List<String> added = new ArrayList<>();
        for (QuizFromGuide.Drafted d : QuizFromGuide.candidates(methodology)) {
            if (added.size() >= count) {
                break;
            }
            if (!have.contains(d.generatedFrom())
                    && repository.addQuestion(campaignId, d.prompt(), d.options(), d.correct(), d.generatedFrom(),
                    users.current().name()) > 0) {
                added.add(d.generatedFrom());
            }
        }
        if (!added.isEmpty()) {
            audit.record("training.quiz.generate", ENTITY, Long.toString(campaignId), null, Map.of("questions", added),
                    methodology.code() + " v" + methodology.version());
        }
        return added.size();
    }

    /**
     * Adds a question of the manager's own: its prompt, its options one per line, and the number
     * (from 1) of the right one.
     *
     * @throws Refused naming what is wrong
     */
    @Transactional
    long author(long campaignId, String prompt, String options, Integer correct) {
        managed(campaignId);
        String asked = prompt == null ? "" : prompt.strip();
        if (asked.isEmpty() || asked.length() > 1000) {
            throw new Refused("training.quiz.prompt");
        }
        List<String> offered = (options == null ? "" : options).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (offered.size() < 2 || offered.size() > 10) {
            throw new Refused("training.quiz.options");
        }
        if (offered.stream().distinct().count() != offered.size()) {
            throw new Refused("training.quiz.optionsRepeated");
        }
        if (correct == null || correct < 1 || correct > offered.size()) {
            throw new Refused("training.quiz.correct", offered.size());
        }
        long id = repository.addQuestion(campaignId, asked, offered, correct - 1, null, users.current().name());
        audit.record("training.quiz.author", ENTITY, Long.toString(campaignId), null,
                Map.of("question", id, "prompt", asked, "options", offered, "correct", correct), null);
        return id;
    }

    @Transactional
    void removeQuestion(long campaignId, long questionId) {
        managed(campaignId);
        if (repository.removeQuestion(campaignId, questionId)) {
            audit.record("training.quiz.remove", ENTITY, Long.toString(campaignId), Map.of("question", questionId), null, null);
        }
    }

    /** The quiz for the caller: the campaign must meet their scope. */
    @Transactional(readOnly = true)
    Quiz quiz(long campaignId) {
        FieldCampaign campaign = scope.overlapping(campaignId);
        String me = users.current().name();
        List<Item> items = new ArrayList<>();
        for (TrainingRepository.QuizQuestion q : repository.questions(campaignId)) {
            items.add(new Item(q.id(), items.size() + 1, q.prompt(), q.options()));
        }
        return new Quiz(campaign, repository.settings(campaignId).passMark(), items, repository.attempts(campaignId, me),
                repository.passed(campaignId, me));
    }

    /**
     * The caller's attempt: every question answered (question id → position of the option chosen),
     * scored against the right options and the pass mark, and kept, passed or not.
     *
     * @throws Refused when the quiz has no questions, or naming the first question left unanswered
     */
    @Transactional
    Result take(long campaignId, Map<Long, Integer> answers) {
        scope.overlapping(campaignId);
        CurrentUser me = users.current();
        List<TrainingRepository.QuizQuestion> questions = repository.questions(campaignId);
        if (questions.isEmpty()) {
            throw new Refused("training.quiz.empty");
        }
        int correct = 0;
        Map<Long, Integer> kept = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            TrainingRepository.QuizQuestion q = questions.get(i);
            Integer chosen = answers.get(q.id());
            if (chosen == null || chosen < 0 || chosen >= q.options().size()) {
                throw new Refused("training.quiz.unanswered", i + 1);
            }
            kept.put(q.id(), chosen);
            if (chosen == q.correct()) {
                correct++;
            }
        }
        int passMark = repository.settings(campaignId).passMark();
        // whole numbers only: passed when correct / questions ≥ passMark / 100
        boolean passed = correct * 100 >= passMark * questions.size();
        repository.addAttempt(campaignId, me.name(), kept, correct, questions.size(), passMark, passed);
        Result result = new Result(correct, questions.size(), passMark, passed);
        audit.record("training.quiz.attempt", ENTITY, Long.toString(campaignId), null, result, me.name());
        return result;
    }

    /** A campaign wholly within the caller's scope (403 outside it), managed by an administrator. */
    private Campaign managed(long campaignId) {
        scope.within(campaignId);
        Campaign campaign = campaigns.get(campaignId);
        if (!campaigns.mayManage()) {
            throw new AccessDeniedException("only administrators manage a campaign's training");
        }
        return campaign;
    }
}
