package org.sipas.feedback;

import org.sipas.methodology.AlertSeverity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar of the SLA: Saturdays, Sundays and the public holidays of the table
 * {@code public_holiday} (editable; Tết and Giỗ Tổ move with the lunar calendar) are not working days.
 * Days are counted in Vietnamese time.
 */
@Service
public class WorkingDays {

    record Holiday(LocalDate day, String name) {
    }

    private final JdbcClient jdbc;

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The moment {@code days} working days after {@code from}: the same time of day on the
     * {@code days}-th working day after its date (opened on Friday at 10:00 with one day: Monday at
     * 10:00, or Tuesday when Monday is a holiday).
     */
    public Instant add(Instant from, int days) {
        ZonedDateTime start = from.atZone(Formats.ZONE);
        // a year of holidays at most is ever skipped: read them once
        Set<LocalDate> holidays = holidays(start.toLocalDate(), start.toLocalDate().plusDays(days * 3L + 400));
        LocalDate day = start.toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day, holidays)) {
                left--;
            }
        }
        return start.with(day).toInstant();
    }

    /** Working days from {@code from} to {@code to} (whole days passed; 0 on the same day). */
    public int between(Instant from, Instant to) {
        LocalDate a = from.atZone(Formats.ZONE).toLocalDate();
        LocalDate b = to.atZone(Formats.ZONE).toLocalDate();
        Set<LocalDate> holidays = holidays(a, b);
        int days = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d, holidays)) {
                days++;
            }
        }
        return days;
    }

    /** The first working day of the month of {@code month}. */
    LocalDate firstOfMonth(LocalDate month) {
        LocalDate day = month.withDayOfMonth(1);
        Set<LocalDate> holidays = holidays(day, day.plusDays(31));
        while (!isWorkingDay(day, holidays)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    private Set<LocalDate> holidays(LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("SELECT day FROM public_holiday WHERE day BETWEEN :a AND :b")
                .param("a", from).param("b", to).query(LocalDate.class).list());
    }

    List<Holiday> all() {
        return jdbc.sql("SELECT day, name FROM public_holiday ORDER BY day").query(Holiday.class).list();
    }

    @Transactional
    void put(LocalDate day, String name) {
        jdbc.sql("INSERT INTO public_holiday (day, name) VALUES (:d, :n) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name")
                .param("d", day).param("n", name).update();
    }

    @Transactional
    void remove(LocalDate day) {
        jdbc.sql("DELETE FROM public_holiday WHERE day = :d").param("d", day).update();
    }

    int slaDays(AlertSeverity severity) {
        return jdbc.sql("SELECT working_days FROM feedback_sla WHERE severity = :s").param("s", severity.name())
                .query(Integer.class).optional().orElse(5);
    }
}
