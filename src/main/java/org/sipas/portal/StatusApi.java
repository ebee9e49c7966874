package org.sipas.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public status page as JSON, for a monitor: the same status, 200 when the database answers, 503 when not. */
@RestController
@SecurityRequirements
@Tag(name = "Open data", description = "Dữ liệu mở: kết quả đã công bố, theo phiên bản, không cần đăng nhập")
class StatusApi {

    private final PortalStatus status;

    StatusApi(PortalStatus status) {
        this.status = status;
    }

    @Operation(summary = "The portal's status: database reachable, the live tallies' fold lag, the latest publication, the version",
            description = "Nothing personal. 200 when the database answers; 503 with the same body (the rest unknown) when it does not. "
                    + "Kept 10 seconds (Cache-Control, ETag).")
    @GetMapping("/api/v1/public/status")
    ResponseEntity<PortalStatus.Status> status() {
        PortalStatus.Status now = status.now();
        return ResponseEntity.status(now.databaseReachable() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .cacheControl(StatusController.CACHE).eTag(StatusController.tag(now)).body(now);
    }
}
