package org.sipas.web;

import java.util.HashMap;
import java.util.List;
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
    private final PageAccess access;

    ErrorPages(FilterProblems problems, MessageSource messages, PageAccess access) {
        this.problems = problems;
        this.messages = messages;
        this.access = access;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws Exception {
        HttpStatus status = status(request);
        String key = "error." + (known(status, locale) ? status.value() : "generic");
        if (ErrorHandling.wantsProblem(request)) {
            problems.write(request, response, status, type(status), key);
            return null;
        }
        Map<String, Object> model = new HashMap<>(Map.of("status", status.value(), "titleKey", key + ".title", "textKey", key + ".text"));
        if (status == HttpStatus.FORBIDDEN) {
            model.put("pageRoles", pageRoles(request));
        }
        return new ModelAndView(PAGE, model, status);
    }

    /**
     * The roles the refused page is for, so that a refusal says who may open it (an administrator
     * opening an interviewer's call list learns it is the interviewers' own); empty when the page
     * is refused for its data's scope rather than for the role.
     */
    private List<String> pageRoles(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !"GET".equals(request.getMethod())) {
            return List.of();
        }
        return access.roles(path.substring(request.getContextPath().length())).stream().toList();
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
