package org.sipas.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * National-scale synthetic dossiers, written as the CSV a one-stop system exports: each of the
 * given units gets dossiers of its own procedures and officials, received over one year.
 * Streams to disk, so ten million rows cost no memory.
 */
final class SyntheticFrame {

    static final String HEADER = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
            + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status";

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai"};

    /** A unit of the frame with the official codes that serve it. */
    record FrameUnit(String code, List<String> officials) {
    }

    private SyntheticFrame() {
    }

    /** Writes {@code rows} dossiers spread evenly at random over {@code units}; returns the file. */
    static Path write(Path file, long rows, List<FrameUnit> units, List<String> procedures, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDateTime start = LocalDateTime.of(2025, 7, 1, 7, 30);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (long i = 1; i <= rows; i++) {
                FrameUnit unit = units.get(random.nextInt(units.size()));
                LocalDateTime received = start.plusDays(random.nextInt(365)).plusMinutes(random.nextInt(570));
                LocalDateTime appointment = received.plusDays(1 + random.nextInt(15));
                // returned up to three days before the appointment, never before receipt
                LocalDateTime early = appointment.minusHours(random.nextInt(72));
                LocalDateTime returned = early.isBefore(received) ? received : early;
                line.setLength(0);
                line.append("HS").append(i).append(',')
                        .append(procedures.get(random.nextInt(procedures.size()))).append(',')
                        .append(unit.code()).append(',')
                        .append(random.nextInt(10) < 8 ? "CITIZEN" : "ENTERPRISE").append(',')
                        .append(FAMILY[random.nextInt(FAMILY.length)]).append(' ')
                        .append(MIDDLE[random.nextInt(MIDDLE.length)]).append(' ')
                        .append(GIVEN[random.nextInt(GIVEN.length)]).append(',')
                        .append("09").append(String.format("%08d", random.nextInt(100_000_000))).append(',');
                date(line, received).append(',');
                date(line, appointment).append(',');
                date(line, returned).append(',')
                        .append(unit.officials().get(random.nextInt(unit.officials().size()))).append(',')
                        .append(unit.officials().get(random.nextInt(unit.officials().size()))).append(',')
                        .append(random.nextInt(2) == 0 ? "DIRECT" : "ONLINE").append(',')
                        .append("RETURNED").append('\n');
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** dd/MM/yyyy HH:mm without a formatter: the generator should not be the bottleneck. */
    private static StringBuilder date(StringBuilder s, LocalDateTime t) {
        two(s, t.getDayOfMonth()).append('/');
        two(s, t.getMonthValue()).append('/').append(t.getYear()).append(' ');
        two(s, t.getHour()).append(':');
        return two(s, t.getMinute());
    }

    private static StringBuilder two(StringBuilder s, int v) {
        return s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
