package org.sipas.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Log-in page and a user's own password. */
@Controller
class AccountController {

    private static final String LOGIN = "identity/login";
    private static final String PASSWORD = "identity/password";

    private final StaffAccounts accounts;

    AccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** @param throttled seconds to wait, when the throttle refused the last attempt (shown in whole minutes) */
    @GetMapping("/login")
    String login(@RequestParam(required = false) Long throttled, Model model) {
        if (throttled != null && throttled > 0) {
            model.addAttribute("waitMinutes", (throttled + 59) / 60);
        }
        return LOGIN;
    }

    @GetMapping("/account/password")
    String passwordForm(Authentication authentication, Model model) {
        model.addAttribute("required", authentication.getPrincipal() instanceof StaffUser u && u.mustChangePassword());
        return PASSWORD;
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String replacement, @RequestParam String confirmation,
                          Authentication authentication, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("required", authentication.getPrincipal() instanceof StaffUser u && u.mustChangePassword());
        if (!replacement.equals(confirmation)) {
            model.addAttribute("error", "password.mismatch");
            return PASSWORD;
        }
        try {
            accounts.changeOwnPassword(authentication.getName(), current, replacement);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return PASSWORD;
        }
        // the session's principal still says "must change": replace it with the fresh account
        StaffUser fresh = accounts.loadUserByUsername(authentication.getName());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        model.addAttribute("changed", true);
        model.addAttribute("required", false);
        return PASSWORD;
    }
}
