package org.sipas.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A staff account as Spring Security sees it. */
final class StaffUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;
    private final boolean mustChangePassword;

    StaffUser(long id, CurrentUser user, String passwordHash, boolean enabled, boolean mustChangePassword) {
        this.id = id;
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
    }

    long id() {
        return id;
    }

    CurrentUser currentUser() {
        return user;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
