package org.sipas.index;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The running sums of one tally row: its responses and, over K criteria, Σx_k, Σy_k and the
 * row-major K×K cross-sums Σy_k·y_l, Σy_k·x_l, Σx_k·x_l. Mutable: a fold adds responses with sign
 * +1 (entered the count) or −1 (left it).
 *
 * <p>Stored packed ({@link #pack()}, column {@code tally.sums}): a read of a dashboard decodes a few
 * thousand numbers per row, so they travel as one {@code bytea} rather than five {@code bigint[]}
 * that JDBC hands over boxed. The symmetric Σy·y and Σx·x keep their upper triangle only, and every
 * number takes 2 bytes while all are below 65,536 (no sum of a row exceeds its n), else 4 or 8:
 * a stratum's row of 22 criteria is about 2 KB, kept in the table's own page rather than TOAST.
 */
final class Sums {

    long n;
    final long[] valid;
    final long[] satisfied;
    final long[] satBySat;
    final long[] satByValid;
    final long[] validByValid;

    Sums(int criteria) {
        this(0, new long[criteria], new long[criteria], new long[criteria * criteria], new long[criteria * criteria],
                new long[criteria * criteria]);
    }

    Sums(long n, long[] valid, long[] satisfied, long[] satBySat, long[] satByValid, long[] validByValid) {
        this.n = n;
        this.valid = valid;
        this.satisfied = satisfied;
        this.satBySat = satBySat;
        this.satByValid = satByValid;
        this.validByValid = validByValid;
    }

    int criteria() {
        return valid.length;
    }

    /** Adds one response's indicators (x: valid, y: satisfied) with {@code sign}. */
    void add(boolean[] x, boolean[] y, int sign) {
        int k = valid.length;
        n += sign;
        for (int i = 0; i < k; i++) {
            if (!x[i]) {
                continue;
            }
            valid[i] += sign;
            if (y[i]) {
                satisfied[i] += sign;
            }
            int row = i * k;
            for (int j = 0; j < k; j++) {
                if (x[j]) {
                    validByValid[row + j] += sign;
                    if (y[i]) {
                        satByValid[row + j] += sign;
                        if (y[j]) {
                            satBySat[row + j] += sign;
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds one response read from a file (the standalone engine): {@code answers[k]} is
     * {@link AnswerCodes#SATISFIED}, {@link AnswerCodes#VALID} (valid, not satisfied) or
     * {@link AnswerCodes#EXCLUDED}.
     */
    void add(byte[] answers) {
        int k = valid.length;
        boolean[] x = new boolean[k];
        boolean[] y = new boolean[k];
        for (int i = 0; i < k; i++) {
            x[i] = answers[i] != AnswerCodes.EXCLUDED;
            y[i] = answers[i] == AnswerCodes.SATISFIED;
        }
        add(x, y, 1);
    }

    void add(Sums other) {
        n += other.n;
        addInto(valid, other.valid);
        addInto(satisfied, other.satisfied);
        addInto(satBySat, other.satBySat);
        addInto(satByValid, other.satByValid);
        addInto(validByValid, other.validByValid);
    }

    private static void addInto(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    boolean isZero() {
        return n == 0 && Arrays.stream(valid).allMatch(v -> v == 0) && Arrays.stream(validByValid).allMatch(v -> v == 0);
    }

    /** The engine's record of this stratum in one domain. */
    StratumTotals totals(String stratum, long populationSize, long sampleSize) {
        int k = valid.length;
        return new StratumTotals(stratum, populationSize, sampleSize, n, valid.clone(), satisfied.clone(),
                square(satBySat, k), square(satByValid, k), square(validByValid, k));
    }

    /** This row's {@link DesignMoments} as one stratum of a domain (the arrays are read, not kept). */
    DesignMoments moments(long populationSize, long sampleSize) {
        return DesignMoments.ofStratum(populationSize, sampleSize, n, valid, satisfied, satBySat, satByValid, validByValid);
    }

    private static long[][] square(long[] flat, int k) {
        long[][] m = new long[k][];
        for (int i = 0; i < k; i++) {
            m[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return m;
    }

    /** Packed layout: width (2, 4 or 8), K (2 bytes), Σx, Σy, triangle of Σy·y, Σy·x, triangle of Σx·x. */
    byte[] pack() {
        int k = valid.length;
        int width = width();
        ByteBuffer out = ByteBuffer.allocate(3 + width * packedLength(k));
        out.put((byte) width).putShort((short) k);
        put(out, width, valid, 0, k);
        put(out, width, satisfied, 0, k);
        putTriangle(out, width, satBySat, k);
        put(out, width, satByValid, 0, k * k);
        putTriangle(out, width, validByValid, k);
        return out.array();
    }

    /** The sums of a stored row: its n and its packed arrays. */
    static Sums unpack(long n, byte[] packed) {
        ByteBuffer in = ByteBuffer.wrap(packed);
        int width = in.get();
        int k = in.getShort();
        if ((width != Short.BYTES && width != Integer.BYTES && width != Long.BYTES) || packed.length != 3 + width * packedLength(k)) {
            throw new IllegalStateException("tally sums of " + packed.length + " bytes are not " + k + " criteria packed");
        }
        Sums sums = new Sums(k);
        sums.n = n;
        get(in, width, sums.valid, 0, k);
        get(in, width, sums.satisfied, 0, k);
        getTriangle(in, width, sums.satBySat, k);
        get(in, width, sums.satByValid, 0, k * k);
        getTriangle(in, width, sums.validByValid, k);
        return sums;
    }

    private static int packedLength(int k) {
        return 2 * k + k * k + k * (k + 1);
    }

    /** The bytes each number needs: 2 while every one is within 0..65,535 (a stratum's row, as a rule), else 4 or 8. */
    private int width() {
        int width = Short.BYTES;
        for (long[] values : new long[][] {valid, satisfied, satBySat, satByValid, validByValid}) {
            for (long v : values) {
                if (v != (int) v) {
                    return Long.BYTES;
                }
                if (v < 0 || v > 0xFFFF) {
                    width = Integer.BYTES;
                }
            }
        }
        return width;
    }

    private static void put(ByteBuffer out, int width, long[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (width) {
                case Short.BYTES -> out.putShort((short) values[i]);
                case Integer.BYTES -> out.putInt((int) values[i]);
                default -> out.putLong(values[i]);
            }
        }
    }

    private static void putTriangle(ByteBuffer out, int width, long[] square, int k) {
        for (int i = 0; i < k; i++) {
            put(out, width, square, i * k + i, (i + 1) * k);
        }
    }

    // one loop per width: a dashboard's read unpacks some ten million numbers
    private static void get(ByteBuffer in, int width, long[] values, int from, int to) {
        switch (width) {
            case Short.BYTES -> {
                for (int i = from; i < to; i++) {
                    values[i] = in.getShort() & 0xFFFF;
                }
            }
            case Integer.BYTES -> {
                for (int i = from; i < to; i++) {
                    values[i] = in.getInt();
                }
            }
            default -> {
                for (int i = from; i < to; i++) {
                    values[i] = in.getLong();
                }
            }
        }
    }

    /** Reads an upper triangle and mirrors it below the diagonal. */
    private static void getTriangle(ByteBuffer in, int width, long[] square, int k) {
        for (int i = 0; i < k; i++) {
            get(in, width, square, i * k + i, (i + 1) * k);
            for (int j = i + 1; j < k; j++) {
                square[j * k + i] = square[i * k + j];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sums s && n == s.n && Arrays.equals(valid, s.valid) && Arrays.equals(satisfied, s.satisfied)
                && Arrays.equals(satBySat, s.satBySat) && Arrays.equals(satByValid, s.satByValid)
                && Arrays.equals(validByValid, s.validByValid);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + Arrays.hashCode(valid);
    }

    @Override
    public String toString() {
        return "Sums[n=" + n + ", valid=" + Arrays.toString(valid) + ", satisfied=" + Arrays.toString(satisfied) + "]";
    }
}
