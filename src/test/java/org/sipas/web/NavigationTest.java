package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The navigation shows every staff member exactly the pages they may open: for each role, every
 * link it shows opens, and every page of the site map it hides refuses that role. The pages' own
 * rules decide, so a controller's rule changed later moves its link with it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationTest {

    private static final Pattern NAV = Pattern.compile("<nav [^>]*class=\"menu\"[^>]*>(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PageAccess access;

    @Test
    void everyPageOfTheSiteMapHasAControllerWithARule() {
        for (Navigation.Page page : Navigation.pages()) {
            assertThat(access.rule(page.path())).as(page.path()).isPresent();
        }
    }

    @Test
    void eachRoleSeesTheLinksItMayOpenAndNoOther() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("NAV", "mot-cua-2018", 10, Map.of("PHONE", 1));
        Set<String> everyPage = new LinkedHashSet<>();
        Navigation.pages().forEach(p -> everyPage.add(p.path()));
        List<String> mismatches = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role == Role.INTEGRATION) {
                continue;
            }
            String username = "nav-" + role.name().toLowerCase().replace('_', '-');
            accounts.create(username, "Điều hướng " + role.name(), field.province(), Set.of(role), "Sơ-đồ-trang-2026!");
            RequestPostProcessor as = user(accounts.loadUserByUsername(username));
            String home = mvc.perform(get("/").with(as)).andReturn().getResponse().getContentAsString();
            Set<String> shown = links(home);
            assertThat(shown).as(role + " sees the home page").contains("/");
            for (String path : everyPage) {
                int status = mvc.perform(get(path).with(as)).andReturn().getResponse().getStatus();
                boolean opens = status < 400;
                if (shown.contains(path) != opens) {
                    mismatches.add(role + " " + path + (shown.contains(path) ? " shown but answers " : " hidden but answers ") + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void thePageBeingReadIsMarkedAndItsGroupToo() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("NAW", "mot-cua-2018", 10, Map.of("PHONE", 1));
        accounts.create("nav-current", "Điều hướng", field.province(), Set.of(Role.PROVINCE_ADMIN), "Sơ-đồ-trang-2026!");
        String page = mvc.perform(get("/campaigns").with(user(accounts.loadUserByUsername("nav-current"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/campaigns\" aria-current=\"page\"");
        assertThat(page).containsPattern("<details class=\"here\">\\s*<summary>Khảo sát</summary>");
        assertThat(page).contains("<summary>Danh mục</summary>", "<summary>Thu thập</summary>",
                "<summary>Kết quả</summary>", "<summary>Quản trị</summary>");
    }

    private static Set<String> links(String page) {
        Set<String> links = new LinkedHashSet<>();
        Matcher nav = NAV.matcher(page);
        if (nav.find()) {
            Matcher href = HREF.matcher(nav.group(1));
            while (href.find()) {
                links.add(href.group(1));
            }
        }
        return links;
    }
}
