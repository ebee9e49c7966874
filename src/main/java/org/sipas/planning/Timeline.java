package org.sipas.planning;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as a Gantt-like grid drawn by the server: one column per month from the plan's first
 * month to its last (at least its year), one row per task or sub-step, the months it runs marked.
 * A table, so it reads without JavaScript and a screen reader hears each row's time in its header.
 */
record Timeline(List<YearMonth> months, List<Row> rows) {

    /** A row: the task and, per month, whether it runs then. */
    record Row(PlanTask task, List<Boolean> cells) {
    }

    static Timeline of(int year, List<PlanTask> rows) {
        YearMonth first = YearMonth.of(year, 1);
        YearMonth last = YearMonth.of(year, 12);
        for (PlanTask task : rows) {
            YearMonth start = YearMonth.from(task.time().start());
            YearMonth end = YearMonth.from(task.time().end());
            first = start.isBefore(first) ? start : first;
            last = end.isAfter(last) ? end : last;
        }
        // a plan over a period draws at most five years, the rest stays in the table's time column
        if (first.plusMonths(59).isBefore(last)) {
            last = first.plusMonths(59);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<Row> out = new ArrayList<>();
        for (PlanTask task : rows) {
            YearMonth start = YearMonth.from(task.time().start());
            YearMonth end = YearMonth.from(task.time().end());
            out.add(new Row(task, months.stream().map(m -> !m.isBefore(start) && !m.isAfter(end)).toList()));
        }
        return new Timeline(List.copyOf(months), List.copyOf(out));
    }
}
