package org.sipas.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ForcedPasswordChangeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    UnitDirectory units;
    @Autowired
    ApiKeys keys;

    @Test
    void aOneTimePasswordDoesNotOpenTheApi() throws Exception {
        String user = "onetime-" + UUID.randomUUID().toString().substring(0, 8);
        String oneTime = accounts.create(user, "Lý Thị Một Lần", units.root().id(), EnumSet.of(Role.ADMIN), null);

        mvc.perform(get("/api/v1/me").with(httpBasic(user, oneTime)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:password-change-required"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Phải đổi mật khẩu"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("/account/password")));
        mvc.perform(get("/api/v1/campaigns").with(httpBasic(user, oneTime)).header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Password change required"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("This account has a one-time password")));

        accounts.changeOwnPassword(user, oneTime, "một-mật-khẩu-mới");
        mvc.perform(get("/api/v1/me").with(httpBasic(user, "một-mật-khẩu-mới"))).andExpect(status().isOk());
    }

    @Test
    void anApiKeyIsNotAPasswordAndIsNotAskedToChangeIt() throws Exception {
        ApiKeys.Issued issued = keys.issue("Một cửa " + UUID.randomUUID(), units.root().id(), EnumSet.of(Role.INTEGRATION));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.key())).andExpect(status().isOk());
    }
}
