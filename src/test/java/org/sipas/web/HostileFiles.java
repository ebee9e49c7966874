package org.sipas.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The files an attacker, a broken upload or an old office machine sends, made by the test that
 * needs them (none is committed: some are megabytes, one inflates to gigabytes).
 */
final class HostileFiles {

    private HostileFiles() {
    }

    /** An XLSX workbook of these rows, the first being the header, as Excel would save it. */
    static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (rows.get(r).get(c) != null) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 60% of a workbook: an upload cut off on the way. */
    static byte[] truncated(byte[] xlsx) {
        return Arrays.copyOf(xlsx, xlsx.length * 6 / 10);
    }

    private static final Pattern CELL_REFERENCE = Pattern.compile("(<c\\b[^>]*?) r=\"[A-Z]+[0-9]+\"");

    /**
     * The same workbook with the optional {@code r} attribute left out of every cell, as some
     * generators (and the ECMA-376 schema) allow: a cell is then the column after the previous one.
     */
    static byte[] withoutCellReferences(byte[] xlsx) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().startsWith("xl/worksheets/")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        String stripped = CELL_REFERENCE.matcher(xml).replaceAll("$1");
                        if (stripped.equals(xml) || stripped.contains("<c r=")) {
                            throw new IllegalStateException("no cell reference removed from " + entry.getName());
                        }
                        content = stripped.getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip of about 2 MB whose one entry, the first sheet, inflates to 2 GiB of spaces. Deflating
     * 2 GiB would take half a minute; one deflated MiB ended by a full flush decodes on its own, so
     * the entry is that block repeated, then an empty final block, with the CRC of what it inflates to.
     */
    static byte[] zipBomb() {
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(spaces);
        byte[] buffer = new byte[64 << 10];
        ByteArrayOutputStream blockBytes = new ByteArrayOutputStream();
        for (int n; (n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH)) > 0; ) {
            blockBytes.write(buffer, 0, n);
        }
        deflater.end();
        byte[] block = blockBytes.toByteArray();
        int repeats = 2047;
        long inflated = (long) repeats << 20;
        CRC32 crc = new CRC32();
        for (int i = 0; i < repeats; i++) {
            crc.update(spaces);
        }
        byte[] finalBlock = {0x03, 0x00};
        long compressed = (long) block.length * repeats + finalBlock.length;
        byte[] name = "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.US_ASCII);

        ByteArrayOutputStream zip = new ByteArrayOutputStream((int) compressed + 200);
        LittleEndian out = new LittleEndian(zip);
        out.int32(0x04034b50).int16(20).int16(0).int16(8).int16(0).int16(0x21)
                .int32(crc.getValue()).int32(compressed).int32(inflated).int16(name.length).int16(0).bytes(name);
        for (int i = 0; i < repeats; i++) {
            out.bytes(block);
        }
        out.bytes(finalBlock);
        long directory = zip.size();
        out.int32(0x02014b50).int16(20).int16(20).int16(0).int16(8).int16(0).int16(0x21)
                .int32(crc.getValue()).int32(compressed).int32(inflated).int16(name.length).int16(0).int16(0)
                .int16(0).int16(0).int32(0).int32(0).bytes(name);
        long directorySize = zip.size() - directory;
        out.int32(0x06054b50).int16(0).int16(0).int16(1).int16(1).int32(directorySize).int32(directory).int16(0);
        return zip.toByteArray();
    }

    /** {@code size} bytes of noise, the same every run. */
    static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(14).nextBytes(bytes);
        return bytes;
    }

    /** A text as an old Vietnamese Windows machine saves it (Windows-1258: tone marks after the letter). */
    static byte[] windows1258(String text) {
        // Java's encoder knows no letter with a tone: each letter is its vowel (â ê ô ă ơ ư) and the tone after it
        StringBuilder split = new StringBuilder();
        for (char letter : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            StringBuilder vowel = new StringBuilder();
            String tone = "";
            for (char part : Normalizer.normalize(String.valueOf(letter), Normalizer.Form.NFD).toCharArray()) {
                if ("\u0300\u0301\u0303\u0309\u0323".indexOf(part) >= 0) {
                    tone = String.valueOf(part);
                } else {
                    vowel.append(part);
                }
            }
            split.append(Normalizer.normalize(vowel, Normalizer.Form.NFC)).append(tone);
        }
        byte[] bytes = split.toString().getBytes(TextEncoding.WINDOWS_1258.charset());
        if (new String(bytes, TextEncoding.WINDOWS_1258.charset()).chars().filter(c -> c == '?').count()
                != text.chars().filter(c -> c == '?').count()) {
            throw new IllegalStateException("not representable in Windows-1258: " + text);
        }
        return bytes;
    }

    /** Writes the little-endian fields of a zip's headers. */
    private record LittleEndian(ByteArrayOutputStream out) {
        LittleEndian int16(int value) {
            out.write(value & 0xff);
            out.write((value >>> 8) & 0xff);
            return this;
        }

        LittleEndian int32(long value) {
            return int16((int) (value & 0xffff)).int16((int) ((value >>> 16) & 0xffff));
        }

        LittleEndian bytes(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
            return this;
        }
    }
}
