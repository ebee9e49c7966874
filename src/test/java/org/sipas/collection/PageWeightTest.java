package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipas.collection.SipasAnswers.CODE;
import static org.sipas.collection.SipasAnswers.STEPS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A citizen on a cheap phone and a slow connection: every page of the SIPAS questionnaire, with
 * its stylesheet, weighs under 60 KB before compression. htmx is left out of the budget: it is
 * optional (the pages work without it), cached after the first page and the same for every page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageWeightTest {

    private static final int BUDGET = 60 * 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theHeaviestSipasPageWithItsStylesheetWeighsUnderSixtyKilobytes() throws Exception {
        // a commune with thirty officials to pick from, every follow-up asked
        String[] officials = IntStream.rangeClosed(1, 30).mapToObj(i -> "COL-WGT-%02d".formatted(i)).toArray(String[]::new);
        long unit = CollectionCatalog.unitWithOfficials(jdbc, "COL-WGT", officials);
        Respondent respondent = new Respondent(mvc, "/s/" + tokens.issue(CODE, 1, null, unit)).open();
        for (var step : STEPS) {
            respondent.next(step);
            if (respondent.page().contains("role=\"status\"")) {
                respondent.next(step);
            }
        }
        int heaviest = 0;
        int heaviestStep = 0;
        for (int step = 0; step <= STEPS.size(); step++) {
            int bytes = respondent.open(step).page().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > heaviest) {
                heaviest = bytes;
                heaviestStep = step;
            }
        }
        byte[] page = respondent.open(heaviestStep).page().getBytes(StandardCharsets.UTF_8);
        byte[] css = mvc.perform(get("/collection/survey.css")).andReturn().getResponse().getContentAsByteArray();
        byte[] htmx = mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn().getResponse().getContentAsByteArray();

        System.out.printf("Survey page weight: heaviest step %d: HTML %d B (gzip %d B) + CSS %d B (gzip %d B) = %d B (gzip %d B);"
                        + " with htmx %d B (gzip %d B): %d B (gzip %d B); budget %d B%n",
                heaviestStep + 1, page.length, gzip(page), css.length, gzip(css), page.length + css.length,
                gzip(page) + gzip(css), htmx.length, gzip(htmx), page.length + css.length + htmx.length,
                gzip(page) + gzip(css) + gzip(htmx), BUDGET);
        assertThat(css).isNotEmpty();
        assertThat(htmx).isNotEmpty();
        assertThat(page.length + css.length).isLessThan(BUDGET);
    }

    private static int gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }
}
