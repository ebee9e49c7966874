package org.sipas.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the demo's officials and a year of dossiers for the Đồng Nai units of
 * {@code demo/units.csv}, as the CSV files a one-stop system would export. Deterministic: the
 * same seed gives the same files, so a demo looks the same on every machine.
 */
final class DemoData {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** Đồng Nai units with their share of the dossiers and the demo procedures they provide. */
    record DemoUnit(String code, int weight, List<String> procedures) {
    }

    static final List<String> COMMUNE_PROCEDURES = List.of("DEMO.001", "DEMO.002", "DEMO.003", "DEMO.004", "DEMO.005", "DEMO.006");

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("26041", 16, COMMUNE_PROCEDURES), new DemoUnit("26080", 9, COMMUNE_PROCEDURES),
            new DemoUnit("26017", 8, COMMUNE_PROCEDURES), new DemoUnit("26368", 7, COMMUNE_PROCEDURES),
            new DemoUnit("26485", 7, COMMUNE_PROCEDURES), new DemoUnit("25210", 8, COMMUNE_PROCEDURES),
            new DemoUnit("26425", 5, COMMUNE_PROCEDURES), new DemoUnit("26248", 6, COMMUNE_PROCEDURES),
            new DemoUnit("26206", 3, COMMUNE_PROCEDURES), new DemoUnit("25420", 2, COMMUNE_PROCEDURES),
            new DemoUnit("75.STP", 5, List.of("DEMO.007")), new DemoUnit("75.SXD", 3, List.of("DEMO.008")),
            new DemoUnit("75.STC", 4, List.of("DEMO.009")), new DemoUnit("75.SNNMT", 6, List.of("DEMO.010")),
            new DemoUnit("75.THUE", 4, List.of("DEMO.011")), new DemoUnit("75.BHXH", 4, List.of("DEMO.012")),
            new DemoUnit("75.CA", 8, List.of("DEMO.013", "DEMO.014")), new DemoUnit("75.SNV", 1, List.of("DEMO.015")));

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Đức", "Kim"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương",
            "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
            "Uyên", "Việt", "Xuân", "Yến"};
    private static final String[] TITLES = {"Công chức Bộ phận Một cửa", "Chuyên viên", "Công chức Tư pháp - Hộ tịch",
            "Công chức Địa chính - Xây dựng", "Phó Trưởng phòng"};

    private final SplittableRandom random;
    private final Map<String, List<String>> officialsByUnit = new LinkedHashMap<>();

    DemoData(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Four to eight officials per unit: {@code staff_code, full_name, title, unit_code}. */
    String officialsCsv() {
        StringBuilder csv = new StringBuilder("staff_code,full_name,title,unit_code\n");
        for (DemoUnit unit : UNITS) {
            List<String> codes = new ArrayList<>();
            int count = 4 + random.nextInt(5);
            for (int i = 1; i <= count; i++) {
                String code = "CC-" + unit.code().replace(".", "") + "-" + String.format("%02d", i);
                codes.add(code);
                csv.append(code).append(',').append(personName()).append(',')
                        .append(TITLES[random.nextInt(TITLES.length)]).append(',').append(unit.code()).append('\n');
            }
            officialsByUnit.put(unit.code(), codes);
        }
        return csv.toString();
    }

    /**
     * {@code count} dossiers received in the twelve months before {@code until}, spread over the
     * units by weight; about one in twenty returned late and one in twenty-five with no phone.
     * Call {@link #officialsCsv()} first: dossiers name the officials it made.
     */
    String dossiersCsv(int count, LocalDate until) {
        int totalWeight = UNITS.stream().mapToInt(DemoUnit::weight).sum();
        StringBuilder csv = new StringBuilder(count * 200);
        csv.append("receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,received_at,")
                .append("appointment_at,returned_at,receiving_official,processing_official,channel,status\n");
        LocalDateTime start = until.minusMonths(12).atStartOfDay();
        long minutes = java.time.Duration.between(start, until.atStartOfDay()).toMinutes();
        for (int i = 1; i <= count; i++) {
            DemoUnit unit = pick(totalWeight);
            List<String> officials = officialsByUnit.get(unit.code());
            LocalDateTime received = workingHours(start.plusMinutes(random.nextLong(minutes)));
            LocalDateTime appointment = received.plusDays(1 + random.nextInt(15));
            boolean open = received.isAfter(until.atStartOfDay().minusDays(10)) && random.nextInt(3) == 0;
            boolean late = random.nextInt(20) == 0;
            long hoursToAppointment = java.time.Duration.between(received, appointment).toHours();
            LocalDateTime returned = open ? null
                    : late ? appointment.plusDays(1 + random.nextInt(7))
                    : received.plusHours(1 + random.nextLong(hoursToAppointment));
            int kind = random.nextInt(100);
            int channel = random.nextInt(100);
            csv.append(unit.code().replace(".", "")).append('-').append(received.getYear()).append('-')
                    .append(String.format("%06d", i)).append(',')
                    .append(unit.procedures().get(random.nextInt(unit.procedures().size()))).append(',')
                    .append(unit.code()).append(',')
                    .append(kind < 80 ? "CITIZEN" : kind < 92 ? "ENTERPRISE" : "AUTHORISED").append(',')
                    .append(personName()).append(',')
                    .append(random.nextInt(25) == 0 ? "" : phone()).append(',')
                    .append(AT.format(received)).append(',')
                    .append(AT.format(appointment)).append(',')
                    .append(returned == null ? "" : AT.format(returned)).append(',')
                    .append(officials.get(random.nextInt(officials.size()))).append(',')
                    .append(officials.get(random.nextInt(officials.size()))).append(',')
                    .append(channel < 55 ? "DIRECT" : channel < 95 ? "ONLINE" : "POSTAL").append(',')
                    .append(returned == null ? "IN_PROGRESS" : "RETURNED").append('\n');
        }
        return csv.toString();
    }

    private DemoUnit pick(int totalWeight) {
        int r = random.nextInt(totalWeight);
        for (DemoUnit unit : UNITS) {
            r -= unit.weight();
            if (r < 0) {
                return unit;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    /** One-stop sections work 7:30–17:00 on working days: move a time into those hours. */
    private LocalDateTime workingHours(LocalDateTime at) {
        LocalDateTime t = at;
        while (t.getDayOfWeek().getValue() > 5) {
            t = t.plusDays(1);
        }
        return t.toLocalDate().atTime(7, 30).plusMinutes(random.nextInt(9 * 60 + 30));
    }

    private String personName() {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    private String phone() {
        String[] prefixes = {"090", "091", "093", "094", "096", "097", "098", "086", "088", "035", "038", "070", "079"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%07d", random.nextInt(10_000_000));
    }
}
