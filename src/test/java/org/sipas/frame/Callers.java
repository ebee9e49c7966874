package org.sipas.frame;

import java.util.Set;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Staff callers of a frame test, signed in with a role and a unit scope as identity would sign them in. */
final class Callers {

    private Callers() {
    }

    static RequestPostProcessor as(String name, Role role, long scopeUnitId) {
        return SignedIn.as(new CurrentUser(name, Set.of(role), scopeUnitId));
    }
}
