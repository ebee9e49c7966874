package org.sipas.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A writer of SPSS system files ({@code .sav}), written from GNU PSPP's description of the format
 * ("System File Format", PSPP Developers Guide): the file header, one variable record per 8 bytes
 * of a case, value labels (records 3 and 4, and 7.21 for strings wider than 8 bytes), the machine
 * integer (7.3) and floating point (7.4) records, variable display parameters (7.11), long variable
 * names (7.13), very long strings (7.14, so that a string over 255 bytes is kept whole), the
 * character encoding (7.20, UTF-8), then the cases.
 * <p>
 * Uncompressed (compression code 0), little-endian: a case is its variables' 8-byte units in
 * order, a number as an IEEE double (system-missing as -DBL_MAX), a string as its UTF-8 bytes
 * padded with spaces. Simple to check by hand and read by every version of SPSS and PSPP; a
 * campaign's export is a few megabytes, so bytecode compression would buy little.
 * <p>
 * The format counts bytes, not characters: a Vietnamese letter with its diacritics is 2 or 3 bytes
 * of UTF-8. Where the format limits a length (a variable label, a value label, the file label), a
 * text is shortened at the last whole character (grapheme) that fits, never inside one; the
 * strings of the data are never shortened: a variable is as wide as its longest value.
 */
final class SavWriter {

    /** The measurement level SPSS shows and uses to pick charts (record 7.11). */
    enum Measure {
        NOMINAL(1), ORDINAL(2), SCALE(3);

        final int code;

        Measure(int code) {
            this.code = code;
        }
    }

    /** A print/write format: type code (1 A, 5 F, 38 EDATE), width and decimals. */
    record Format(int type, int width, int decimals) {

        static Format number(int width, int decimals) {
            return new Format(5, width, decimals);
        }

        static Format text(int width) {
            return new Format(1, width, 0);
        }

        /** dd.mm.yyyy: the SPSS date format closest to the Vietnamese dd/MM/yyyy. */
        static Format date() {
            return new Format(38, 10, 0);
        }

        int packed() {
            return type << 16 | width << 8 | decimals;
        }
    }

    /**
     * A variable of the file.
     *
     * @param width       0 for a number, else the string's width in bytes (1 to 32767)
     * @param valueLabels value → label, a {@code Double} value for a number, a {@code String} for a string
     * @param missing     discrete user-missing values of a number (at most 3)
     */
    record Variable(String name, String label, int width, Format format, Measure measure, Map<Object, String> valueLabels,
                    List<Double> missing) {

        Variable {
            valueLabels = valueLabels == null ? Map.of() : new LinkedHashMap<>(valueLabels);
            missing = missing == null ? List.of() : List.copyOf(missing);
            if (missing.size() > 3) {
                throw new IllegalArgumentException(name + ": at most 3 missing values, got " + missing);
            }
            if (width < 0 || width > MAX_WIDTH) {
                throw new IllegalArgumentException(name + ": a string is 1 to " + MAX_WIDTH + " bytes wide, got " + width);
            }
            if (width > 0 && !missing.isEmpty()) {
                throw new IllegalArgumentException(name + ": only numbers take missing values here");
            }
        }

        boolean isNumber() {
            return width == 0;
        }
    }

    static final int MAX_WIDTH = 32767;
    /** SPSS documents value labels of up to 120 bytes (PSPP reads 255): the safe length. */
    static final int VALUE_LABEL_BYTES = 120;
    static final int VARIABLE_LABEL_BYTES = 255;
    static final int FILE_LABEL_BYTES = 64;
    static final double SYSMIS = -Double.MAX_VALUE;
    private static final Pattern NAME = Pattern.compile("[\\p{IsAlphabetic}@#$][\\p{IsAlphabetic}\\p{IsDigit}_.@#$]*");
    private static final Set<String> RESERVED = Set.of("ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR",
            "TO", "WITH");
    /** The day SPSS counts dates from, in seconds: the start of the Gregorian calendar. */
    private static final long GREGORIAN_EPOCH_DAY = LocalDate.of(1582, 10, 14).toEpochDay();

    /** Where a variable's data lie: its segments (one, or several for a very long string), each with its short name. */
    private record Layout(Variable variable, List<Segment> segments) {
    }

    /** A segment: a string of at most 255 bytes or a number, in {@code units} 8-byte units, holding bytes from {@code offset}. */
    private record Segment(String shortName, int width, int units, int offset) {
    }

