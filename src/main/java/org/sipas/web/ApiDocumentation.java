package org.sipas.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description (served at /api/v1/openapi, browsable at /api/v1/docs) of the staff
 * API under /api/v1 and of the endpoints that citizens' browsers, kiosks and the CAPI app call.
 * The errors every operation can answer follow from its shape, in one place: a secured operation
 * can answer 401 and 403, one that names an object 404, one that takes input 400, a public one
 * 429; every error, these and those an operation declares itself (an import's 422), is a problem
 * (RFC 9457), as {@link ErrorHandling} answers it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "application/problem+json";
    /** Called by citizens and kiosks, without an account: rate-limited instead. */
    private static final Pattern PUBLIC = Pattern.compile("^(/s/|/k/|/api/v1/public/).*");
    /** Called by the CAPI app with the interviewer's signed-in session. */
    private static final Pattern SESSION_ONLY = Pattern.compile("^/capi/api/.*");

    @Bean
    OpenAPI sipasApi() {
        return new OpenAPI()
                .info(new Info().title("sipas API").version("v1")
                        .description("""
                                API của sipas: danh mục (đơn vị, thủ tục, công chức), hồ sơ của khung chọn mẫu, \
                                phương pháp và phiếu hỏi, đợt khảo sát và chọn mẫu, thu thập (phiếu trực tuyến, \
                                máy đánh giá, ứng dụng phỏng vấn trực tiếp), phúc tra và làm sạch, cảnh báo và vụ việc, \
                                chỉ số và kết quả. \
                                The sipas API: the catalog (units, procedures, officials), the sampling frame's dossiers, \
                                methodologies and questionnaires, campaigns and sampling, collection (the citizen's \
                                questionnaire, kiosks, the CAPI app), quality control, alerts and cases, indices and results. \
                                Staff sign in with Basic (user name and password) or an API key; the CAPI app uses the \
                                interviewer's session; the citizen's and the kiosk's endpoints need no account and are rate-limited. \
                                Every error is an RFC 9457 problem; a rejected import answers 422 with every error as \
                                {line, column, code, message}."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Staff user name and password"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key issued by an administrator: Authorization: Bearer sipas_…"))
                        // the "session" scheme, the staff session's cookie, is described by identity, which names the cookie
                        .addSchemas("Problem", problem()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }

    @Bean
    OpenApiCustomizer errorsAsProblems() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            boolean open = PUBLIC.matcher(path).matches();
            if (open) {
                operation.setSecurity(List.of());
            } else if (SESSION_ONLY.matcher(path).matches()) {
                operation.setSecurity(List.of(new SecurityRequirement().addList("session")));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (!open) {
                add(responses, "401", "Not signed in, or the credentials are not valid");
                add(responses, "403", "The caller's role may not do this, or the object lies outside the caller's unit scope");
            } else {
                add(responses, "429", "Too many requests from this address: try again after Retry-After seconds");
            }
            if (path.contains("{")) {
                add(responses, "404", "No such object (or a path variable of the wrong type)");
            }
            if (takesInput(operation)) {
                add(responses, "400", "The request is malformed: a parameter or the body cannot be read");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.setContent(new Content().addMediaType(PROBLEM,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
                }
            });
        }));
    }

    private static boolean takesInput(Operation operation) {
        return operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn())));
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static Schema<?> problem() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(new LinkedHashMap<>(Map.of(
                "line", new IntegerSchema().description("the file's line (1 = the header)"),
                "column", new StringSchema().description("the column's header as the file spells it"),
                "code", new StringSchema().description("a stable code of the error"),
                "message", new StringSchema().description("the error in the request's language"))));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem details");
        problem.setProperties(new LinkedHashMap<>(Map.of(
                "type", new StringSchema().description("urn:sipas:problem:<kind>"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema().description("what went wrong, in the request's language"),
                "instance", new StringSchema(),
                "errors", new ArraySchema().items(error).description("an import's errors, every one of them"))));
        return problem;
    }
}
