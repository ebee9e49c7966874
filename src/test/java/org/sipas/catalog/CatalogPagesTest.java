package org.sipas.catalog;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.sipas.web.ImportResult;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

class CatalogPagesTest extends CatalogTestSupport {

    @Autowired
    ProcedureImport procedures;
    @Autowired
    OfficialImport officials;

    @BeforeEach
    void aProvinceWithProceduresAndOfficials() {
        importTheTestProvinces();
        procedures.importFile("tthc.csv", file("procedures.csv"), admin());
        officials.importFile("cong-chuc.csv", file("officials.csv"), admin());
    }

    @Test
    void aUnitPageShowsItsParentChainChildrenProceduresAndOfficials() throws Exception {
        mvc.perform(get("/units/{code}", p + "P").with(as(caller(p + "P", Role.PROVINCE_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("<h1>Tỉnh Thử Nghiệm</h1>"),
                        Matchers.containsString("Việt Nam"),
                        Matchers.containsString("Phường Ba Đình"),
                        Matchers.containsString("Đơn vị trực thuộc (4)"))));
        mvc.perform(get("/units/{code}", p + "C1").with(as(caller(p + "P", Role.PROVINCE_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("Đăng ký khai sinh"),
                        Matchers.containsString("Nguyễn Văn An"),
                        Matchers.containsString("href=\"/units/" + p + "P\""))));
    }

    @Test
    void listsSearchAndSpeakEnglishOnRequest() throws Exception {
        var analyst = as(caller(p + "P", Role.ANALYST));
        mvc.perform(get("/units").param("q", "dong anh").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Xã Đông Anh"),
                        Matchers.not(Matchers.containsString("Phường Ba Đình")))));
        mvc.perform(get("/procedures").param("lang", "en").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Administrative procedures"),
                        Matchers.containsString("Cấp Phiếu lý lịch tư pháp"))));
        mvc.perform(get("/procedures/{code}", p + ".001").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Xã Đông Anh")));
        mvc.perform(get("/officials").param("q", "tran thi").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Trần Thị Bình"),
                        Matchers.not(Matchers.containsString("Nguyễn Văn An")))));
    }

    @Test
    void anUploadWithErrorsGoesBackToTheListWithEveryError() throws Exception {
        var admin = as(caller(p + "P", Role.PROVINCE_ADMIN));
        MockMultipartFile bad = new MockMultipartFile("file", "cong-chuc.csv", "text/csv",
                text("officials-bad.csv").getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/officials/import").file(bad).with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/officials"))
                .andExpect(flash().attribute("errors", Matchers.hasSize(4)));

        MockMultipartFile good = new MockMultipartFile("file", "cong-chuc.csv", "text/csv",
                text("officials.csv").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/officials/import").file(good).with(admin).with(csrf()))
                .andExpect(flash().attribute("result", ImportResult.of(3, 0, 0)));
    }

    @Test
    void theHomePageCountsTheUnitsInTheCallersScope() throws Exception {
        mvc.perform(get("/").with(as(caller(p + "Q", Role.PROVINCE_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<span class=\"figure\">2</span>")));
    }
}