    private final OutputStream out;
    private final List<Layout> layouts = new ArrayList<>();
    private final int weightIndex;
    private final int caseUnits;
    private final ByteBuffer caseBuffer;

    /**
     * @param weight the name of the variable that weighs cases (a number), or null
     */
    SavWriter(OutputStream out, List<Variable> variables, String weight) {
        this.out = out;
        Set<String> shortNames = new HashSet<>();
        Set<String> names = new HashSet<>();
        int units = 0;
        int weightAt = 0;
        for (Variable v : variables) {
            checkName(v.name());
            if (!names.add(v.name().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two variables are named " + v.name() + " (names ignore case)");
            }
            if (v.name().equals(weight)) {
                if (!v.isNumber()) {
                    throw new IllegalArgumentException("the weight " + weight + " must be a number");
                }
                weightAt = units + 1;
            }
            List<Segment> segments = new ArrayList<>();
            if (v.width() <= 255) {
                segments.add(new Segment(shortName(v.name(), shortNames), v.width(), Math.max(1, (v.width() + 7) / 8), 0));
            } else {
                int n = (v.width() + 251) / 252;
                String first = shortName(v.name(), shortNames);
                for (int i = 0; i < n; i++) {
                    int width = i < n - 1 ? 255 : v.width() - (n - 1) * 252;
                    segments.add(new Segment(i == 0 ? first : segmentName(first, i, shortNames), width, (width + 7) / 8, i * 255));
                }
            }
            for (Segment s : segments) {
                units += s.units();
            }
            layouts.add(new Layout(v, segments));
        }
        if (weight != null && weightAt == 0) {
            throw new IllegalArgumentException("no variable " + weight + " to weigh by");
        }
        this.weightIndex = weightAt;
        this.caseUnits = units;
        this.caseBuffer = ByteBuffer.allocate(units * 8).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes the header and the dictionary: after it, the cases. {@code cases}: how many will follow (-1: unknown). */
    void writeDictionary(String fileLabel, long cases, LocalDateTime created) {
        Records r = new Records();
        // 1. the file header
        r.text("$FL2", 4);
        r.text("@(#) SPSS DATA FILE sipas", 60);
        r.int32(2);
        r.int32(caseUnits);
        r.int32(0);
        r.int32(weightIndex);
        r.int32(cases > Integer.MAX_VALUE ? -1 : (int) cases);
        r.float64(100.0);
        r.text(created.format(DateTimeFormatter.ofPattern("dd MMM yy", Locale.ENGLISH)), 9);
        r.text(created.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH)), 8);
        r.text(fit(fileLabel == null ? "" : fileLabel, FILE_LABEL_BYTES), FILE_LABEL_BYTES);
        r.bytes(new byte[3]);

        // 2. one record per 8 bytes of a case; the first of a variable carries its label and missing values
        for (Layout layout : layouts) {
            Variable v = layout.variable();
            for (int s = 0; s < layout.segments().size(); s++) {
                Segment segment = layout.segments().get(s);
                boolean first = s == 0;
                String label = first && v.label() != null && !v.label().isBlank() ? fit(v.label(), VARIABLE_LABEL_BYTES) : null;
                Format format = v.isNumber() ? v.format() : Format.text(segment.width());
                r.int32(2);
                r.int32(segment.width());
                r.int32(label == null ? 0 : 1);
                r.int32(first ? v.missing().size() : 0);
                r.int32(format.packed());
                r.int32(format.packed());
                r.text(segment.shortName(), 8);
                if (label != null) {
                    byte[] bytes = utf8(label);
                    r.int32(bytes.length);
                    r.bytes(bytes);
                    r.bytes(new byte[(4 - bytes.length % 4) % 4]);
                }
                if (first) {
                    v.missing().forEach(r::float64);
                }
                for (int c = 1; c < segment.units(); c++) {
                    r.int32(2);
                    r.int32(-1);
                    r.int32(0);
                    r.int32(0);
                    r.int32(0);
                    r.int32(0);
                    r.text("", 8);
                }
            }
        }

        // 3 and 4. value labels of numbers and strings of up to 8 bytes, one pair of records per variable
        int index = 1;
        for (Layout layout : layouts) {
            Variable v = layout.variable();
            if (!v.valueLabels().isEmpty() && v.width() <= 8) {
                r.int32(3);
                r.int32(v.valueLabels().size());
                v.valueLabels().forEach((value, label) -> {
                    if (v.isNumber()) {
                        r.float64(((Number) value).doubleValue());
                    } else {
                        r.text(value.toString(), 8);
                    }
                    byte[] bytes = utf8(fit(label, VALUE_LABEL_BYTES));
                    r.bytes(new byte[] {(byte) bytes.length});
                    r.bytes(bytes);
                    r.bytes(new byte[(8 - (1 + bytes.length) % 8) % 8]);
                });
                r.int32(4);
                r.int32(1);
                r.int32(index);
            }
            for (Segment s : layout.segments()) {
                index += s.units();
            }
        }

        // 7.3 machine integer info: PSPP-compatible release 1.0.0, IEEE 754, little-endian, UTF-8 (code page 65001)
        r.extension(3, 4, 8);
        for (int value : new int[] {1, 0, 0, -1, 1, 1, 2, 65001}) {
            r.int32(value);
        }
        // 7.4 machine floating point info: system-missing, highest, lowest
        r.extension(4, 8, 3);
        r.float64(SYSMIS);
        r.float64(Double.MAX_VALUE);
        r.float64(Math.nextUp(-Double.MAX_VALUE));

        // 7.11 display parameters: measure, width, alignment of every segment
        int segments = layouts.stream().mapToInt(l -> l.segments().size()).sum();
        r.extension(11, 4, segments * 3);
        for (Layout layout : layouts) {
            Variable v = layout.variable();
            for (Segment s : layout.segments()) {
                r.int32(v.measure().code);
                r.int32(v.isNumber() ? Math.max(8, v.format().width()) : Math.min(Math.max(s.width(), 8), 40));
                r.int32(v.isNumber() ? 1 : 0);
            }
        }

        // 7.13 long variable names: SHORT=LongName, separated by tabs
        List<String> pairs = new ArrayList<>();
        for (Layout layout : layouts) {
            pairs.add(layout.segments().get(0).shortName() + "=" + layout.variable().name());
        }
        r.textExtension(13, String.join("\t", pairs));

        // 7.14 very long strings: SHORT=width (5 digits), each ended by NUL and tab
        StringBuilder veryLong = new StringBuilder();
        for (Layout layout : layouts) {
            if (layout.variable().width() > 255) {
                veryLong.append(layout.segments().get(0).shortName()).append('=')
                        .append("%05d".formatted(layout.variable().width())).append('\0').append('\t');
            }
        }
        if (!veryLong.isEmpty()) {
            r.textExtension(14, veryLong.toString());
        }

        // 7.20 the character encoding of every text in the file
        r.textExtension(20, "UTF-8");

        // 7.21 value labels of strings wider than 8 bytes
        Records longLabels = new Records();
        for (Layout layout : layouts) {
            Variable v = layout.variable();
            if (v.valueLabels().isEmpty() || v.width() <= 8) {
                continue;
            }
            byte[] name = utf8(v.name());
            longLabels.int32(name.length);
            longLabels.bytes(name);
            longLabels.int32(v.width());
            longLabels.int32(v.valueLabels().size());
            v.valueLabels().forEach((value, label) -> {
                longLabels.int32(v.width());
                longLabels.bytes(padded(value.toString(), v.width(), v.name()));
                byte[] bytes = utf8(fit(label, VALUE_LABEL_BYTES));
                longLabels.int32(bytes.length);
                longLabels.bytes(bytes);
            });
        }
        if (longLabels.size() > 0) {
            r.extension(21, 1, longLabels.size());
            r.bytes(longLabels.toByteArray());
        }

        // 999 the end of the dictionary
        r.int32(999);
        r.int32(0);
        write(r.toByteArray());
    }

