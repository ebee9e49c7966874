package org.sipas.feedback;

import java.time.Clock;
import java.util.List;

import org.sipas.frame.SamplingFrame;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.sipas.web.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** The cases as the pages and the API read them, within the caller's scope. */
@Service
class Cases {

    /**
     * The contact of a respondent who consented to be contacted, for the case's owner only;
     * {@code erasedOn} (dd/MM/yyyy) once the retention rule erased it, name and phone then null.
     */
    record Contact(String name, String phone, String erasedOn) {
    }

    private final CaseStore store;
    private final CaseLifecycle lifecycle;
    private final UnitScope scope;
    private final UnitDirectory units;
    private final CurrentUsers users;
    private final UnitHeads heads;
    private final SamplingFrame frame;
    private final Clock clock;

    Cases(CaseStore store, CaseLifecycle lifecycle, UnitScope scope, UnitDirectory units, CurrentUsers users, UnitHeads heads,
          SamplingFrame frame, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.scope = scope;
        this.units = units;
        this.users = users;
        this.heads = heads;
        this.frame = frame;
        this.clock = clock;
    }

    PageOf<CaseView> list(CaseFilter filter, int page, int size) {
        Long unit = null;
        if (filter.unit() != null && !filter.unit().isBlank()) {
            unit = units.findByCode(filter.unit().strip())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown unit (unit) " + filter.unit()))
                    .id();
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            try {
                CaseState.valueOf(filter.state().strip());
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown state (state) " + filter.state());
            }
        }
        return store.list(filter, unit, scope.unitId(), clock.instant(), page, size);
    }

    CaseView get(long id) {
        return lifecycle.visible(id);
    }

    List<CaseStore.Step> steps(long id) {
        lifecycle.visible(id);
        return store.steps(id);
    }

    List<UnitHeads.Head> owners(CaseView c) {
        return heads.of(c.ownerUnitId());
    }

    /**
     * The respondent's contact: only when they consented, and only for a head of the owning unit (or an
     * administrator); empty for everyone else, whatever they ask (DESIGN §8).
     */
    java.util.Optional<Contact> contact(CaseView c) {
        boolean owner = heads.of(c.ownerUnitId()).stream().anyMatch(h -> h.username().equals(users.current().name()))
                || users.current().hasAny(Role.ADMIN, Role.PROVINCE_ADMIN);
        if (!c.consented() || !owner || c.receiptCode() == null) {
            return java.util.Optional.empty();
        }
        return store.dossierOf(c.id()).flatMap(d -> frame.contacts(List.of(d)).stream().findFirst())
                .map(x -> new Contact(x.name(), x.phone(), x.erasedOn()));
    }

    List<CaseStore.Statistics> statistics(String by, java.time.Instant from, java.time.Instant to) {
        return store.statistics(by, scope.unitId(), from, to, clock.instant());
    }
}
