package org.sipas.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every error ends that no controller answered itself: a filter's refusal (403, 413, 429),
 * an exception no handler took, a page's {@code sendError} from {@link ErrorHandling}. A browser
 * gets the error page in the site's layout, in its language, with a way back; the API gets problem
 * details. Replaces Spring Boot's whitelabel controller, whose JSON has another shape.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final String PAGE = "error";

    private final FilterProblems problems;
    private final MessageSource messages;

    ErrorPages(FilterProblems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws Exception {
        HttpStatus status = status(request);
        String key = "error." + (known(status, locale) ? status.value() : "generic");
        if (ErrorHandling.wantsProblem(request)) {
            problems.write(request, response, status, type(status), key);
            return null;
        }
        return new ModelAndView(PAGE, Map.of("status", status.value(), "titleKey", key + ".title", "textKey", key + ".text"), status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private boolean known(HttpStatus status, Locale locale) {
        return messages.getMessage("error." + status.value() + ".title", null, null, locale) != null;
    }

    /** {@code not-found}, {@code forbidden}, …: the problem's type after {@code urn:sipas:problem:}. */
    private static String type(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