    /**
     * Writes one case: a value per variable, in order: a {@link Number} or {@link LocalDate} (or null,
     * system-missing) for a number, a {@link String} (or null, blank) for a string.
     */
    void writeCase(Object[] values) {
        if (values.length != layouts.size()) {
            throw new IllegalArgumentException("a case has " + layouts.size() + " values, got " + values.length);
        }
        caseBuffer.clear();
        for (int i = 0; i < values.length; i++) {
            Layout layout = layouts.get(i);
            Variable v = layout.variable();
            Object value = values[i];
            if (v.isNumber()) {
                caseBuffer.putDouble(number(value, v.name()));
                continue;
            }
            byte[] bytes = value == null ? new byte[0] : utf8(value.toString());
            if (bytes.length > v.width()) {
                throw new IllegalArgumentException(v.name() + " is " + v.width() + " bytes wide, a value has " + bytes.length);
            }
            for (Segment s : layout.segments()) {
                int from = Math.min(s.offset(), bytes.length);
                int to = Math.min(s.offset() + 255, bytes.length);
                int room = s.units() * 8;
                caseBuffer.put(bytes, from, to - from);
                for (int k = to - from; k < room; k++) {
                    caseBuffer.put((byte) ' ');
                }
            }
        }
        write(caseBuffer.array());
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(Object value, String name) {
        if (value == null) {
            return SYSMIS;
        }
        if (value instanceof LocalDate date) {
            return (date.toEpochDay() - GREGORIAN_EPOCH_DAY) * 86_400.0;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : SYSMIS;
        }
        throw new IllegalArgumentException(name + " is a number, got " + value.getClass().getSimpleName());
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A long name SPSS accepts: a letter (or @ # $) first, then letters, digits, _ . @ # $; up to 64 bytes; not a keyword. */
    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || utf8(name).length > 64 || name.endsWith(".")
                || RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + name + "' is no SPSS variable name (a letter first, then letters, digits"
                    + " or _ . @ # $, at most 64 bytes, not ending in '.', not a keyword such as BY or TO)");
        }
    }

