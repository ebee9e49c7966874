package org.sipas.collection;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A browser test class: the application on a random port and one Chromium for all of the class's tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    private final boolean javascript;

    @LocalServerPort
    int port;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    Chromium chromium;
    WebDriver browser;

    BrowserJourney(boolean javascript) {
        this.javascript = javascript;
    }

    @BeforeAll
    void startChromium() throws IOException {
        chromium = Chromium.start(javascript);
        browser = chromium.driver();
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
