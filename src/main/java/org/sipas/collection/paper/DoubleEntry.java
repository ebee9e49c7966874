package org.sipas.collection.paper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.catalog.CatalogCodes;
import org.sipas.collection.AlreadyAnswered;
import org.sipas.collection.AnswerChecks;
import org.sipas.collection.CampaignNotInField;
import org.sipas.collection.IdempotencyKeyReused;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double entry of paper questionnaires, as CSPro does it: a first clerk keys the paper, a second
 * clerk keys it again without seeing the first's values, and the response is stored only when
 * both agree; where they differ a supervisor reads the paper and settles each differing answer.
 *
 * <p>Each keying locks the paper's row, so two clerks finishing the same paper at the same moment
 * are taken one after the other: the pass a keying becomes is decided then, not when the form
 * was opened. A pass that breaks the questionnaire's rules is not saved: the clerk sees the
 * errors next to the fields and corrects the keying (or the paper goes to a supervisor).
 */
@Service
class DoubleEntry {

    /** What a clerk may key: the paper, its campaign, its unit, and which pass it would be. */
    record Opening(PaperForm form, FieldCampaign campaign, String unitName, int pass) {
    }

    /** What became of a keying. */
    record Keyed(Outcome outcome, int pass, Map<String, String> problems, Long responseId, int differing) {

        static Keyed invalid(int pass, Map<String, String> problems) {
            return new Keyed(Outcome.INVALID, pass, problems, null, 0);
        }
    }

    enum Outcome {
        /** Not saved: the answers break the questionnaire's rules. */
        INVALID,
        /** The first pass is saved; the paper waits for a second clerk. */
        FIRST_PASS,
        /** Both passes agree: the response is stored. */
        STORED,
        /** The passes differ: nothing is stored until a supervisor settles the paper. */
        DIFFERENCES
    }

    /** What a settlement of a paper took for one differing question. */
    enum Pick {
        FIRST("1"), SECOND("2"), PAPER("paper");

        final String code;

        Pick(String code) {
            this.code = code;
        }

        static Pick of(String code) {
            for (Pick pick : values()) {
                if (pick.code.equals(code)) {
                    return pick;
                }
            }
            return null;
        }
    }

    /** The field of a settlement's note in the problems it reports. */
    static final String NOTE = "note";
    private static final int LONGEST_NOTE = 2000;

    private final PaperForms forms;
    private final PaperEntries entries;
    private final PaperSheets sheets;
    private final FieldCampaigns campaigns;
    private final FieldCases cases;
    private final CatalogCodes catalog;
    private final AnswerChecks checks;
    private final ResponseStore store;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final MessageSource messages;
    private final UnitScope scope;
    private final PaperHandouts handouts;

    DoubleEntry(PaperForms forms, PaperEntries entries, PaperSheets sheets, FieldCampaigns campaigns, FieldCases cases,
                CatalogCodes catalog, AnswerChecks checks, ResponseStore store, CurrentUsers users, AuditLog audit,
                MessageSource messages, UnitScope scope, PaperHandouts handouts) {
        this.handouts = handouts;
        this.forms = forms;
        this.entries = entries;
        this.sheets = sheets;
        this.campaigns = campaigns;
        this.cases = cases;
        this.catalog = catalog;
        this.checks = checks;
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        this.scope = scope;
    }

    /**
     * The paper a keyed number names, if the caller may key it now.
     *
     * @throws PaperRefused naming why not: a wrong number or check digit, a number never printed
     *                      (or, once the campaign hands papers out, never handed out), a campaign not in the field, a unit outside the clerk's scope, a paper
     *                      already stored, keyed twice, or keyed first by this same clerk
     */
    Opening open(String keyedNumber) {
        CurrentUser clerk = requireClerk();
        PaperForm form = form(keyedNumber);
        return opening(form, clerk, entries.of(form.number()));
    }

