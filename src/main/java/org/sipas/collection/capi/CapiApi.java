package org.sipas.collection.capi;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.sipas.identity.CurrentUsers;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON the CAPI app exchanges with the server, on the interviewer's login session (see the
 * package documentation for why not under {@code /api/v1}). Answers: 201 for a stored item, 200
 * for a key synced before, and RFC 9457 problem details (type {@code urn:sipas:problem:capi-*})
 * for an item the device must keep aside: 400, 403, 404, 409, 422, each with a message to show.
 */
@RestController
@RequestMapping("/capi/api")
@PreAuthorize(CapiApi.INTERVIEWERS)
class CapiApi {

    static final String INTERVIEWERS = "hasRole('INTERVIEWER')";

    /** Who is signed in, and the session's CSRF token for the device's next posts. */
    record Session(String username, String csrfHeader, String csrfToken) {
    }

    private final Assignments assignments;
    private final Interviews interviews;
    private final Visits visits;
    private final CurrentUsers users;
    private final MessageSource messages;

    CapiApi(Assignments assignments, Interviews interviews, Visits visits, CurrentUsers users, MessageSource messages) {
        this.assignments = assignments;
        this.interviews = interviews;
        this.visits = visits;
        this.users = users;
        this.messages = messages;
    }

    @Operation(summary = "The CAPI app's session: the interviewer, the CSRF token and the app's texts")
    @GetMapping("/session")
    Session session(CsrfToken csrf) {
        return new Session(users.current().name(), csrf.getHeaderName(), csrf.getToken());
    }

    @Operation(summary = "The interviewer's face-to-face cases with their questionnaires, for offline work")
    @GetMapping("/assignments")
    Assignments.Download assignments() {
        return assignments.download(users.current());
    }

    @Operation(summary = "Syncs a face-to-face interview done on the device, once per idempotency key")
    @PostMapping("/interviews")
    ResponseEntity<Map<String, Object>> interview(@RequestBody SyncedInterview interview, Locale locale) {
        Interviews.Accepted accepted = interviews.accept(interview, users.current().name(), locale);
        return ResponseEntity.status(accepted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("responseId", accepted.responseId(), "created", accepted.created()));
    }

    @Operation(summary = "Syncs a visit without an interview (not at home, refused, moved) with its outcome")
    @PostMapping("/visits")
    ResponseEntity<Map<String, Object>> visit(@RequestBody SyncedVisit visit) {
        Visits.Recorded recorded = visits.record(visit, users.current().name());
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("visitId", recorded.visitId(), "created", recorded.created()));
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(refusal.status());
        problem.setType(URI.create("urn:sipas:problem:capi-" + refusal.key().substring(refusal.key().lastIndexOf('.') + 1)));
        problem.setTitle(messages.getMessage("capi.refused.title", null, locale));
        problem.setDetail(messages.getMessage(refusal.key(), refusal.args(), locale));
        problem.setProperty("errors", refusal.errors());
        return problem;
    }
}
