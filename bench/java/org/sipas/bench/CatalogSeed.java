package org.sipas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.bench.SyntheticFrame.FrameUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills an empty catalog with what synthetic dossiers name, by plain SQL (seeding is not what a
 * benchmark measures): the 34 provinces and 3,321 communes of the official list when it is
 * present, else synthetic ones; procedures; three officials per commune.
 */
final class CatalogSeed {

    static final int PROCEDURES = 200;
    static final int OFFICIALS_PER_COMMUNE = 3;

    /** The communes with their officials, and the procedure codes, that the generator may name. */
    record Seeded(List<FrameUnit> communes, List<String> procedures) {
    }

    private record Commune(String code, String name, String province) {
    }

    private CatalogSeed() {
    }

    static Seeded seed(JdbcTemplate jdbc, Path officialList) {
        Map<String, String> provinces = new LinkedHashMap<>();
        List<Commune> communes = new ArrayList<>();
        if (officialList != null) {
            read(officialList, provinces, communes);
        } else {
            for (int p = 1; p <= 34; p++) {
                String province = String.format("P%02d", p);
                provinces.put(province, "Tỉnh " + p);
                for (int c = 1; c <= 98; c++) {
                    communes.add(new Commune(String.format("%s%03d", province, c), "Xã " + c, province));
                }
            }
        }
        long nation = jdbc.queryForObject("SELECT id FROM unit WHERE code = 'VN'", Long.class);
        jdbc.batchUpdate("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth, valid_from)
                        VALUES (?, ?, 'PROVINCE', 'Tỉnh', ?, ?, 1, DATE '2025-07-01')""",
                provinces.entrySet().stream().map(p -> new Object[] {p.getKey(), p.getValue(), nation, "/VN/" + p.getKey() + "/"})
                        .toList());
        jdbc.batchUpdate("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth, valid_from)
                        SELECT ?, ?, 'COMMUNE', 'Xã', p.id, p.path || ? || '/', 2, DATE '2025-07-01'
                        FROM unit p WHERE p.code = ?""",
                communes.stream().map(c -> new Object[] {c.code(), c.name(), c.code(), c.province()}).toList());

        List<String> procedures = new ArrayList<>();
        for (int i = 1; i <= PROCEDURES; i++) {
            procedures.add(String.format("TTHC-%03d", i));
        }
        jdbc.batchUpdate("INSERT INTO procedure (code, name, level) VALUES (?, ?, 'COMMUNE')",
                procedures.stream().map(code -> new Object[] {code, "Thủ tục " + code}).toList());

        List<FrameUnit> frameUnits = new ArrayList<>();
        List<Object[]> officials = new ArrayList<>();
        for (Commune commune : communes) {
            List<String> staff = new ArrayList<>();
            for (int i = 1; i <= OFFICIALS_PER_COMMUNE; i++) {
                String code = "CB" + commune.code() + "-" + i;
                staff.add(code);
                officials.add(new Object[] {code, "Cán bộ " + i + " " + commune.name(), commune.code()});
            }
            frameUnits.add(new FrameUnit(commune.code(), staff));
        }
        jdbc.batchUpdate("INSERT INTO official (staff_code, full_name, unit_id) SELECT ?, ?, id FROM unit WHERE code = ?",
                officials);
        jdbc.execute("ANALYZE unit; ANALYZE procedure; ANALYZE official");
        return new Seeded(frameUnits, procedures);
    }

    /** level,code,name,full_name,name_en,unit_type,parent_code: no quoted commas in the official list. */
    private static void read(Path file, Map<String, String> provinces, List<Commune> communes) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f[0].equals("province")) {
                    provinces.put(f[1], f[2]);
                } else if (f[0].equals("commune")) {
                    communes.add(new Commune(f[1], f[2], f[6]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