    /**
     * Keys one pass of a paper.
     *
     * @param keyed    question → what the clerk keyed, in the paper's codes
     * @param openedAt when the clerk opened the paper's form (the keying's start)
     */
    @Transactional
    Keyed key(String number, Map<String, String> keyed, Instant openedAt, Locale locale) {
        CurrentUser clerk = requireClerk();
        PaperForm form = forms.lock(parse(number).text()).orElseThrow(() -> new PaperRefused("paper.refused.unknown"));
        List<PaperEntry> before = entries.of(form.number());
        Opening opening = opening(form, clerk, before);
        PaperSheet sheet = sheets.sheet(opening.campaign().methodologyCode(), opening.campaign().methodologyVersion(),
                form.unitId(), locale);
        AnswerChecks.Checked checked = checks.check(sheet.methodologyCode(), sheet.methodologyVersion(), form.unitId(),
                sheet.typed(keyed), locale);
        if (!checked.isValid()) {
            return Keyed.invalid(opening.pass(), checked.problems());
        }
        Instant start = openedAt == null || openedAt.isAfter(Instant.now()) ? Instant.now() : openedAt;
        PaperEntry entry = entries.insert(form.number(), opening.pass(), clerk.name(), checked.stored(),
                List.copyOf(checked.asked()), start);
        // a keyed paper is one that came back filled, whether or not its return was recorded
        handouts.keyed(form, clerk.name());
        if (opening.pass() == 1) {
            return new Keyed(Outcome.FIRST_PASS, 1, Map.of(), null, 0);
        }
        PaperEntry first = before.get(0);
        Set<String> compared = new LinkedHashSet<>(first.asked());
        compared.addAll(entry.asked());
        List<String> differing = compared.stream().filter(q -> !first.answer(q).equals(entry.answer(q))).toList();
        entries.compared(form.number(), compared.size(), differing);
        if (!differing.isEmpty()) {
            return new Keyed(Outcome.DIFFERENCES, 2, Map.of(), null, differing.size());
        }
        long response = storeResponse(opening.campaign(), form, checked.stored(), first, entry);
        return new Keyed(Outcome.STORED, 2, Map.of(), response, 0);
    }

    /**
     * Settles a paper whose passes differ: for each differing question the supervisor took the
     * first pass's value, the second's, or typed the value read from the paper. The answers are
     * checked as any keying is, then stored, and the settlement audited with both values before
     * and the chosen one after.
     *
     * @param picks     differing question → "1", "2" or "paper"
     * @param fromPaper differing question → the value typed from the paper, in the paper's codes (for "paper")
     * @return question (or {@link #NOTE}) → what is wrong; empty when the response was stored
     */
    @Transactional
    Map<String, String> settle(String number, Map<String, String> picks, Map<String, String> fromPaper, String note,
                               Locale locale) {
        Differences differences = differences(number, locale, true);
        PaperSheet sheet = differences.sheet();
        PaperEntry first = differences.first();
        PaperEntry second = differences.second();
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        // the questions both passes agree on, as the checks read them
        Set<String> all = new LinkedHashSet<>(first.answers().keySet());
        all.addAll(second.answers().keySet());
        for (String question : all) {
            if (!differences.differing().contains(question)) {
                typed.putAll(sheet.checkable(Map.of(question, first.answer(question))));
            }
        }
        for (String question : differences.differing()) {
            Pick pick = Pick.of(picks.getOrDefault(question, ""));
            if (pick == null) {
                problems.put(question, text("paper.settle.pick", locale));
                continue;
            }
            chosen.put(question, pick.code);
            switch (pick) {
                case FIRST -> typed.putAll(sheet.checkable(Map.of(question, first.answer(question))));
                case SECOND -> typed.putAll(sheet.checkable(Map.of(question, second.answer(question))));
                case PAPER -> typed.putAll(sheet.typed(Map.of(question, fromPaper.getOrDefault(question, ""))));
            }
        }
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            problems.put(NOTE, text("paper.settle.note.required", locale));
        } else if (why.length() > LONGEST_NOTE) {
            problems.put(NOTE, text("paper.settle.note.tooLong", locale, LONGEST_NOTE));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        typed.values().removeIf(String::isEmpty);
        AnswerChecks.Checked checked = checks.check(sheet.methodologyCode(), sheet.methodologyVersion(),
                differences.form().unitId(), typed, locale);
        if (!checked.isValid()) {
            return checked.problems();
        }
        long response = storeResponse(differences.campaign(), differences.form(), checked.stored(), first, second);
        entries.settled(number, chosen, checked.stored(), why, response, users.current().name());
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        for (String question : differences.differing()) {
            was.put(question, Map.of("pass1", first.answer(question), "pass2", second.answer(question)));
            now.put(question, checked.stored().getOrDefault(question, ""));
        }
        audit.record("paper.settle", "paper_form", number, was, now, why);
        return Map.of();
    }

    /** A paper whose two passes differ, as a supervisor settles it. */
    record Differences(PaperForm form, FieldCampaign campaign, String unitName, PaperSheet sheet, PaperEntry first,
                       PaperEntry second, List<String> differing, PaperEntries.Settlement settlement) {
    }

