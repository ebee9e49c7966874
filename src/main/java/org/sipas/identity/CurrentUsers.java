package org.sipas.identity;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, whether a staff user or an integration's API key. */
@Component
public class CurrentUsers {

    public CurrentUser current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No authenticated caller"));
    }

    public Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof StaffUser staff) {
            return Optional.of(staff.currentUser());
        }
        if (principal instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** Name for the audit log: the caller, or {@code system} for work with no caller (start-up, demo). */
    public String actorName() {
        return find().map(CurrentUser::name).orElse("system");
    }
}
