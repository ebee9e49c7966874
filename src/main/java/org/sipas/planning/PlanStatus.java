package org.sipas.planning;

/** A plan is drafted, issued (signed: its deadlines are followed up and reminded), then closed. */
enum PlanStatus { DRAFT, ISSUED, CLOSED }
