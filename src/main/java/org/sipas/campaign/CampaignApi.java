package org.sipas.campaign;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.sipas.catalog.CatalogCodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns by API, within the caller's unit subtree; a state that forbids an action answers 409. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignApi {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";
    static final String MANAGERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";
    static final String FIELD = "hasAnyRole('ADMIN','PROVINCE_ADMIN','INTERVIEWER')";

    private final Campaigns campaigns;
    private final CampaignFiles files;
    private final CatalogCodes catalog;

    CampaignApi(Campaigns campaigns, CampaignFiles files, CatalogCodes catalog) {
        this.campaigns = campaigns;
        this.files = files;
        this.catalog = catalog;
    }

    /** A campaign with its allocation (every step) and budget. */
    record Detail(Campaign campaign, Allocation allocation, CostEstimate cost) {
    }

    @Operation(summary = "The campaigns (đợt khảo sát) the caller may see")
    @GetMapping
    @PreAuthorize(READERS)
    List<Campaign> list() {
        return campaigns.visible();
    }

    @Operation(summary = "Creates a campaign as a draft: scope, period, methodology, target size, minimum per unit, channel mix and costs")
    @PostMapping
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.CREATED)
    Detail create(@RequestBody CampaignForm form) {
        return detail(campaigns.create(form.plan(catalog)));
    }

    @Operation(summary = "A campaign with its allocation (every step) and budget")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Detail detail(@PathVariable long id) {
        Campaign campaign = campaigns.get(id);
        Allocation allocation = campaigns.allocation(campaign);
        return new Detail(campaign, allocation, campaigns.cost(campaign, allocation));
    }

    /** n = N / (1 + N·e²) for a frame of N and a margin e (0.05 by default). */
    @Operation(summary = "The sample size n = N / (1 + N·e²) for a frame of N dossiers and a margin e")
    @GetMapping("/target")
    @PreAuthorize(READERS)
    TargetSize target(@RequestParam long frame, @RequestParam(defaultValue = "0.05") double margin) {
        return TargetSize.of(frame, margin);
    }

    @Operation(summary = "Draws the sample and its reserve list (simple random sampling per stratum) with a recorded seed")
    @PostMapping("/{id}/draw")
    @PreAuthorize(MANAGERS)
    Campaigns.DrawSummary draw(@PathVariable long id, @RequestParam(required = false) Long seed) {
        return campaigns.draw(id, seed);
    }

    @Operation(summary = "Starts fieldwork: the drawn sample goes to its channels")
    @PostMapping("/{id}/start")
    @PreAuthorize(MANAGERS)
    Campaign start(@PathVariable long id) {
        campaigns.startFieldwork(id);
        return campaigns.get(id);
    }

    @Operation(summary = "Closes fieldwork: no more responses are taken")
    @PostMapping("/{id}/close")
    @PreAuthorize(MANAGERS)
    Campaign close(@PathVariable long id) {
        campaigns.close(id);
        return campaigns.get(id);
    }

    @PostMapping("/{id}/next")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "The next period's campaign of a recurring campaign, made once",
            description = "Makes the next period's campaign as a draft with the same rules. Asked again (a retry, a "
                    + "double click, another manager, another node at the same moment) it answers the campaign made "
                    + "the first time, whatever its state since, and makes nothing: safe to repeat.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "The next campaign, made by this call"),
                    @ApiResponse(responseCode = "200", description = "The next campaign, made before by an earlier call"),
                    @ApiResponse(responseCode = "409", description = "A one-off campaign has no next period")})
    ResponseEntity<Campaign> next(@PathVariable long id) {
        Campaigns.Next next = campaigns.next(id);
        return ResponseEntity.status(next.created() ? HttpStatus.CREATED : HttpStatus.OK).body(campaigns.get(next.id()));
    }

    @Operation(summary = "Replaces a sample member by the next one of its stratum's reserve list, with a reason")
    @PostMapping("/{id}/sample/{member}/replace")
    @PreAuthorize(MANAGERS)
    SampleMember replace(@PathVariable long id, @PathVariable long member, @RequestParam String reason) {
        campaigns.get(id);
        return campaigns.replace(member, reason);
    }

    /** The sample of a campaign without contacts: members, strata, channels, inclusion probabilities. */
    @Operation(summary = "The sample without contacts: members, strata, channels and inclusion probabilities")
    @GetMapping("/{id}/sample")
    @PreAuthorize(READERS)
    List<SampleMember> sample(@PathVariable long id) {
        return campaigns.members(campaigns.get(id), null, null);
    }

    @Operation(summary = "A channel's work list of the sample as CSV or XLSX (contacts masked for the roles that do not call)")
    @GetMapping("/{id}/work-list/{channel}.{format:csv|xlsx}")
    @PreAuthorize(FIELD)
    ResponseEntity<byte[]> workList(@PathVariable long id, @PathVariable SurveyChannel channel, @PathVariable String format) {
        return files.workList(id, channel, format);
    }

    @Operation(summary = "The campaign's cost estimate per channel and fixed cost as CSV or XLSX")
    @GetMapping("/{id}/cost.{format:csv|xlsx}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> cost(@PathVariable long id, @PathVariable String format) {
        return files.cost(id, format);
    }
}
