package org.sipas.collection.online;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Answers the one-stop quick rating (mot-cua-2018, one step) at /s/{token} as a respondent's browser posts it. */
final class QuickRating {

    private QuickRating() {
    }

    /** Posts the rating step ("Tiếp tục"): the answers are kept as the draft, the summary comes next. */
    static ResultActions rate(MockMvc mvc, String token, String satisfaction) throws Exception {
        return mvc.perform(post("/s/" + token).with(csrf()).param("step", "0").param("go", "next")
                .param("shown", "satisfaction", "reasons", "reason_text", "official")
                .param("a.satisfaction", satisfaction));
    }

    /** Presses "Gửi phiếu trả lời" on the summary. */
    static ResultActions submit(MockMvc mvc, String token) throws Exception {
        return mvc.perform(post("/s/" + token + "/submit").with(csrf()));
    }

    /** Presses "Gửi phiếu trả lời" on a summary whose form carries {@code key}. */
    static ResultActions submit(MockMvc mvc, String token, String key) throws Exception {
        return mvc.perform(post("/s/" + token + "/submit").with(csrf()).param("key", key));
    }
}