    /** The 8-byte upper-case ASCII name of the dictionary: the long name's start, else a numbered one, unique. */
    private static String shortName(String name, Set<String> used) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ascii.length() < 8 && (c >= 'A' && c <= 'Z' || ascii.length() > 0 && (c >= '0' && c <= '9' || c == '_'))) {
                ascii.append(c);
            }
        }
        String candidate = ascii.toString();
        for (int i = 1; candidate.isEmpty() || RESERVED.contains(candidate) || !used.add(candidate); i++) {
            candidate = "V" + i;
        }
        return candidate;
    }

    /** The short name of segment {@code i} of a very long string: its first segment's, ended by the number. */
    private static String segmentName(String first, int i, Set<String> used) {
        String suffix = Integer.toString(i);
        String candidate = first.substring(0, Math.min(first.length(), 8 - suffix.length())) + suffix;
        for (int k = 1; !used.add(candidate); k++) {
            candidate = "S" + i + "_" + k;
        }
        return candidate;
    }

    /** The text, shortened to at most {@code maxBytes} of UTF-8 at a boundary between whole characters. */
    static String fit(String text, int maxBytes) {
        if (utf8(text).length <= maxBytes) {
            return text;
        }
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.forLanguageTag("vi"));
        graphemes.setText(text);
        int end = 0;
        int bytes = 0;
        for (int next = graphemes.next(); next != BreakIterator.DONE; next = graphemes.next()) {
            bytes += utf8(text.substring(end, next)).length;
            if (bytes > maxBytes) {
                break;
            }
            end = next;
        }
        return text.substring(0, end);
    }

    private static byte[] padded(String value, int width, String name) {
        byte[] bytes = utf8(value);
        if (bytes.length > width) {
            throw new IllegalArgumentException(name + ": the labelled value '" + value + "' is wider than " + width + " bytes");
        }
        byte[] padded = Arrays.copyOf(bytes, width);
        Arrays.fill(padded, bytes.length, width, (byte) ' ');
        return padded;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Little-endian records being assembled. */
    private static final class Records extends java.io.ByteArrayOutputStream {

        private final ByteBuffer eight = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        void int32(int value) {
            eight.clear();
            eight.putInt(value);
            write(eight.array(), 0, 4);
        }

        void float64(double value) {
            eight.clear();
            eight.putDouble(value);
            write(eight.array(), 0, 8);
        }

        void bytes(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        /** Text in exactly {@code length} bytes: UTF-8, padded with spaces (the caller fits it first). */
        void text(String text, int length) {
            bytes(padded(text, length, "text"));
        }

        void extension(int subtype, int size, int count) {
            int32(7);
            int32(subtype);
            int32(size);
            int32(count);
        }

        void textExtension(int subtype, String text) {
            byte[] bytes = utf8(text);
            extension(subtype, 1, bytes.length);
            bytes(bytes);
        }
    }
}
