package org.sipas.collection;

import jakarta.servlet.http.HttpSession;

import org.sipas.campaign.FieldCampaign;

/**
 * Someone in training answering a practice case: the citizen's pages and checks, the answers kept
 * in the trainee's session between steps, and the submit stored as a practice response
 * ({@link PracticeCases#store}), never as a response.
 */
final class PracticeSitting extends SessionSitting {

    private final PracticeCases practice;
    private final PracticeCases.PracticeCase practiceCase;
    private final FieldCampaign campaign;
    private final String unitName;

    PracticeSitting(Questionnaire questionnaire, String path, HttpSession session, PracticeCases practice,
                    PracticeCases.PracticeCase practiceCase, FieldCampaign campaign, String unitName) {
        super(questionnaire, path, session, "practice");
        this.practice = practice;
        this.practiceCase = practiceCase;
        this.campaign = campaign;
        this.unitName = unitName;
    }

    /** Stored apart as practice, then the case starts afresh. */
    @Override
    public boolean submit(Questionnaire.Walk walk, Draft draft) {
        practice.store(practiceCase, campaign, walk.stored(), draft.startedAt());
        kept.drop();
        return true;
    }

    @Override
    public boolean isPreview() {
        return false;
    }

    @Override
    public boolean isPractice() {
        return true;
    }

    @Override
    public String unitName() {
        return unitName;
    }
}
