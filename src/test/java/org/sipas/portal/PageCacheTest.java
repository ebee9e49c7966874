package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.EnumSet;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.StaffSession;
import org.sipas.reporting.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The portal's micro-cache ({@link PageCache}) serves visitors only: a visitor's second request is
 * the kept answer (counted as a hit), a signed-in staff member always gets a page rendered for them
 * with their own navigation (neither taken from nor put into the cache), and a new publication
 * empties it so that the next visitor sees the correction.
 */
class PageCacheTest extends PortalVisits {

    private static final String STAFF = "can-bo-pgc";
    private static final String PASSWORD = "mật-khẩu-đủ-dài-của-pgc";

    @Autowired
    StaffAccounts accounts;
    @Autowired
    MeterRegistry meters;

    PublishedCampaign campaign;

    PageCacheTest() {
        super("10.18.7.1");
    }

    @BeforeAll
    void publish() {
        campaign = published.campaign("PGC", 35, 5);
        accounts.create(STAFF, "Cán bộ PGC", campaign.field.province(), EnumSet.of(Role.ANALYST), PASSWORD);
    }

    private double counted(String result) {
        Counter counter = meters.find("sipas.portal.page.cache").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private Cookie signedIn() throws Exception {
        Cookie session = mvc.perform(formLogin().user(STAFF).password(PASSWORD)).andReturn().getResponse().getCookie(StaffSession.COOKIE);
        assertThat(session).as("the staff session's cookie after signing in").isNotNull();
        return session;
    }

    @Test
    void aVisitorsSecondRequestIsTheKeptPageCountedAsAHit() throws Exception {
        String path = "/portal/campaigns/" + campaign.id() + "/method";
        double hits = counted("hit");
        double misses = counted("miss");

        MockHttpServletResponse first = visitor(get(path));
        MockHttpServletResponse again = visitor(get(path));

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(counted("miss")).isEqualTo(misses + 1);
        assertThat(counted("hit")).isEqualTo(hits + 1);
        assertThat(again.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        assertThat(body(again)).contains("Cán bộ đăng nhập").doesNotContain("Trang làm việc");
    }

    @Test
    void aSignedInStaffMemberGetsAFreshPageWithTheirNavigationAndTheVisitorsPageStaysTheirs() throws Exception {
        String path = "/portal/campaigns/" + campaign.id() + "/provinces/" + campaign.province();
        MockHttpServletResponse kept = visitor(get(path));
        visitor(get(path));
        Cookie session = signedIn();
        double hits = counted("hit");
        double misses = counted("miss");

        MockHttpServletResponse staff = mvc.perform(get(path).cookie(session)).andReturn().getResponse();

        assertThat(staff.getStatus()).isEqualTo(200);
        // neither taken from the cache nor counted in it: the whole stack answered for this one person
        assertThat(counted("hit")).isEqualTo(hits);
        assertThat(counted("miss")).isEqualTo(misses);
        assertThat(body(staff)).contains("Trang làm việc (" + STAFF + ")").doesNotContain("Cán bộ đăng nhập").contains("Tỉnh PGC");
        assertThat(staff.getHeader("Cache-Control")).contains("no-store");
        assertThat(staff.getHeader("ETag")).isNull();
        assertThat(staff.getHeader("Set-Cookie")).isNull();

        // and the visitor after them is given the visitor's page, from the cache, without the staff member's name
        MockHttpServletResponse next = visitor(get(path));
        assertThat(counted("hit")).isEqualTo(hits + 1);
        assertThat(next.getContentAsByteArray()).isEqualTo(kept.getContentAsByteArray());
        assertThat(body(next)).doesNotContain(STAFF);
    }

    @Test
    void aNewPublicationEmptiesTheCacheSoTheNextVisitorSeesTheCorrection() throws Exception {
        String path = "/portal/campaigns/" + campaign.id();
        visitor(get(path));
        MockHttpServletResponse before = visitor(get(path));
        assertThat(body(before)).contains("/versions/1/figures.csv").doesNotContain("/versions/2/figures.csv");

        Snapshot second = campaign.correct(List.of(campaign.responses.get(0)), "Loại một phiếu sau phúc tra PGC");
        assertThat(second.version()).isEqualTo(2);
        double misses = counted("miss");

        MockHttpServletResponse after = visitor(get(path));

        assertThat(counted("miss")).isEqualTo(misses + 1);
        assertThat(body(after)).contains("/versions/2/figures.csv").contains("Loại một phiếu sau phúc tra PGC");
        assertThat(after.getHeader("ETag")).isNotEqualTo(before.getHeader("ETag")).startsWith("\"" + second.id() + ".2-vi-");
    }
}
