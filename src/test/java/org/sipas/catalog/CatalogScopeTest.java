package org.sipas.catalog;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;

class CatalogScopeTest extends CatalogTestSupport {

    @BeforeEach
    void aProvinceWithCommunesAndADepartment() {
        importTheTestProvinces();
    }

    @Test
    void aCommuneManagerSeesOnlyTheirCommuneInTheUnitApi() throws Exception {
        var manager = as(caller(p + "C1", Role.UNIT_MANAGER));

        mvc.perform(get("/api/v1/units").with(manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(p + "C1"));
        mvc.perform(get("/api/v1/units").param("parent", p + "P").with(manager))
                .andExpect(jsonPath("$.items[*].code").value(Matchers.contains(p + "C1")));
        mvc.perform(get("/api/v1/units/{code}", p + "C2").with(manager)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/units/{code}", p + "C1").with(manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ancestors[*].code").value(Matchers.contains("VN", p + "P")));
    }

    @Test
    void aProvinceAnalystSearchesTheirProvinceIgnoringDiacritics() throws Exception {
        mvc.perform(get("/api/v1/units").param("q", "ba dinh").with(as(caller(p + "P", Role.ANALYST))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code").value(Matchers.contains(p + "C1")));
        mvc.perform(get("/api/v1/units").param("q", "ben canh").with(as(caller(p + "P", Role.ANALYST))))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aUnitOutsideTheCallersScopeIsForbiddenAndAnUnknownOneIsNotFound() throws Exception {
        var neighbour = as(caller(p + "Q", Role.PROVINCE_ADMIN));
        mvc.perform(get("/units/{code}", p + "C1").with(neighbour)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/units/{code}", p + "NOPE").with(neighbour)).andExpect(status().isNotFound());
    }

    @Test
    void importsNeedAnAdministrator() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/units/import")
                        .with(as(caller(p + "P", Role.ANALYST))).contentType("text/csv").content("level,code,name\n"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/units")).andExpect(status().isUnauthorized());
    }
}
