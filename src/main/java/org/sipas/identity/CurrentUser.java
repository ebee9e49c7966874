package org.sipas.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is asking, as every feature needs to know it: a name for the audit log, roles, and the unit
 * whose subtree bounds what may be seen or changed.
 *
 * <p>Serializable: a signed-in staff member's session, which holds it, lives in PostgreSQL.
 *
 * @param name        user name, or {@code api-key:<name>} for an integration
 * @param scopeUnitId the root of the unit subtree this caller is confined to
 * @param partnerId   the partner organisation the caller belongs to (null: the administration's own
 *                    staff); its staff are further confined to the units and campaigns it serves
 *                    ({@link PartnerOrganisations})
 */
public record CurrentUser(String name, Set<Role> roles, long scopeUnitId, Long partnerId) implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    /** A caller of the administration's own, in no partner organisation. */
    public CurrentUser(String name, Set<Role> roles, long scopeUnitId) {
        this(name, roles, scopeUnitId, null);
    }

    /** Whether the caller is staff of a partner organisation. */
    public boolean isPartner() {
        return partnerId != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
