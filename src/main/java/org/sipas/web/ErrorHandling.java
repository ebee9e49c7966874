package org.sipas.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * One error handling for the whole product, decided once by {@link #wantsProblem}: the JSON API
 * gets RFC 9457 problem details, a browser gets the error page in the site's layout ({@link ErrorPages},
 * reached through the servlet container's error dispatch, as every refusal of a filter is).
 *
 * <p>Spring MVC's own exceptions (a path variable that does not convert, a missing parameter, an
 * unknown URL, a {@code ResponseStatusException} of a controller) come here first, before a
 * feature's advice that matches an exception's cause (a path variable that is no number is caused
 * by a NumberFormatException, which {@link ApiProblems} would take for a 400); a feature's own
 * exceptions (a rejected import) are not Spring MVC's and pass through to their handlers.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling extends ResponseEntityExceptionHandler {

    /**
     * Whether the caller reads problem details rather than a page: the API paths (the staff API,
     * the citizen's JSON submit, the kiosk's ratings, the CAPI app's sync) whatever they accept,
     * elsewhere a caller that asks for JSON and not for HTML.
     */
    static boolean wantsProblem(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        if (path.startsWith("/api/") || path.startsWith("/capi/api/") || path.startsWith("/actuator/")
                || path.matches("/s/[^/]+/response") || path.matches("/k/[^/]+/ratings")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && !accept.contains("text/html") && accept.contains("json");
    }

    /** A path that names no object (/campaigns/new, /campaigns/abc) is not found, not a bad request. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            ProblemDetail notFound = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "Nothing is found at '" + mismatch.getValue() + "' (" + mismatch.getName() + ")");
            return handleExceptionInternal(ex, notFound, headers, HttpStatus.NOT_FOUND, request);
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ServletWebRequest servlet = (ServletWebRequest) request;
        if (wantsProblem(servlet.getRequest())) {
            return super.handleExceptionInternal(ex, body, headers, status, request);
        }
        HttpServletResponse response = servlet.getResponse();
        if (response == null || response.isCommitted()) {
            return null;
        }
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            // the container's error dispatch renders the page (ErrorPages), as for a filter's refusal
            response.sendError(status.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
