package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The OpenAPI document is the API's contract: every endpoint a controller answers under
 * {@code /api/v1}, and the citizen's, the kiosk's and the CAPI app's endpoints, is in it with a
 * summary and the error statuses it can answer, each as a problem. A controller endpoint missing
 * from the document fails here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiContractTest {

    /** The paths the document must cover: the API, and the public endpoints that scripts and devices call. */
    static final Pattern DOCUMENTED = Pattern.compile("^(/api/v1/.*|/s/\\{[^}]+}/response|/k/\\{[^}]+}/ratings|/capi/api/.*)$");
    /** springdoc's own endpoints: the document and its page. */
    private static final Pattern TOOLING = Pattern.compile("^/api/v1/(openapi|docs|swagger-ui).*");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointIsDocumentedWithASummaryAndItsErrorsAsProblems() throws Exception {
        String document = mvc.perform(get("/api/v1/openapi")).andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Map<String, Object> operations = paths.get(endpoint.path());
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = operations == null ? null : (Map<String, Object>) operations.get(endpoint.method());
            if (operation == null) {
                missing.add(endpoint + ": not in the document");
                continue;
            }
            Object summary = operation.get("summary");
            if (!(summary instanceof String text) || text.isBlank()) {
                missing.add(endpoint + ": no summary");
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            List<String> errors = responses.keySet().stream().filter(code -> code.startsWith("4") || code.startsWith("5")).toList();
            if (errors.isEmpty()) {
                missing.add(endpoint + ": no error status");
            }
            if (endpoint.path().contains("{") && !responses.containsKey("404")) {
                missing.add(endpoint + ": names an object but documents no 404");
            }
            for (String error : errors) {
                Map<String, Object> content = (Map<String, Object>) responses.get(error).get("content");
                if (content == null || !content.containsKey("application/problem+json")) {
                    missing.add(endpoint + ": " + error + " is not a problem");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theDocumentDescribesTheWholeApiAndItsThreeWaysIn() throws Exception {
        String document = mvc.perform(get("/api/v1/openapi")).andReturn().getResponse().getContentAsString();
        String description = JsonPath.read(document, "$.info.description");
        assertThat(description).doesNotStartWith("Danh mục đơn vị, thủ tục, công chức và hồ sơ (khung chọn mẫu)");
        Map<String, Object> schemes = JsonPath.read(document, "$.components.securitySchemes");
        assertThat(schemes).containsKeys("basic", "apiKey", "session");
    }

    private record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private List<Endpoint> endpoints() {
        TreeSet<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                    if (!DOCUMENTED.matcher(path).matches() || TOOLING.matcher(path).matches()) {
                        continue;
                    }
                    var methods = info.getMethodsCondition().getMethods();
                    for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                        String name = method.name().toLowerCase(Locale.ROOT);
                        if (seen.add(name + " " + path)) {
                            endpoints.add(new Endpoint(name, path));
                        }
                    }
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(30);
        return endpoints;
    }
}
