package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The import kernel against files that are broken, hostile or in the wrong encoding. */
class TabularReaderTest {

    private static final List<String> REQUIRED = List.of("code", "name");

    private static List<TabularRow> read(byte[] file) {
        return read(file, TextEncoding.UTF_8);
    }

    private static List<TabularRow> read(byte[] file, TextEncoding encoding) {
        List<TabularRow> rows = new ArrayList<>();
        TabularReader.read("units.csv", new ByteArrayInputStream(file), encoding, REQUIRED, rows::add);
        return rows;
    }

    private static RowError rejection(byte[] file) {
        return rejection(file, TextEncoding.UTF_8);
    }

    private static RowError rejection(byte[] file, TextEncoding encoding) {
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> read(file, encoding));
        assertThat(rejected).as("the file is rejected").isNotNull();
        assertThat(rejected.errors()).hasSize(1);
        return rejected.errors().get(0);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTruncatedWorkbookIsNamedDamaged() {
        byte[] xlsx = HostileFiles.xlsx(List.of(List.of("code", "name"), List.of("01", "Hà Nội")));
        assertThat(rejection(HostileFiles.truncated(xlsx)).code()).isEqualTo("import.file.damaged");
    }

    @Test
    void aZipBombIsRefusedWhileItInflates() {
        RowError error = rejection(HostileFiles.zipBomb());
        assertThat(error.code()).isEqualTo("import.file.overInflated");
        assertThat(error.line()).isZero();
    }

    @Test
    void cellsWithoutTheirOptionalReferenceAreReadByPosition() {
        List<List<String>> sheet = List.of(List.of("code", "name", "note"), List.of("01", "Hà Nội", "thủ đô"),
                new ArrayList<>(java.util.Arrays.asList("79", "Hồ Chí Minh", null)));
        List<TabularRow> rows = read(HostileFiles.withoutCellReferences(HostileFiles.xlsx(sheet)));
        assertThat(rows).extracting(r -> r.get("code") + "|" + r.get("name") + "|" + r.get("note"))
                .containsExactly("01|Hà Nội|thủ đô", "79|Hồ Chí Minh|null");
        assertThat(rows).extracting(TabularRow::line).containsExactly(2L, 3L);
    }

    @Test
    void aWindows1258FileIsRejectedSayingSoUnlessTheRequestNamesIt() {
        byte[] file = HostileFiles.windows1258("code,name\n01,Thành phố Hà Nội\n75,Tỉnh Đồng Nai\n");
        RowError error = rejection(file);
        assertThat(error.code()).isEqualTo("import.encoding.windows1258");
        assertThat(error.line()).isEqualTo(2);

        // read as asked, the tone marks compose with their letters: the same text as typed anywhere else
        assertThat(read(file, TextEncoding.WINDOWS_1258)).extracting(r -> r.get("name"))
                .containsExactly("Thành phố Hà Nội", "Tỉnh Đồng Nai");
    }

    @Test
    void aWindows1252FileIsToldApartFromAVietnameseOne() {
        byte[] file = "code,name\nFR,Café de la Gare\n".getBytes(TextEncoding.WINDOWS_1252.charset());
        assertThat(rejection(file).code()).isEqualTo("import.encoding.windows1252");
        assertThat(read(file, TextEncoding.WINDOWS_1252)).extracting(r -> r.get("name")).containsExactly("Café de la Gare");
    }

    @Test
    void aUtf8FileReadAsWindows1258IsRefusedRatherThanGarbled() {
        assertThat(rejection(utf8("code,name\n01,Hà Nội\n"), TextEncoding.WINDOWS_1258).code())
                .isEqualTo("import.encoding.isUtf8");
    }

    @Test
    void aFileThatTurnsIntoAnotherEncodingAfterItsFirstKilobytesIsRejectedAtThatLine() {
        StringBuilder csv = new StringBuilder("code,name\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(i).append(",Xã số ").append(i).append('\n');
        }
        byte[] head = utf8(csv.toString());
        byte[] tail = HostileFiles.windows1258("9999,Phường Bến Nghé\n");
        byte[] file = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, file, head.length, tail.length);
        RowError error = rejection(file);
        assertThat(error.code()).isEqualTo("import.encoding.notUtf8");
        assertThat(error.line()).isEqualTo(2002);
        assertThat(error.column()).isEqualTo("name");
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheFirstColumn() {
        byte[] file = utf8("\uFEFFcode,name\n01,Hà Nội\n");
        assertThat(read(file)).extracting(r -> r.get("code")).containsExactly("01");
    }

    @Test
    void aCellOfFiveMegabytesIsALocatedErrorSayingTheLimit() {
        String code = "A".repeat(5 << 20);
        RowError error = rejection(utf8("code,name\n01,Hà Nội\n" + code + ",Xa\n"));
        assertThat(error.code()).isEqualTo("import.value.tooLong");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo("code");
        assertThat(error.args()).containsExactly(5 << 20, TabularReader.MAX_CELL);
    }

