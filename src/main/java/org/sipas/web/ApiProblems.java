package org.sipas.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one error shape of the JSON API (RFC 9457 problem details): a rejected import answers 422
 * with every error as {@code line, column, message}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems {

    private final ImportErrors importErrors;
    private final MessageSource messages;

    ApiProblems(ImportErrors importErrors, MessageSource messages) {
        this.importErrors = importErrors;
        this.messages = messages;
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail importRejected(ImportRejectedException rejected, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(URI.create("urn:sipas:problem:import-rejected"));
        problem.setTitle(messages.getMessage("import.rejected.title", null, locale));
        problem.setDetail(messages.getMessage("import.rejected.detail",
                new Object[] {rejected.file(), rejected.errors().size()}, locale));
        problem.setProperty("file", rejected.file());
        problem.setProperty("errors", importErrors.show(rejected, locale).stream()
                .map(e -> new ApiError(e.line(), e.column(), e.code(), e.message()))
                .toList());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:sipas:problem:bad-request"));
        return problem;
    }

    record ApiError(long line, String column, String code, String message) {
    }
}
