package org.sipas.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.UnitDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class WebShellTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitDirectory units;

    @Test
    void pagesSpeakVietnameseFirstAndEnglishAfterTheSwitch() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("lang=\"vi\"")))
                .andExpect(content().string(containsString("Đăng nhập")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(cookie().value("sipas-lang", "en"))
                .andExpect(content().string(containsString("Log in")));
        mvc.perform(get("/login").cookie(new Cookie("sipas-lang", "en")))
                .andExpect(content().string(containsString("lang=\"en\"")));
    }

    @Test
    void staffPagesAskForLogin() throws Exception {
        // "/" is the public portal for a visitor (PublicPortalTest); the staff pages ask for login
        mvc.perform(get("/campaigns")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayUse() throws Exception {
        long nation = units.root().id();
        mvc.perform(get("/").with(SignedIn.as(new CurrentUser("analyst", Set.of(Role.ANALYST), nation))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/dossiers\"")))
                .andExpect(content().string(not(containsString("href=\"/admin/users\""))));
        mvc.perform(get("/").with(SignedIn.as(new CurrentUser("interviewer", Set.of(Role.INTERVIEWER), nation))))
                .andExpect(content().string(not(containsString("href=\"/dossiers\""))));
    }

    @Test
    void anUnknownPageAnswersWithTheNotFoundPageInVietnamese() throws Exception {
        mvc.perform(get("/no-such-page").with(user("analyst").roles("ANALYST")))
                .andExpect(status().isNotFound());
        // what the servlet container then forwards to, as MockMvc does not
        mvc.perform(get("/error").with(user("analyst").roles("ANALYST"))
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy trang")));
    }
}
