package org.sipas.planning;

import java.time.Instant;
import java.util.List;

/**
 * One row of a plan's table: a task, or a sub-step of one ({@code parentId} set), with who leads
 * it, who joins, when it runs and what it delivers.
 *
 * @param number   the TT column: "3" for a task, "3.2" for its second sub-step
 * @param late     derived, never stored: its end has passed (in Vietnamese time) and it is not done
 * @param partners the partner units of the catalog; {@code partnersNote} names those outside it
 */
record PlanTask(long id, long planId, Long parentId, int ordinal, String number, String content, long leadUnitId,
                String leadUnitName, String leadNote, List<Unit> partners, String partnersNote, TaskTime time,
                String deliverable, TaskStatus status, Instant doneAt, TaskLink link, boolean late, List<PlanTask> steps) {

    /** A unit named in a task. */
    record Unit(long id, String code, String name) {
    }

    PlanTask {
        partners = List.copyOf(partners);
        steps = List.copyOf(steps);
    }

    public boolean isStep() {
        return parentId != null;
    }

    /** The lead as the table's column writes it: the unit, or the plan's own words for it. */
    public String lead() {
        return leadNote == null || leadNote.isBlank() ? leadUnitName : leadNote;
    }

    /** The partner column: the catalog's units, then the plan's own words for the others. */
    public String partnerText() {
        StringBuilder out = new StringBuilder();
        for (Unit unit : partners) {
            out.append(out.isEmpty() ? "" : "; ").append(unit.name());
        }
        if (partnersNote != null && !partnersNote.isBlank()) {
            out.append(out.isEmpty() ? "" : "; ").append(partnersNote);
        }
        return out.toString();
    }
}
