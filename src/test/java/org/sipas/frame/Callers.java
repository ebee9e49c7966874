package org.sipas.frame;

import java.util.Set;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff callers of a frame test, signed in with a role and a unit scope as identity would sign them in. */
final class Callers {

    private Callers() {
    }

    static RequestPostProcessor as(String name, Role role, long scopeUnitId) {
        CurrentUser user = new CurrentUser(name, Set.of(role), scopeUnitId);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new TestingAuthenticationToken(user, null, role.authority()));
    }
}
