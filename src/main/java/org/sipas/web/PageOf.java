package org.sipas.web;

import java.util.List;

/** One page of a list, numbered from 1, as the pager fragment shows it. */
public record PageOf<T>(List<T> items, int number, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public long offset() {
        return (long) (number - 1) * size;
    }

    /** The page asked for, kept within 1…∞ so a hand-edited URL cannot ask for page 0. */
    public static int number(Integer requested) {
        return requested == null || requested < 1 ? 1 : requested;
    }
}
