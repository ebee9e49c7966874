package org.sipas.quality;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding of open answers (đánh mã): coders walk a campaign's uncoded open answers (the text
 * questions of its methodology) of the units in their scope and give each one or more codes of the
 * methodology's frame (pass 1, the coding of record). A reproducible sample of the coded answers
 * (the campaign's recorded seed) is coded again, blind, by another coder (pass 2); the two passes
 * give the inter-coder agreement, Cohen's kappa per code and overall ({@link CohenKappa}).
 */
@Service
class Coding {

    /** What the coder's page shows next: an answer to code (null: nothing left), blind in pass 2. */
    record Next(long campaignId, CodingRepository.OpenAnswer answer, int pass, Label question, List<CodingRepository.Code> frame,
                int leftFirst, int leftSecond) {
    }

    /** One code's agreement: how many answers each pass gave it, and κ (null when it cannot be told). */
    record CodeAgreement(String code, Label label, long first, long second, Double kappa) {
    }

    /** The campaign's agreement over the answers both passes coded, of units within the caller's scope. */
    record Agreement(long campaignId, String methodologyCode, int methodologyVersion, int answers, int coded, double share,
                     List<CodeAgreement> codes, Double overall) {
    }

    private final CodingRepository repository;
    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final Methodologies methodologies;
    private final AuditLog audit;
    private final SecureRandom seeds = new SecureRandom();

    Coding(CodingRepository repository, CampaignScope campaigns, UnitScope scope, CurrentUsers users, Methodologies methodologies,
           AuditLog audit) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.scope = scope;
        this.users = users;
        this.methodologies = methodologies;
        this.audit = audit;
    }

    /**
     * Whether an answer is in the campaign's second-coding sample: a draw seeded by the campaign's
     * seed, the response and the question, so the same answers are sampled whenever asked and
     * whatever arrives later.
     */
    static boolean inSample(long seed, long responseId, String question, double share) {
        return new SplittableRandom(seed ^ (responseId * 0x9E3779B97F4A7C15L) ^ ((long) question.hashCode() << 32)).nextDouble() < share;
    }

    /** The caller's next answer: a sampled one another coder coded first (blind), else one nobody coded. */
    @Transactional
    Next next(long campaignId) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        Methodology methodology = methodology(campaign);
        Map<String, Question> open = openQuestions(methodology);
        List<CodingRepository.Code> frame = repository.frame(campaign.methodologyCode(), campaign.methodologyVersion());
        List<CodingRepository.OpenAnswer> second = secondPass(campaign, open.keySet());
        List<CodingRepository.OpenAnswer> first = repository.uncoded(campaign.id(), open.keySet(), scope.unitId(), 1);
        CodingRepository.OpenAnswer answer = !second.isEmpty() ? second.get(0) : first.isEmpty() ? null : first.get(0);
        int pass = !second.isEmpty() ? 2 : 1;
        return new Next(campaign.id(), answer, pass, answer == null ? null : open.get(answer.question()).label(), frame,
                first.size(), second.size());
    }

    /** The sampled answers coded first by someone else and not yet a second time, of units within the caller's scope. */
    private List<CodingRepository.OpenAnswer> secondPass(FieldCampaign campaign, Set<String> questions) {
        long seed = repository.sampleSeed(campaign.id(), seeds.nextLong());
        double share = repository.sampleShare(campaign.id());
        String me = users.actorName();
        Map<String, String> firstCoder = new HashMap<>();
        repository.codings(campaign.id(), scope.unitId()).stream().filter(c -> c.pass() == 1)
                .forEach(c -> firstCoder.put(c.responseId() + "/" + c.question(), c.coder()));
        return repository.uncoded(campaign.id(), questions, scope.unitId(), 2).stream().filter(a -> {
            String coder = firstCoder.get(a.responseId() + "/" + a.question());
            return coder != null && !coder.equals(me) && inSample(seed, a.responseId(), a.question(), share);
        }).toList();
    }

    /**
     * Records the caller's codes of an answer: the codes of the frame, at least one; pass 2 only for
     * a sampled answer another coder coded first. 403 outside the caller's scope.
     */
    @Transactional
    void code(long campaignId, Long responseId, String question, Integer pass, List<String> codes) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        if (responseId == null || question == null || question.isBlank()) {
            throw new IllegalArgumentException("responseId: which answer is coded");
        }
        Map<String, Question> open = openQuestions(methodology(campaign));
        if (!open.containsKey(question)) {
            throw new IllegalArgumentException("question: " + question + " is not an open question of the campaign's methodology");
        }
        CodingRepository.OpenAnswer answer = repository.answer(campaign.id(), responseId, question)
                .orElseThrow(() -> new IllegalArgumentException("responseId: response " + responseId + " has no answer to " + question
                        + " in campaign " + campaign.id()));
        scope.require(answer.unitId());
        int p = pass == null ? 1 : pass;
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException("pass: 1 or 2");
        }
        Set<String> known = new LinkedHashSet<>();
        repository.frame(campaign.methodologyCode(), campaign.methodologyVersion()).forEach(c -> known.add(c.code()));
        List<String> given = codes == null ? List.of() : codes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        if (given.isEmpty()) {
            throw new IllegalArgumentException("codes: at least one code");
        }
        for (String c : given) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException("codes: " + c + " is not a code of the frame " + known);
            }
        }
        String me = users.actorName();
        if (p == 2) {
            CodingRepository.Coded firstCoding = repository.coding(responseId, question, 1)
                    .orElseThrow(() -> new IllegalArgumentException("pass: the answer has no first coding yet"));
            long seed = repository.sampleSeed(campaign.id(), seeds.nextLong());
            if (firstCoding.coder().equals(me) || !inSample(seed, responseId, question, repository.sampleShare(campaign.id()))) {
                throw new IllegalArgumentException("pass: the second coding is of a sampled answer, by another coder");
            }
        }
        if (!repository.code(campaign.id(), responseId, question, p, me, given)) {
            throw new IllegalArgumentException("responseId: the answer is coded already (pass " + p + ", or by you in the other pass)");
        }
        audit.record("coding.code", "response", Long.toString(responseId), null,
                Map.of("question", question, "pass", p, "codes", given), "campaign " + campaign.id());
    }

    /** Cohen's kappa per code and overall between the two passes, of the units within the caller's scope. */
    @Transactional(readOnly = true)
    Agreement agreement(long campaignId) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        List<CodingRepository.Code> frame = repository.frame(campaign.methodologyCode(), campaign.methodologyVersion());
        Map<String, Set<String>> first = new LinkedHashMap<>();
        Map<String, Set<String>> second = new HashMap<>();
        for (CodingRepository.Coded c : repository.codings(campaign.id(), scope.unitId())) {
            (c.pass() == 1 ? first : second).put(c.responseId() + "/" + c.question(), c.codes());
        }
        List<Set<String>> a = new ArrayList<>();
        List<Set<String>> b = new ArrayList<>();
        first.forEach((key, codes) -> {
            if (second.containsKey(key)) {
                a.add(codes);
                b.add(second.get(key));
            }
        });
        List<String> names = frame.stream().map(CodingRepository.Code::code).toList();
        Map<String, Double> kappas = CohenKappa.perCode(a, b, names);
        List<CodeAgreement> codes = frame.stream().map(c -> new CodeAgreement(c.code(), c.label(),
                a.stream().filter(s -> s.contains(c.code())).count(), b.stream().filter(s -> s.contains(c.code())).count(),
                told(kappas.get(c.code())))).toList();
        return new Agreement(campaign.id(), campaign.methodologyCode(), campaign.methodologyVersion(), a.size(), first.size(), repository.sampleShare(campaign.id()), codes,
                told(kappas.get(CohenKappa.OVERALL)));
    }

    /** κ is undefined when both coders used one category only (or coded nothing): no figure, rather than NaN. */
    private static Double told(double kappa) {
        return Double.isNaN(kappa) ? null : kappa;
    }

    /** The frame of the campaign's methodology version (for pages and the API). */
    @Transactional(readOnly = true)
    List<CodingRepository.Code> frame(long campaignId) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        return repository.frame(campaign.methodologyCode(), campaign.methodologyVersion());
    }

    private Methodology methodology(FieldCampaign campaign) {
        return methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion()).orElseThrow();
    }

    private static Map<String, Question> openQuestions(Methodology methodology) {
        Map<String, Question> open = new LinkedHashMap<>();
        methodology.questions().filter(q -> q.type() == QuestionType.TEXT).forEach(q -> open.put(q.name(), q));
        return open;
    }
}
