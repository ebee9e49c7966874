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

    /** Page {@code requested} (see {@link #number}) of a list held in memory; past the end it is empty. */
    public static <T> PageOf<T> of(List<T> all, Integer requested, int size) {
        int number = number(requested);
        int from = (int) Math.min(all.size(), (long) (number - 1) * size);
        return new PageOf<>(all.subList(from, Math.min(all.size(), from + size)), number, size, all.size());
    }

    /** The page asked for, kept within 1…∞ so a hand-edited URL cannot ask for page 0. */
    public static int number(Integer requested) {
        return requested == null || requested < 1 ? 1 : requested;
    }
}
