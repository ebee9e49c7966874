package org.sipas.reporting;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * GNU PSPP (Debian's {@code pspp}) run on a syntax file, its tables read back from its CSV
 * output: the independent reader every {@code .sav} the product writes is checked with. A test
 * that needs it is skipped, saying so, on a machine without it ({@code .ci/run} installs it).
 */
final class Pspp {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("SIPAS_PSPP", "/usr/bin/pspp"));

    /** What PSPP printed: its tables as CSV lines, and its warnings and errors. */
    record Output(List<String> lines, String errors) {

        /** The rows of the table whose title line is {@code title}, up to the next blank line, as cells. */
        List<List<String>> table(String title) {
            List<List<String>> rows = new ArrayList<>();
            boolean in = false;
            for (String line : lines) {
                if (!in) {
                    in = line.equals("Table: " + title);
                    continue;
                }
                if (line.isBlank()) {
                    break;
                }
                rows.add(cells(line));
            }
            if (!in) {
                throw new AssertionError("PSPP printed no table '" + title + "':\n" + String.join("\n", lines));
            }
            return rows;
        }
    }

    private Pspp() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), "GNU PSPP is not installed at " + BINARY
                + ": the .sav read-back is skipped (Debian: apt-get install pspp; .ci/run installs it)");
    }

    /** Runs {@code syntax} (which may name {@code file} as FILE) in a directory of its own. */
    static Output run(Path directory, String syntax) throws IOException, InterruptedException {
        Path script = directory.resolve("read.sps");
        Path csv = directory.resolve("output.csv");
        Path errors = directory.resolve("errors.txt");
        Files.writeString(script, syntax, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(BINARY.toString(), "-b", "--syntax-encoding=UTF-8", "-o", csv.toString(),
                "-O", "format=csv", "-e", errors.toString(), script.toString())
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(directory.resolve("stdout.txt").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("PSPP did not finish in 60 s");
        }
        String errorText = Files.exists(errors) ? Files.readString(errors, StandardCharsets.UTF_8) : "";
        errorText += Files.readString(directory.resolve("stdout.txt"), StandardCharsets.UTF_8);
        List<String> lines = Files.exists(csv) ? Files.readAllLines(csv, StandardCharsets.UTF_8) : List.of();
        return new Output(lines, errorText);
    }

    /** One CSV line's cells (PSPP quotes cells with commas or quotes, RFC 4180 style). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A FREQUENCIES table as value → frequency ("." for system-missing), the total left out. */
    static java.util.Map<String, Double> frequencies(List<List<String>> table) {
        java.util.Map<String, Double> frequencies = new java.util.HashMap<>();
        for (List<String> row : table.subList(1, table.size())) {
            if (!row.get(0).equals("Total")) {
                frequencies.put(row.get(1), Double.parseDouble(row.get(2)));
            }
        }
        return frequencies;
    }

    /** The percent of a SIPAS scale's valid answers (1-5) that are satisfied (4, 5), from its frequencies. */
    static double satisfiedPct(java.util.Map<String, Double> frequencies) {
        double valid = 0;
        double satisfied = 0;
        for (java.util.Map.Entry<String, Double> e : frequencies.entrySet()) {
            if (e.getKey().matches("[1-5]")) {
                valid += e.getValue();
                satisfied += e.getKey().matches("[45]") ? e.getValue() : 0;
            }
        }
        return 100 * satisfied / valid;
    }
}
