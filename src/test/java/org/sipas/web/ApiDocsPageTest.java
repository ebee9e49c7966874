package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API's documentation page opens in a browser, as the README links it, with its files and its document. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsPageTest {

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocsPageOpensWithItsScriptsAndTheOpenApiDocument() throws Exception {
        HttpResponse<String> page = get("/api/v1/docs");
        assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        String base = page.uri().getPath().replaceAll("[^/]*$", "");
        for (String file : new String[] {"swagger-ui-bundle.js", "swagger-initializer.js", "swagger-ui.css"}) {
            assertThat(get(base + file).statusCode()).as(base + file).isEqualTo(200);
        }
        HttpResponse<String> config = get("/api/v1/openapi/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/v1/openapi");
        assertThat(get("/api/v1/openapi").body()).contains("\"openapi\"");
    }
}
