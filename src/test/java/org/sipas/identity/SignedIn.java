package org.sipas.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc request in as a caller with roles and a unit scope, as the login form or an API key would. */
public final class SignedIn {

    private SignedIn() {
    }

    public static RequestPostProcessor as(CurrentUser caller) {
        List<SimpleGrantedAuthority> authorities = caller.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities));
    }
}
