package org.sipas.quality;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.campaign.CampaignScope;
import org.sipas.identity.UnitScope;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The coding of a campaign's open answers: the agreement of the two coders and the coded themes. */
@RestController
@Tag(name = "Quality", description = "Kiểm tra chất lượng phiếu trả lời: trạng thái, cờ cảnh báo, phúc tra, hiệu đính")
class CodingApi {

    private final Coding coding;
    private final CodedThemes themes;
    private final CampaignScope campaigns;
    private final UnitScope scope;

    CodingApi(Coding coding, CodedThemes themes, CampaignScope campaigns, UnitScope scope) {
        this.coding = coding;
        this.themes = themes;
        this.campaigns = campaigns;
        this.scope = scope;
    }

    @Operation(summary = "Inter-coder agreement of a campaign's open answers: Cohen's kappa per code and overall (NaN: cannot be told)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/coding/agreement")
    @PreAuthorize(CodingPages.READERS)
    Coding.Agreement agreement(@PathVariable long id) {
        return coding.agreement(id);
    }

    @Operation(summary = "Coded themes of a campaign's open answers: answers per unit and code, units within the caller's scope",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/coded-themes")
    @PreAuthorize(CodingPages.READERS)
    List<CodedThemes.ThemeCount> themes(@PathVariable long id) {
        return themes.counts(campaigns.overlapping(id).id(), scope.unitId());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ResponseApi.badInputProblem(e);
    }
}
