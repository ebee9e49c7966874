package org.sipas.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * When a task runs: a start and an end date, and the granularity its author chose, which decides
 * how it reads ("Tháng 3/2027", "Tháng 3 - 4/2027", "Quý II/2027", "Năm 2027", or the dates).
 * A month or a quarter is stored as its first and last day, so deadlines and the timeline work on
 * dates alike.
 */
record TaskTime(LocalDate start, LocalDate end, Granularity granularity) {

    enum Granularity { MONTH, QUARTER, YEAR, DATES }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    TaskTime {
        if (start == null || end == null || granularity == null) {
            throw new IllegalArgumentException("a task's time needs a start, an end and a granularity");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a task cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    static TaskTime months(int year, int fromMonth, int toYear, int toMonth) {
        return new TaskTime(LocalDate.of(year, fromMonth, 1), YearMonth.of(toYear, toMonth).atEndOfMonth(), Granularity.MONTH);
    }

    static TaskTime quarters(int year, int fromQuarter, int toQuarter) {
        return new TaskTime(LocalDate.of(year, fromQuarter * 3 - 2, 1), YearMonth.of(year, toQuarter * 3).atEndOfMonth(), Granularity.QUARTER);
    }

    static TaskTime year(int year) {
        return new TaskTime(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Granularity.YEAR);
    }

    static TaskTime dates(LocalDate start, LocalDate end) {
        return new TaskTime(start, end, Granularity.DATES);
    }

    /** The same span moved by whole years (a template's 2020 plan made the plan of 2027). */
    TaskTime plusYears(int years) {
        LocalDate s = start.plusYears(years);
        LocalDate e = granularity == Granularity.DATES ? end.plusYears(years) : YearMonth.from(end.plusYears(years)).atEndOfMonth();
        return new TaskTime(s, e, granularity);
    }

    /** As the plan's table writes it, in Vietnamese. */
    public String text() {
        return switch (granularity) {
            case MONTH -> sameMonth() ? "Tháng %d/%d".formatted(start.getMonthValue(), start.getYear())
                    : start.getYear() == end.getYear() ? "Tháng %d - %d/%d".formatted(start.getMonthValue(), end.getMonthValue(), end.getYear())
                    : "Tháng %d/%d - %d/%d".formatted(start.getMonthValue(), start.getYear(), end.getMonthValue(), end.getYear());
            case QUARTER -> quarter(start) == quarter(end) && start.getYear() == end.getYear()
                    ? "Quý %s/%d".formatted(ROMAN[quarter(start) - 1], start.getYear())
                    : "Quý %s - %s/%d".formatted(ROMAN[quarter(start) - 1], ROMAN[quarter(end) - 1], end.getYear());
            case YEAR -> start.getYear() == end.getYear() ? "Năm %d".formatted(start.getYear())
                    : "Năm %d - %d".formatted(start.getYear(), end.getYear());
            case DATES -> start.equals(end) ? DAY.format(start) : DAY.format(start) + " - " + DAY.format(end);
        };
    }

    /** The same in English. */
    public String textEn() {
        return switch (granularity) {
            case MONTH -> sameMonth() ? "%02d/%d".formatted(start.getMonthValue(), start.getYear())
                    : "%02d/%d - %02d/%d".formatted(start.getMonthValue(), start.getYear(), end.getMonthValue(), end.getYear());
            case QUARTER -> quarter(start) == quarter(end) && start.getYear() == end.getYear()
                    ? "Q%d %d".formatted(quarter(start), start.getYear())
                    : "Q%d - Q%d %d".formatted(quarter(start), quarter(end), end.getYear());
            case YEAR -> start.getYear() == end.getYear() ? String.valueOf(start.getYear()) : start.getYear() + " - " + end.getYear();
            case DATES -> start.equals(end) ? DAY.format(start) : DAY.format(start) + " - " + DAY.format(end);
        };
    }

    /** The start as the task form writes it for this granularity (yyyy-MM, yyyy-Qn, yyyy, dd/MM/yyyy). */
    public String startInput() {
        return input(start);
    }

    public String endInput() {
        return input(end);
    }

    private String input(LocalDate day) {
        return switch (granularity) {
            case MONTH -> YearMonth.from(day).toString();
            case QUARTER -> day.getYear() + "-Q" + quarter(day);
            case YEAR -> String.valueOf(day.getYear());
            case DATES -> DAY.format(day);
        };
    }

    private boolean sameMonth() {
        return YearMonth.from(start).equals(YearMonth.from(end));
    }

    private static int quarter(LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }
}
