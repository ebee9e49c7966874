package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class IndexPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IndexFixtures fixtures;
    @Autowired
    IndexValues values;
    @Autowired
    CurrentUsers users;

    private IndexFixtures.Province published(String prefix) {
        IndexFixtures.Province p = fixtures.province(prefix);
        String csv = """
                unit_code,year,node_code,value
                %1$s,2023,LV5,12
                %1$s,2023,LV2,8.5
                %1$s,2023,LV3,10
                %1$s,2024,LV7,13
                %1$s,2024,LV2,9
                %1$s,2024,LV5,16
                %1$s,2024,LV1,0.5
                %2$s,2024,LV4,11
                %2$s,2024,LV2,9.5
                """.formatted(p.code(), prefix + "-C1");
        users.runAs(p.nationalAdmin(), () -> values.importPublished("par.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "par-index-tinh"));
        return p;
    }

    private String page(String path, IndexFixtures.Province p) throws Exception {
        MvcResult r = mvc.perform(get(path).with(SignedIn.as(p.provinceAdmin()))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theRankingTrendRadarAndComparisonPagesShowTheComputedTotalsInTablesWithoutScript() throws Exception {
        IndexFixtures.Province p = published("IPG");
        String ranking = page("/indices/par-index-tinh?year=2024", p);
        assertThat(ranking).contains("id=\"ranking\"").contains("Tỉnh IPG").contains("38.5").contains("20.5");
        assertThat(ranking.indexOf("Tỉnh IPG")).isLessThan(ranking.indexOf("Phường Một IPG"));
        String unit = page("/indices/par-index-tinh/units/" + p.code(), p);
        assertThat(unit).contains("id=\"trend\"").contains("data-chart=\"line\"").contains("data-value=\"30.5\"")
                .contains("data-value=\"38.5\"").contains("<svg").contains("<polygon").contains("id=\"fields\"");
        String compare = page("/indices/par-index-tinh/compare?a=" + p.code() + "&b=IPG-C1&year=2024", p);
        assertThat(compare).contains("id=\"compare\"").contains("18");
        String list = page("/indices", p);
        assertThat(list).contains("par-index-tinh").contains("sipas").contains("id=\"upload-index\"");
    }

    @Test
    void aRejectedUploadOnThePageListsEveryErrorWithItsLine() throws Exception {
        IndexFixtures.Province p = published("IPH");
        MockMultipartFile file = new MockMultipartFile("file", "sai.csv", "text/csv",
                ("unit_code,year,node_code,value\n" + p.code() + ",2025,LV4,11.5\n" + p.code() + ",2025,PAR,50\n").getBytes(StandardCharsets.UTF_8));
        MvcResult posted = mvc.perform(multipart("/indices/par-index-tinh/values").file(file).with(SignedIn.as(p.provinceAdmin())).with(csrf()))
                .andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(422);
        String shown = posted.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("role=\"alert\"").contains("vượt điểm tối đa của &quot;LV4&quot; (11)")
                .contains("Nút &quot;PAR&quot; có nút con");
        assertThat(values.figures("par-index-tinh", p.province(), 2025)).isEmpty();
    }

    @Test
    void theOpenDataGivesTheFiguresAsJsonAndCsvWithAnETagThatAnswersNotModified() throws Exception {
        IndexFixtures.Province p = published("IPJ");
        MvcResult json = mvc.perform(get("/api/v1/public/indices/par-index-tinh/values").param("unit", p.code()).param("year", "2024")).andReturn();
        assertThat(json.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.getResponse().getContentAsString()).contains("\"total\":38.5").contains("\"source\":\"PUBLISHED\"");
        String etag = json.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(mvc.perform(get("/api/v1/public/indices/par-index-tinh/values").param("unit", p.code()).param("year", "2024")
                .header("If-None-Match", etag)).andReturn().getResponse().getStatus()).isEqualTo(304);
        MvcResult csv = mvc.perform(get("/api/v1/public/indices/par-index-tinh/values.csv").param("unit", p.code())).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(p.code() + ",Tỉnh IPJ,2024,PUBLISHED,1,PAR,")
                .contains(",computed,38.5,100");
        MvcResult ranking = mvc.perform(get("/api/v1/public/indices/par-index-tinh/ranking").param("year", "2024")).andReturn();
        assertThat(ranking.getResponse().getContentAsString()).contains("\"unitCode\":\"" + p.code() + "\"");
        assertThat(ranking.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(mvc.perform(get("/api/v1/public/indices/par-index-tinh/ranking").param("year", "2024").header("Origin", "https://bao.example"))
                .andReturn().getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    }
}
