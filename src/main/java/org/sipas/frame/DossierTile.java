package org.sipas.frame;

import java.text.NumberFormat;

import org.sipas.identity.CurrentUsers;
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
    public DashboardTile tile() {
        long dossiers = currentUsers.find().map(u -> counts.total(DossierFilter.scope(u.scopeUnitId()))).orElse(0L);
        return new DashboardTile(40, "frame.tile.dossiers",
                NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(dossiers), "/dossiers");
    }
}
