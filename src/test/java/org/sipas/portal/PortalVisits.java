package org.sipas.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A portal test class: the application behind MockMvc, campaigns published through the product's
 * own steps ({@link PublishedCampaigns}), and requests sent as a visitor, not signed in, from an
 * address of the class's own, so that no class spends another's share of the rate limits.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortalVisits {

    @Autowired
    PublishedCampaigns published;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final String address;

    PortalVisits(String address) {
        this.address = address;
    }

    /** The request as a visitor at the class's address sends it. */
    MockHttpServletResponse visitor(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    MockHttpServletResponse visitor(String path) throws Exception {
        return visitor(get(path));
    }

    static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
