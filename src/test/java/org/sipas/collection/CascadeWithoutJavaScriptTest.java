package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.methodology.XlsFormWorkbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A three-level cascade (province → commune → village, ODK's {@code choice_filter}) on a page
 * without JavaScript: the server filters each level on the step, shows the next level once the
 * one above is answered, and refuses a choice the level above does not leave.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CascadeWithoutJavaScriptTest {

    @Autowired
    MockMvc mvc;

    @Test
    void eachLevelOffersOnlyWhatTheLevelAboveLeavesAndTheServerRefusesTheRest() throws Exception {
        String code = "cascade-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = SignedIn.as(new CurrentUser("cascade-admin", Set.of(Role.ADMIN), 1L));
        mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "cascade.xlsx",
                        "application/octet-stream", XlsFormWorkbooks.threeLevelCascade(code))).with(admin).with(csrf()))
                .andExpect(status().isCreated());
        Respondent respondent = new Respondent(mvc, "/methodologies/" + code + "/1/preview", admin).open();

        assertThat(respondent.shown()).containsExactly("tinh", "gop_y");
        assertThat(respondent.page()).contains("a-tinh-hn", "a-tinh-dn");

        respondent.next(Map.of("tinh", List.of("hn")));
        assertThat(respondent.status()).as("the commune is asked now: the page is shown again").isEqualTo(200);
        assertThat(respondent.shown()).containsExactly("tinh", "xa", "gop_y");
        assertThat(respondent.page()).contains("a-xa-hk", "a-xa-bd").doesNotContain("a-xa-bh");

        respondent.next(Map.of("tinh", List.of("hn"), "xa", List.of("hk")));
        assertThat(respondent.shown()).containsExactly("tinh", "xa", "thon", "gop_y");
        assertThat(respondent.page()).contains("a-thon-t1", "a-thon-t2").doesNotContain("a-thon-t3", "a-thon-t4");

        // the province changed under an answered commune: the commune is refused, not kept
        respondent.next(Map.of("tinh", List.of("dn"), "xa", List.of("hk"), "thon", List.of("t1")));
        assertThat(respondent.status()).isEqualTo(422);
        assertThat(respondent.page()).contains("a-xa-bh").doesNotContain("a-xa-hk");

        respondent.next(Map.of("tinh", List.of("dn"), "xa", List.of("bh"), "thon", List.of("t4")));
        assertThat(respondent.page()).contains("Khu phố 4 Biên Hòa").doesNotContain("name=\"step\"");
    }
}
