package org.sipas.feedback;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints and their delivery log as JSON. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = """
        Vụ việc gửi tới hệ thống khác (một cửa, chatbot) bằng HTTP POST có chữ ký: X-Sipas-Signature: sha256=HMAC-SHA256(secret, \
        X-Sipas-Timestamp + "." + body); từ chối yêu cầu có dấu thời gian cũ hơn 5 phút để chống gửi lại / signed case events""")
class WebhookApi {

    static final String MANAGERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";

    private final Webhooks webhooks;

    WebhookApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record NewEndpoint(String name, String url, String unitCode) {
    }

    record Log(Webhooks.Endpoint endpoint, List<Webhooks.Delivery> deliveries, List<Webhooks.Attempt> attempts) {
    }

    @Operation(summary = "Webhook endpoints within the caller's scope", responses = {@ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403")})
    @GetMapping
    @PreAuthorize(MANAGERS)
    List<Webhooks.Endpoint> list() {
        return webhooks.endpoints();
    }

    @Operation(summary = "Adds an endpoint; its signing secret is in this answer only",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "422", description = "no name, not an http(s) URL, or an unknown unit")})
    @PostMapping
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.CREATED)
    Webhooks.Created create(@RequestBody NewEndpoint endpoint) {
        return webhooks.create(endpoint.name(), endpoint.url(), endpoint.unitCode());
    }

    @Operation(summary = "An endpoint's deliveries and every attempt (the delivery log)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "404")})
    @GetMapping("/{id}/deliveries")
    @PreAuthorize(MANAGERS)
    Log deliveries(@PathVariable long id) {
        return new Log(webhooks.endpoint(id), webhooks.deliveries(id), webhooks.attempts(id));
    }

    @Operation(summary = "Sends a delivery again (at the next run of the dispatcher)",
            responses = {@ApiResponse(responseCode = "204"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "404")})
    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void redeliver(@PathVariable long id, @PathVariable long delivery) {
        webhooks.redeliver(id, delivery);
    }
}