    /**
     * The two passes of a paper and the questions where they differ, for a supervisor whose scope
     * holds the paper's unit.
     *
     * @param unsettled true: refuse a paper that is already settled
     */
    Differences differences(String number, Locale locale, boolean unsettled) {
        CurrentUser supervisor = requireSupervisor();
        PaperForm form = (unsettled ? forms.lock(number) : forms.find(number)).orElseThrow(() -> new PaperRefused("paper.refused.unknown"));
        requireWithin(supervisor, form.unitId());
        List<PaperEntry> passes = entries.of(number);
        PaperEntries.Comparison comparison = entries.comparison(number).orElse(null);
        if (passes.size() < 2 || comparison == null || comparison.differing().isEmpty()) {
            throw new PaperRefused("paper.settle.nothing");
        }
        PaperEntries.Settlement settlement = entries.settlement(number).orElse(null);
        if (unsettled && settlement != null) {
            throw new PaperRefused("paper.settle.already");
        }
        FieldCampaign campaign = campaigns.find(form.campaignId()).orElseThrow();
        if (unsettled && !campaign.isInField()) {
            throw new PaperRefused("paper.refused.notInField");
        }
        PaperSheet sheet = sheets.sheet(campaign.methodologyCode(), campaign.methodologyVersion(), form.unitId(), locale);
        return new Differences(form, campaign, catalog.unit(form.unitId()).name(), sheet, passes.get(0), passes.get(1),
                comparison.differing(), settlement);
    }

    private long storeResponse(FieldCampaign campaign, PaperForm form, Map<String, String> answers, PaperEntry first,
                               PaperEntry last) {
        Submission submission = Submission.of(ResponseChannel.PAPER, campaign.methodologyCode(), campaign.methodologyVersion(),
                        form.unitId(), answers, first.openedAt())
                .inCampaign(campaign.id()).onPaper(form.number()).collectedBy(first.clerk())
                .withIdempotencyKey("paper-" + form.number()).finished(last.keyedAt(), null);
        if (form.sampleMemberId() != null) {
            FieldCase fieldCase = cases.find(form.sampleMemberId()).orElseThrow();
            submission = submission.forCase(campaign.id(), fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId());
        }
        try {
            return store.store(submission).responseId();
        } catch (AlreadyAnswered e) {
            throw new PaperRefused(e.reason() == AlreadyAnswered.Reason.PAPER_NUMBER_TAKEN ? "paper.refused.stored"
                    : "paper.refused.caseAnswered");
        } catch (IdempotencyKeyReused e) {
            // the key is the paper's number: another response under it is this paper stored before
            throw new PaperRefused("paper.refused.stored");
        } catch (CampaignNotInField e) {
            // closed after the checks of this entry: the store's word is the last
            throw new PaperRefused("paper.refused.notInField");
        }
    }

    private PaperForm form(String keyedNumber) {
        return forms.find(parse(keyedNumber).text()).orElseThrow(() -> new PaperRefused("paper.refused.unknown"));
    }

    private static PaperNumber parse(String keyedNumber) {
        try {
            return PaperNumber.parse(keyedNumber);
        } catch (PaperNumber.Invalid e) {
            throw new PaperRefused(e.getMessage());
        }
    }

    private Opening opening(PaperForm form, CurrentUser clerk, List<PaperEntry> passes) {
        FieldCampaign campaign = campaigns.find(form.campaignId()).orElseThrow();
        if (!campaign.isInField()) {
            throw new PaperRefused("paper.refused.notInField");
        }
        requireWithin(clerk, form.unitId());
        if (entries.response(campaign.id(), form.number()).isPresent()) {
            throw new PaperRefused("paper.refused.stored");
        }
        if (form.sampleMemberId() != null && store.isAnswered(form.sampleMemberId())) {
            throw new PaperRefused("paper.refused.caseAnswered");
        }
        if (form.sampleMemberId() != null && !isActive(form.sampleMemberId())) {
            throw new PaperRefused("paper.refused.replaced");
        }
        if (passes.size() >= 2) {
            throw new PaperRefused("paper.refused.third");
        }
        // once the campaign hands its papers out, a number nobody handed out is no paper of the survey
        handouts.requireHandedOut(form);
        if (passes.stream().anyMatch(p -> p.clerk().equals(clerk.name()))) {
            throw new PaperRefused("paper.refused.sameClerk");
        }
        return new Opening(form, campaign, catalog.unit(form.unitId()).name(), passes.size() + 1);
    }

    /** Whether the case is still in the sample: a case replaced by a reserve after its paper was printed no longer counts. */
    private boolean isActive(long caseId) {
        return cases.find(caseId).flatMap(c -> cases.ofDossier(c.campaignId(), c.dossierId()))
                .filter(c -> c.id() == caseId).isPresent();
    }

    private CurrentUser requireClerk() {
        CurrentUser caller = users.current();
        if (!caller.has(Role.DATA_ENTRY)) {
            throw new AccessDeniedException("only data-entry clerks key paper questionnaires");
        }
        return caller;
    }

    private CurrentUser requireSupervisor() {
        CurrentUser caller = users.current();
        if (!caller.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.UNIT_MANAGER)) {
            throw new AccessDeniedException("only supervisors settle paper questionnaires");
        }
        return caller;
    }

    private void requireWithin(CurrentUser user, long unitId) {
        if (!scope.covers(user, unitId)) {
            throw new PaperRefused("paper.refused.scope");
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
