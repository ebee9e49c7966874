package org.sipas.web;

import java.util.Optional;

/**
 * A figure on the home page, contributed by a feature module (the home page knows none of them).
 *
 * @param order     position on the page, smaller first
 * @param titleCode message code of the title
 * @param value     the figure, already formatted
 * @param href      where a click leads
 */
public record DashboardTile(int order, String titleCode, String value, String href) {

    /** Implemented by each feature that has something to show on the home page. */
    public interface Source {
        /** The figure for the current caller, or nothing when their role may not open where it leads. */
        Optional<DashboardTile> tile();
    }
}
