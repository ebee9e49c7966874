package org.sipas.collection;

import org.sipas.collection.Questionnaire.Walk;

/** A citizen's sitting, held by a survey token: answers wait in PostgreSQL, the submit stores the response. */
final class TokenSitting implements Sitting {

    private final SurveyToken token;
    private final Questionnaire questionnaire;
    private final String unitName;
    private final Drafts drafts;
    private final Responses responses;
    private final String submitKey;

    /** @param submitKey the idempotency key of the submit being handled, or null */
    TokenSitting(SurveyToken token, Questionnaire questionnaire, String unitName, Drafts drafts, Responses responses,
                 String submitKey) {
        this.submitKey = submitKey;
        this.token = token;
        this.questionnaire = questionnaire;
        this.unitName = unitName;
        this.drafts = drafts;
        this.responses = responses;
    }

    @Override
    public Questionnaire questionnaire() {
        return questionnaire;
    }

    @Override
    public String path() {
        return "/s/" + token.token();
    }

    @Override
    public Draft draft() {
        return drafts.find(token.token()).orElseGet(Draft::fresh);
    }

    @Override
    public void keep(Draft draft) {
        drafts.keep(token.token(), draft);
    }

    @Override
    public boolean submit(Walk walk, Draft draft) {
        return responses.store(token, walk.stored(), draft.startedAt(), submitKey);
    }

    @Override
    public boolean isPreview() {
        return false;
    }

    @Override
    public String unitName() {
        return unitName;
    }
}
