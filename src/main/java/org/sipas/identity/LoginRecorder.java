package org.sipas.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Notes when a staff user last logged in through the form (shown to administrators). */
@Component
class LoginRecorder {

    private final StaffAccounts accounts;

    LoginRecorder(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffUser user) {
            accounts.recordLogin(user.getUsername());
        }
    }
}
