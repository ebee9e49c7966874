package org.sipas.planning;

/**
 * The piece of sipas a task is (a survey campaign, its report, a publication of results), by id,
 * with the name and page it has now.
 */
record TaskLink(Kind kind, long id, String name, String href) {

    enum Kind { CAMPAIGN, REPORT, PUBLICATION }
}
