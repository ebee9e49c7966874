package org.sipas.planning;

/** Where a task stands as its lead unit says; "late" is no status of its own but derived ({@link PlanTask#late()}). */
enum TaskStatus { NOT_STARTED, IN_PROGRESS, DONE }
