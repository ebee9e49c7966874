package org.sipas.reporting;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.campaign.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A campaign's published versions for staff: the list, and one version whole (figures, grade bands,
 * lineage, what changed). Published figures are public, but this is the staff API of a campaign:
 * the readers of its results in its scope (the open data of the portal serves everyone).
 */
@RestController
@PreAuthorize(SnapshotsApi.READERS)
@Tag(name = "Snapshots", description = "Kết quả đã phê duyệt và công bố của một đợt khảo sát, theo phiên bản")
class SnapshotsApi {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";

    private final Publications publications;
    private final CampaignScope campaigns;

    SnapshotsApi(Publications publications, CampaignScope campaigns) {
        this.publications = publications;
        this.campaigns = campaigns;
    }

    @Operation(summary = "The published versions of a campaign's results, newest first",
            description = "Each version with when and by whom it was approved, its correction note (\"what changed\") and how "
                    + "many figures differ from the version before. Empty when nothing is published yet.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the versions"),
                    @ApiResponse(responseCode = "401", description = "not signed in"),
                    @ApiResponse(responseCode = "403", description = "the campaign is outside the caller's scope, or the role reads no results"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/snapshots")
    List<SnapshotVersion> list(@PathVariable long id) {
        campaigns.overlapping(id);
        return publications.versions(id);
    }

    @Operation(summary = "One published version of a campaign's results, as approved",
            description = "The frozen figures (series → kind of domain → every index node with n, unweighted %, weighted "
                    + "estimate, SE and 95% CI), the grade bands in force, the lineage (methodology version, sample draw, "
                    + "responses counted, quality decisions and re-check outcomes, N_h and n_h of every stratum) and, for a "
                    + "correction, what changed. Never changes once published.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the version"),
                    @ApiResponse(responseCode = "401", description = "not signed in"),
                    @ApiResponse(responseCode = "403", description = "the campaign is outside the caller's scope, or the role reads no results"),
                    @ApiResponse(responseCode = "404", description = "no such campaign, or no such published version")})
    @GetMapping("/api/v1/campaigns/{id}/snapshots/{version}")
    Snapshot version(@PathVariable long id, @PathVariable int version) {
        campaigns.overlapping(id);
        return publications.version(id, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "campaign " + id + " has no published version " + version));
    }
}
