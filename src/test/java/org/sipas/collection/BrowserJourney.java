package org.sipas.collection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A browser test class of the questionnaire: {@link InTheBrowser} with the survey tokens and the stored answers at hand. */
abstract class BrowserJourney extends InTheBrowser {

    @Autowired
    SurveyTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    BrowserJourney(boolean javascript) {
        super(javascript);
    }
}
