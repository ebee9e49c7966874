package org.sipas.planning;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan to start from, read from a data file of {@code planning/}: its tasks and sub-steps with
 * times relative to the plan's year, so that "the plan of 2027" is the same cycle with 2027's dates.
 *
 * @param period the period label with {@code {year}} placeholders, or null for a yearly plan
 */
record PlanTemplate(String code, String name, String nameEn, String title, String period, List<Item> tasks) {

    private static final Pattern YEAR = Pattern.compile("\\{year(?:([+-])(\\d+))?}");

    PlanTemplate {
        tasks = List.copyOf(tasks);
    }

    /**
     * When an item runs, relative to the plan's year: months of a year (offset {@code yearOffset}),
     * quarters of the plan's year, or whole years (offsets from the plan's year).
     */
    record When(TaskTime.Granularity granularity, int from, int to, int yearOffset) {

        TaskTime in(int year) {
            return switch (granularity) {
                case MONTH -> TaskTime.months(year + yearOffset, from, year + yearOffset, to);
                case QUARTER -> TaskTime.quarters(year + yearOffset, from, to);
                case YEAR -> new TaskTime(TaskTime.year(year + from).start(), TaskTime.year(year + to).end(), TaskTime.Granularity.YEAR);
                case DATES -> throw new IllegalStateException("a template holds no fixed dates");
            };
        }
    }

    /** A task or sub-step; a sub-step without a time of its own runs when its task does. */
    record Item(String content, When when, String lead, String partners, String deliverable, List<Item> steps) {

        Item {
            steps = List.copyOf(steps);
        }
    }

    int taskCount() {
        return tasks.size();
    }

    /** A text with {@code {year}}, {@code {year-1}}, {@code {year+6}} written for the plan's year. */
    static String forYear(String text, int year) {
        if (text == null) {
            return null;
        }
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int shift = m.group(1) == null ? 0 : Integer.parseInt(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            m.appendReplacement(out, String.valueOf(year + shift));
        }
        m.appendTail(out);
        return out.toString();
    }
}
