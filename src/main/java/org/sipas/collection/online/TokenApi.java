package org.sipas.collection.online;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.collection.SurveyTokens.Issued;
import org.sipas.frame.Receipts;
import org.sipas.frame.Receipts.Receipt;
import org.sipas.identity.UnitScope;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The survey link of a sampled dossier for one-stop systems, which print it (and its QR code) on
 * the receipt they hand back with the result. Scoped like every API call: the caller's unit scope
 * must cover the dossier's unit.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{unitCode}/{receiptCode}")
@Tag(name = "Survey links", description = "Đường dẫn và mã QR khảo sát của hồ sơ được chọn mẫu trực tuyến")
class TokenApi {

    static final String CALLERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','INTEGRATION')";
    static final String SVG = "image/svg+xml";

    private final Receipts receipts;
    private final FieldCases cases;
    private final OnlineTokens online;
    private final SurveyLinks links;
    private final UnitScope scope;
    private final MessageSource messages;

    TokenApi(Receipts receipts, FieldCases cases, OnlineTokens online, SurveyLinks links, UnitScope scope,
             MessageSource messages) {
        this.receipts = receipts;
        this.cases = cases;
        this.online = online;
        this.links = links;
        this.scope = scope;
        this.messages = messages;
    }

    /** A link found, or the problem to answer instead. */
    private record Found(FieldCase fieldCase, Issued issued, ProblemDetail problem) {
    }

    @GetMapping(path = "/token", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize(CALLERS)
    @Operation(summary = "Survey link of a dossier sampled for the online channel",
            description = """
                    Đường dẫn khảo sát của hồ sơ được chọn vào mẫu trực tuyến của một đợt khảo sát đang thực địa, \
                    để hệ thống một cửa in trên phiếu hẹn/phiếu trả kết quả. Asking again returns the same token. \
                    When the dossier is in several campaigns in the field, the most recently started one, unless \
                    campaignId names another.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The link"),
                    @ApiResponse(responseCode = "403", description = "The dossier's unit is outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "No such dossier, or not sampled for the online channel "
                            + "in a campaign in the field (problem details)",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))})
    ResponseEntity<?> token(@PathVariable @Parameter(description = "unit code (mã đơn vị)") String unitCode,
                            @PathVariable @Parameter(description = "receipt code (mã hồ sơ)") String receiptCode,
                            @RequestParam(required = false) Long campaignId, Locale locale) {
        Found found = find(unitCode, receiptCode, campaignId, locale);
        if (found.problem() != null) {
            return problem(found.problem());
        }
        String qrPath = UriComponentsBuilder.fromPath("/api/v1/dossiers/{unit}/{receipt}/token.svg")
                .queryParamIfPresent("campaignId", Optional.ofNullable(campaignId))
                .buildAndExpand(unitCode, receiptCode).encode().toUriString();
        return ResponseEntity.ok(new DossierToken(found.issued().token(), links.token(found.issued().token()),
                found.issued().expiresAt(), found.fieldCase().campaignId(), found.fieldCase().campaignName(), qrPath));
    }

    @GetMapping(path = "/token.svg", produces = {SVG, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize(CALLERS)
    @Operation(summary = "QR code of the survey link of a dossier, as SVG",
            description = "Mã QR của đường dẫn khảo sát (SVG), the same link as /token.")
    ResponseEntity<?> qr(@PathVariable String unitCode, @PathVariable String receiptCode,
                         @RequestParam(required = false) Long campaignId, Locale locale) {
        Found found = find(unitCode, receiptCode, campaignId, locale);
        if (found.problem() != null) {
            return problem(found.problem());
        }
        String label = messages.getMessage("online.slip.qrLabel", new Object[] {receiptCode}, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SVG))
                .body(QrCodes.svg(links.token(found.issued().token()), label));
    }

    private Found find(String unitCode, String receiptCode, Long campaignId, Locale locale) {
        Optional<Receipt> receipt = receipts.find(unitCode, receiptCode);
        if (receipt.isEmpty()) {
            return new Found(null, null, notFound("unknown-dossier", "online.api.unknownDossier", locale, receiptCode, unitCode));
        }
        if (!scope.covers(receipt.get().unitId())) {
            throw new AccessDeniedException("dossier " + receiptCode + " of " + unitCode + " is outside the caller's scope");
        }
        List<FieldCase> sampled = cases.inFieldOfDossier(receipt.get().dossierId()).stream()
                .filter(c -> OnlineTokens.ONLINE.equals(c.channel()))
                .filter(c -> campaignId == null || c.campaignId() == campaignId)
                .toList();
        if (sampled.isEmpty()) {
            return new Found(null, null, notFound("not-sampled-online", "online.api.notSampled", locale, receiptCode, unitCode));
        }
        FieldCase fieldCase = sampled.get(0);
        return new Found(fieldCase, online.links(List.of(fieldCase)).get(fieldCase.id()), null);
    }

    private ProblemDetail notFound(String type, String code, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage(code, args, locale));
        problem.setType(URI.create("urn:sipas:problem:" + type));
        problem.setTitle(messages.getMessage(code + ".title", null, locale));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
