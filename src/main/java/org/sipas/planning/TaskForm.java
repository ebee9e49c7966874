package org.sipas.planning;

import java.util.List;

/** A task as written on its form or carried from a template. */
record TaskForm(String content, long leadUnitId, String leadNote, List<Long> partnerUnitIds, String partnersNote,
                TaskTime time, String deliverable, TaskLink.Kind linkKind, Long linkId) {

    TaskForm {
        partnerUnitIds = partnerUnitIds == null ? List.of() : List.copyOf(partnerUnitIds);
    }
}
