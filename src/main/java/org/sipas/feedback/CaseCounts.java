package org.sipas.feedback;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many cases a campaign's responses opened, by unit, for reports: the caller decides who may
 * see them and passes the scope (a unit id: it and its subtree). Counts only: no case's content,
 * and never who complained.
 */
@Service
public class CaseCounts {

    /**
     * One unit's cases.
     *
     * @param resolved resolved or closed
     * @param open     new, acknowledged or being investigated
     * @param overdue  open past their due time
     */
    public record UnitCases(String unitCode, String unitName, long total, long resolved, long open, long overdue) {
    }

    private final CaseStore store;
    private final Clock clock;

    CaseCounts(CaseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The cases of a campaign by unit, of the units within {@code scopeUnitId}, by unit name. */
    @Transactional(readOnly = true)
    public List<UnitCases> byUnit(long campaignId, long scopeUnitId) {
        return store.countsByUnit(campaignId, scopeUnitId, clock.instant());
    }
}
