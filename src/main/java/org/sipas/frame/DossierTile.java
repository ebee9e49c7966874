package org.sipas.frame;

import java.text.NumberFormat;
import java.util.Optional;

import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.web.DashboardTile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The home page's figure for the frame: how many dossiers lie in the caller's scope. */
@Component
class DossierTile implements DashboardTile.Source {

    private final DossierCounts counts;
    private final CurrentUsers currentUsers;

    DossierTile(DossierCounts counts, CurrentUsers currentUsers) {
        this.counts = counts;
        this.currentUsers = currentUsers;
    }

    @Override
    public Optional<DashboardTile> tile() {
        // the same roles as the dossiers page
        return currentUsers.find()
                .filter(u -> u.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.UNIT_MANAGER, Role.ANALYST))
                .map(u -> new DashboardTile(40, "frame.tile.dossiers", NumberFormat.getIntegerInstance(
                        LocaleContextHolder.getLocale()).format(counts.total(DossierFilter.scope(u.scopeUnitId()))), "/dossiers"));
    }
}