    @Test
    void anEndlessQuotedCellStopsAtTheRecordLimit() {
        byte[] file = utf8("code,name\n01,\"" + "x".repeat(TabularReader.MAX_RECORD_CHARS + 100_000));
        RowError error = rejection(file);
        assertThat(error.code()).isEqualTo("import.row.tooLong");
        assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void aNulByteIsALocatedErrorWhereverItIs() {
        StringBuilder csv = new StringBuilder("code,name\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i).append(",Xã ").append(i).append('\n');
        }
        RowError late = rejection(utf8(csv + "3000,Xã\u0000Ba\n"));
        assertThat(late.code()).isEqualTo("import.value.nul");
        assertThat(late.line()).isEqualTo(3002);
        assertThat(late.column()).isEqualTo("name");

        RowError early = rejection(utf8("code,name\n01,Hà\u0000Nội\n"));
        assertThat(early.code()).isEqualTo("import.file.binary");
        assertThat(early.line()).isEqualTo(2);
    }

    @Test
    void binaryGarbageAnOldXlsAndUtf16AreEachNamed() {
        assertThat(rejection(HostileFiles.garbage(64 << 10)).code()).isEqualTo("import.file.binary");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(rejection(xls).code()).isEqualTo("import.file.xls");
        assertThat(rejection("code,name\n01,Hà Nội\n".getBytes(StandardCharsets.UTF_16LE)).code())
                .isEqualTo("import.encoding.utf16");
        assertThat(rejection("code,name\n01,Hà Nội\n".getBytes(StandardCharsets.UTF_16)).code())
                .isEqualTo("import.encoding.utf16");
    }

    @Test
    void anEmptyFileAndAWrongHeaderAreRejected() {
        assertThat(rejection(new byte[0]).code()).isEqualTo("import.file.empty");
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> read(utf8("ma,ten\n01,Hà Nội\n")));
        assertThat(rejected.errors()).extracting(RowError::code).containsOnly("import.column.missing");
        assertThat(rejected.errors()).extracting(RowError::line).containsOnly(1L);
    }

    @Test
    void aHeaderOfAHundredThousandColumnsIsRefusedAtLineOne() {
        String header = String.join(",", Collections.nCopies(100_000, "c")) + ",code,name\n";
        RowError error = rejection(utf8(header + "01,Hà Nội\n"));
        assertThat(error.code()).isEqualTo("import.row.tooManyColumns");
        assertThat(error.line()).isEqualTo(1);

        List<String> wide = new ArrayList<>(Collections.nCopies(TabularReader.MAX_COLUMNS + 1, "c"));
        wide.set(0, "code");
        wide.set(1, "name");
        assertThat(rejection(HostileFiles.xlsx(List.of(wide))).code()).isEqualTo("import.row.tooManyColumns");
    }

    /** An endless CSV made as it is read: the header, then the same row again and again. */
    private static java.io.InputStream endless(String row) {
        byte[] header = utf8("code,name\n");
        byte[] line = utf8(row);
        return new java.io.InputStream() {
            private long at;

            @Override
            public int read() {
                long i = at++;
                return i < header.length ? header[(int) i] : line[(int) ((i - header.length) % line.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at < header.length) {
                    b[off] = (byte) read();
                    return 1;
                }
                int from = (int) ((at - header.length) % line.length);
                int n = Math.min(len, line.length - from);
                System.arraycopy(line, from, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void aFileOfMoreRowsThanTheLimitIsRefusedAtTheFirstRowPastIt() {
        long[] seen = {0};
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> TabularReader.read(
                "units.csv", endless("1,a\n"), TextEncoding.UTF_8, REQUIRED, row -> seen[0]++));
        assertThat(rejected.errors()).extracting(e -> e.code() + " " + e.line())
                .containsExactly("import.file.tooManyRows " + (TabularReader.MAX_ROWS + 2));
        assertThat(seen[0]).isEqualTo(TabularReader.MAX_ROWS);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWhateverItsLengthHeaderSaid() {
        String row = "1," + "a".repeat(32_000) + "\n";
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> TabularReader.read(
                "units.csv", endless(row), TextEncoding.UTF_8, REQUIRED, r -> { }));
        assertThat(rejected.errors()).extracting(RowError::code, RowError::args)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("import.file.tooLarge", List.of(512L)));
    }

    @Test
    void anUnknownEncodingNameIsARejectedImport() {
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> TextEncoding.named("units.csv", "tcvn3"));
        assertThat(rejected.errors()).extracting(RowError::code).containsExactly("import.encoding.unsupported");
        assertThat(TextEncoding.named("units.csv", "CP1258")).isEqualTo(TextEncoding.WINDOWS_1258);
        assertThat(TextEncoding.named("units.csv", null)).isEqualTo(TextEncoding.UTF_8);
    }

    @Test
    void aValueQuotedBackInAMessageIsCutShort() {
        RowError error = RowError.of("f.csv", 2, "code", "catalog.code.invalid", "x".repeat(5_000_000));
        assertThat((String) error.args().get(0)).hasSizeLessThan(100).endsWith("(5000000)");
    }
}
