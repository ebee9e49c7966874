package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sipas.identity.SignedIn;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The managers' pages of open surveys as a browser uses them: create, start, upload an invited list, read the errors. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenCampaignPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OpenSurveyFixtures fixtures;

    @Test
    void aManagerCreatesStartsAndInvitesAndSeesTheLocatedErrorOfABadList() throws Exception {
        OpenSurveyFixtures.Started place = fixtures.province("OPPG");
        LocalDate today = LocalDate.now(Formats.ZONE);
        String created = mvc.perform(post("/open-surveys").with(SignedIn.as(place.admin())).with(csrf())
                        .param("name", "Khảo sát cán bộ OPPG").param("methodologyCode", "mot-cua-2018").param("methodologyVersion", "1")
                        .param("scopeUnitCode", "OPPG-P").param("opensOn", today.toString()).param("closesOn", today.plusDays(10).toString())
                        .param("audience", "INVITED").param("expected", "50").param("publishResults", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(created).matches("/open-surveys/\\d+");

        mvc.perform(post(created + "/start").with(SignedIn.as(place.admin())).with(csrf())).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(created).with(SignedIn.as(place.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Khảo sát cán bộ OPPG", "Đang khảo sát", "Chỉ danh sách được mời", "/s/open/");

        // the page after the redirect reads the flash from the session (Spring Session, by its cookie), as the browser's next request does
        MockMultipartFile bad = new MockMultipartFile("file", "moi.csv", "text/csv",
                "email\nlan@example.vn\nkhong-phai-dia-chi\n".getBytes(StandardCharsets.UTF_8));
        Cookie[] session = mvc.perform(multipart(created + "/invitees").file(bad).with(SignedIn.as(place.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookies();
        String shown = mvc.perform(get(created).with(SignedIn.as(place.admin())).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("“khong-phai-dia-chi” không phải là địa chỉ thư điện tử", "Danh sách được mời (0 địa chỉ)");

        MockMultipartFile good = new MockMultipartFile("file", "moi.csv", "text/csv",
                "email\nlan@example.vn\nminh@example.vn\n".getBytes(StandardCharsets.UTF_8));
        session = mvc.perform(multipart(created + "/invitees").file(good).with(SignedIn.as(place.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookies();
        String after = mvc.perform(get(created).with(SignedIn.as(place.admin())).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Đã thêm 2 địa chỉ", "la***@example.vn", "mi***@example.vn").doesNotContain("lan@example.vn");

        String answers = mvc.perform(get(created + "/answers").with(SignedIn.as(place.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(answers).contains("Tổng số phiếu đã nhận: 0");
    }

    @Test
    void aManagerSetsTheResultsToPublishAlsoWhileTheSurveyTakesAnswersEveryTwelveHoursButNotWithoutPublishingThem() throws Exception {
        OpenSurveyFixtures.Started place = fixtures.province("OPPR");
        LocalDate today = LocalDate.now(Formats.ZONE);
        String created = mvc.perform(post("/open-surveys").with(SignedIn.as(place.admin())).with(csrf())
                        .param("name", "Khảo sát OPPR").param("methodologyCode", "mot-cua-2018").param("methodologyVersion", "1")
                        .param("scopeUnitCode", "OPPR-P").param("opensOn", today.toString()).param("closesOn", today.plusDays(10).toString())
                        .param("audience", "PUBLIC").param("publishResults", "true").param("publishWhen", "WHILE_OPEN").param("refreshHours", "12"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(created).matches("/open-surveys/\\d+");
        assertThat(mvc.perform(get(created).with(SignedIn.as(place.admin()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Thời điểm công bố kết quả", "Cả trong khi đang nhận phiếu, cập nhật mỗi 12 giờ");

        // publishing while open without publishing the results at all is refused: the form comes back naming the problem
        Cookie[] session = mvc.perform(post("/open-surveys").with(SignedIn.as(place.admin())).with(csrf())
                        .param("name", "Khảo sát OPPR 2").param("methodologyCode", "mot-cua-2018").param("methodologyVersion", "1")
                        .param("scopeUnitCode", "OPPR-P").param("opensOn", today.toString()).param("closesOn", today.plusDays(10).toString())
                        .param("audience", "PUBLIC").param("publishWhen", "WHILE_OPEN").param("refreshHours", "12"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookies();
        assertThat(mvc.perform(get("/open-surveys").with(SignedIn.as(place.admin())).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Chỉ công bố trong khi đang nhận phiếu được khi kết quả tự động công bố trên cổng thông tin.");
    }
}
