package org.sipas.index;

import java.util.List;

/**
 * The figures of one domain: every node of the index tree, criteria first, the overall index last.
 *
 * @param domain the domain's kind ({@code nation}, {@code province}, {@code procedure}…)
 * @param code   the domain's value: a unit's code, a procedure's code, a channel, a month…
 * @param name   its label (a unit's or procedure's name, an official's full name), or the code
 * @param n      responses in the domain
 */
public record DomainEstimate(String domain, String code, String name, long n, List<IndexEstimate> figures) {

    /** The overall index's figure (the root, last). */
    public IndexEstimate overall() {
        return figures.get(figures.size() - 1);
    }
}
