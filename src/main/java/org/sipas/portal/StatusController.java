package org.sipas.portal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The public status page ({@code /portal/status}; its JSON twin is {@link StatusApi}),
 * for citizens, journalists and a monitor: 200 when the database answers, 503 when it does not.
 * Kept ten seconds by browsers and the portal's micro-cache (a status is about now, and a loop of
 * requests costs one check per ten seconds), with an ETag of what it says to the second's truncation
 * of its times; rate-limited with the open data.
 */
@Controller
class StatusController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();

    private final PortalStatus status;

    StatusController(PortalStatus status) {
        this.status = status;
    }

    @GetMapping("/portal/status")
    String page(Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalStatus.Status now = status.now();
        if (request.getUserPrincipal() != null) {
            model.addAttribute("staff", request.getUserPrincipal().getName());
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        } else {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
            if (new ServletWebRequest(request, response).checkNotModified(tag(now))) {
                return null;
            }
        }
        response.setStatus(now.databaseReachable() ? 200 : HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("status", now);
        return "portal/status";
    }

    /** What the status says (not when it was checked): the same status twice is the same tag. */
    static String tag(PortalStatus.Status s) {
        String said = Objects.hash(s.databaseReachable(), s.foldWaiting(), s.foldLagSeconds(), s.lastFoldAt(), s.lastPublicationAt(),
                s.lastPublicationCampaign(), s.version()) + "";
        return "\"status-" + HexFormat.of().formatHex(said.getBytes(StandardCharsets.US_ASCII)) + "\"";
    }
}
