package org.sipas.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's quality settings: thresholds of the flags, the re-check draw, and whether undecided responses count. */
@RestController
@Tag(name = "Quality", description = "Kiểm tra chất lượng phiếu trả lời: trạng thái, cờ cảnh báo, phúc tra, hiệu đính")
class SettingsApi {

    static final String ADMINS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";

    /** The settings as sent: every field boxed, so a missing one is a 422 naming it (after the caller's rights are checked), not a 400. */
    record SettingsRequest(Boolean countUntilDecided, Double recheckShare, Integer recheckMinPerInterviewer, Integer minActiveSeconds,
                           Integer idleGapSeconds, java.time.LocalTime workingFrom, java.time.LocalTime workingTo,
                           Integer maxDailyInterviews, Integer straightLineMinimum, Double maxDistanceKm, Double chiSquareAlpha,
                           Double discrepancyTolerance) {

        QualitySettings settings() {
            return new QualitySettings(given(countUntilDecided, "countUntilDecided"), given(recheckShare, "recheckShare"),
                    given(recheckMinPerInterviewer, "recheckMinPerInterviewer"), given(minActiveSeconds, "minActiveSeconds"),
                    given(idleGapSeconds, "idleGapSeconds"), given(workingFrom, "workingFrom"), given(workingTo, "workingTo"),
                    given(maxDailyInterviews, "maxDailyInterviews"), given(straightLineMinimum, "straightLineMinimum"),
                    given(maxDistanceKm, "maxDistanceKm"), given(chiSquareAlpha, "chiSquareAlpha"),
                    given(discrepancyTolerance, "discrepancyTolerance"));
        }

        private static <T> T given(T value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + ": required");
            }
            return value;
        }
    }

    private final SettingsEditor editor;

    SettingsApi(SettingsEditor editor) {
        this.editor = editor;
    }

    @Operation(summary = "A campaign's quality settings (the defaults where none were saved)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/quality-settings")
    @PreAuthorize(ADMINS)
    QualitySettings settings(@PathVariable long id) {
        return editor.settings(id);
    }

    @Operation(summary = "Replaces a campaign's quality settings, validated and audited; the count switch moves undecided responses in or out of the tallies",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign"),
                    @ApiResponse(responseCode = "422", description = "a field out of its range (named in the problem)")})
    @PutMapping("/api/v1/campaigns/{id}/quality-settings")
    @PreAuthorize(ADMINS)
    QualitySettings save(@PathVariable long id, @RequestBody SettingsRequest settings) {
        // the campaign's scope first: a caller outside it learns nothing from the body's check
        editor.settings(id);
        return editor.save(id, settings.settings());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ResponseApi.badInputProblem(e);
    }
}
