package org.sipas.web;

import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.RecordFormatException;
import org.springframework.stereotype.Component;

/**
 * What POI may spend on one uploaded workbook, set once for the JVM through POI's own settings
 * (they are static): at startup by this component, and again (a no-op) by every reader before
 * it opens a workbook, so a reader run outside the application (a benchmark, a unit test) is held
 * to the same limits.
 * <ul>
 * <li>an entry of the zip may inflate to at most 100 times its compressed size: a "zip bomb"
 * (megabytes that inflate to gigabytes of one repeated byte) is refused while it is read;
 * real sheets compress 5 to 20 times;</li>
 * <li>an entry may hold at most 1 GiB (a sheet of a million dossiers is about half of that);</li>
 * <li>entries over 32 MiB are inflated into a temporary file, not the heap, so a large import
 * does not hold its sheet in memory;</li>
 * <li>no single array POI allocates may pass 100 MB, the largest of POI's own per-record limits,
 * which also bounds the reads that have no limit of their own.</li>
 * </ul>
 */
@Component
public final class SpreadsheetLimits {

    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_BYTES = 1L << 30;
    static final int TEMP_FILE_ABOVE_BYTES = 32 << 20;
    static final int MAX_ARRAY_BYTES = 100_000_000;

    private static volatile boolean installed;

    SpreadsheetLimits() {
        install();
    }

    /** Sets POI's limits unless already set. */
    public static void install() {
        if (installed) {
            return;
        }
        synchronized (SpreadsheetLimits.class) {
            if (!installed) {
                ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
                ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
                ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(TEMP_FILE_ABOVE_BYTES);
                IOUtils.setByteArrayMaxOverride(MAX_ARRAY_BYTES);
                installed = true;
            }
        }
    }

    /**
     * Whether POI refused a workbook for one of these limits rather than for a damaged structure:
     * its messages are the only sign (POI throws the same exception types for both).
     */
    public static boolean isOverLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof RecordFormatException || message.contains("Zip bomb") || message.contains("max entry size")
                    || message.contains("maximum length") || message.contains("exceeds the maximum")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
