package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class IdentityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ApiKeys keys;
    @Autowired
    UnitDirectory units;
    @Autowired
    JdbcClient jdbc;

    long province;
    long otherProvince;
    String suffix;

    @BeforeEach
    void twoProvinces() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        province = unit("IDP" + suffix);
        otherProvince = unit("IDQ" + suffix);
    }

    private long unit(String code) {
        return jdbc.sql("""
                        INSERT INTO unit (code, name, kind, parent_id, path, depth)
                        SELECT :code, 'Tỉnh thử ' || :code, 'PROVINCE', id, path || :code || '/', 1 FROM unit WHERE code = 'VN'
                        RETURNING id""")
                .param("code", code).query(Long.class).single();
    }

    @Test
    void anAccountCreatedWithoutPasswordGetsARandomOneTimePasswordThatMustBeChanged() throws Exception {
        String first = accounts.create("clerk-" + suffix, "Nguyễn Văn A", province, EnumSet.of(Role.DATA_ENTRY), null);
        String second = accounts.create("clerk2-" + suffix, "Trần Thị B", province, EnumSet.of(Role.DATA_ENTRY), null);
        assertThat(first).hasSize(16).isNotEqualTo(second);

        MvcResult login = mvc.perform(formLogin().user("clerk-" + suffix).password(first))
                .andExpect(redirectedUrl("/")).andReturn();
        // the session lives in PostgreSQL; the browser holds its cookie
        Cookie session = login.getResponse().getCookie("sipas-session");
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("current", first).param("replacement", "một-mật-khẩu-mới").param("confirmation", "một-mật-khẩu-mới"))
                .andExpect(status().isOk());
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE username = :u")
                .param("u", "clerk-" + suffix).query(Boolean.class).single()).isFalse();
    }

    @Test
    void aWrongPasswordDoesNotLogIn() throws Exception {
        accounts.create("analyst-" + suffix, "Lê Văn C", province, EnumSet.of(Role.ANALYST), "mật-khẩu-đủ-dài");
        mvc.perform(formLogin().user("analyst-" + suffix).password("sai-mật-khẩu")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theApiTakesHttpBasicForStaffAndRefusesAnonymousCallers() throws Exception {
        accounts.create("api-" + suffix, "Phạm D", province, EnumSet.of(Role.ANALYST), "mật-khẩu-đủ-dài");
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Chưa xác thực"));
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Not authenticated"));
        mvc.perform(get("/api/v1/me").with(httpBasic("api-" + suffix, "mật-khẩu-đủ-dài"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic("api-" + suffix, "sai"))).andExpect(status().isUnauthorized());
    }

    @Test
    void anApiKeyActsWithinItsUnitUntilRevoked() throws Exception {
        ApiKeys.Issued issued = keys.issue("Một cửa " + suffix, province, EnumSet.of(Role.INTEGRATION));
        assertThat(issued.key()).startsWith("sipas_");
        assertThat(keys.authenticate(issued.key())).get()
                .satisfies(caller -> assertThat(caller.scopeUnitId()).isEqualTo(province));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.key())).andExpect(status().isOk());

        keys.revoke(issued.id());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.key())).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:unauthorized"))
                .andExpect(jsonPath("$.title").value("Khóa API không hợp lệ"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.key()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.title").value("Invalid API key"));
        assertThat(keys.authenticate(issued.key().substring(0, issued.key().length() - 1) + "x")).isEmpty();
    }

    @Test
    void aProvinceAdministratorCannotCreateUsersInAnotherProvince() throws Exception {
        accounts.create("padmin-" + suffix, "Võ E", province, EnumSet.of(Role.PROVINCE_ADMIN), "mật-khẩu-đủ-dài");
        var admin = accounts.loadUserByUsername("padmin-" + suffix);
        String otherCode = units.findById(otherProvince).orElseThrow().code();
        mvc.perform(post("/admin/users").with(user(admin)).with(csrf())
                        .param("username", "intruder-" + suffix).param("displayName", "X").param("unitCode", otherCode)
                        .param("roles", "ANALYST"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(user(admin)).with(csrf())
                        .param("username", "boss-" + suffix).param("displayName", "X")
                        .param("unitCode", units.findById(province).orElseThrow().code()).param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username IN (:a, :b)")
                .param("a", "intruder-" + suffix).param("b", "boss-" + suffix).query(Long.class).single()).isZero();
    }

    @Test
    void creatingAUserIsAuditedWithoutThePassword() {
        accounts.create("audited-" + suffix, "Đỗ F", province, EnumSet.of(Role.RECHECKER), "mật-khẩu-đủ-dài");
        String after = jdbc.sql("SELECT after::text FROM audit_log WHERE action = 'user.create' AND after->>'username' = :u")
                .param("u", "audited-" + suffix).query(String.class).single();
        assertThat(after).contains("RECHECKER").doesNotContain("mật-khẩu");
    }
}
