package org.sipas.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of /api/v1 (served at /api/v1/openapi, browsable at /api/v1/docs). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI sipasApi() {
        return new OpenAPI()
                .info(new Info().title("sipas API").version("v1")
                        .description("""
                                Danh mục đơn vị, thủ tục, công chức và hồ sơ (khung chọn mẫu) của sipas. \
                                Catalog and sampling frame of sipas. Errors are RFC 9457 problem details; \
                                a rejected import answers 422 with every error as {line, column, code, message}."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Staff user name and password"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key issued by an administrator: Authorization: Bearer sipas_…")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
