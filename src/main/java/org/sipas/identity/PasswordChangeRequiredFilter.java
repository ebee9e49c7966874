package org.sipas.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.web.FilterProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user logged in with a one-time password goes nowhere but the password change page; on the
 * API (HTTP Basic) the same user is answered 403 with a problem saying so, since a one-time
 * password handed out by an administrator must not open the API either. API keys are not
 * passwords and are not concerned.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";

    private final FilterProblems problems;

    PasswordChangeRequiredFilter(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user && user.mustChangePassword()) {
            if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "password-change-required", "login.mustChangePassword");
                return;
            }
            if (!path.equals(CHANGE_PAGE) && !path.equals("/logout") && !path.startsWith("/css/")
                    && !path.startsWith("/webjars/") && !path.startsWith("/js/") && !path.equals("/error")) {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
