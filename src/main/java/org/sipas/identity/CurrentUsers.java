package org.sipas.identity;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
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

    /**
     * Runs work that has no request behind it (loading the demo, a scheduled job, a benchmark) as
     * {@code caller}, so it meets the same scope checks and audit entries as a user would.
     */
    public <T> T runAs(CurrentUser caller, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Name for the audit log: the caller, or {@code system} for work with no caller (start-up, demo). */
    public String actorName() {
        return find().map(CurrentUser::name).orElse("system");
    }
}
