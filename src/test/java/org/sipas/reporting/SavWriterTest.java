package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.reporting.SavWriter.Format;
import org.sipas.reporting.SavWriter.Measure;
import org.sipas.reporting.SavWriter.Variable;

/**
 * The .sav writer read back by GNU PSPP: every record the product relies on, with Vietnamese
 * labels and strings longer than 255 bytes.
 */
class SavWriterTest {

    @TempDir
    Path directory;

    static final String LONG_ANSWER = "Thủ tục cần đơn giản hơn, công chức hướng dẫn tận tình. ".repeat(6).strip();

    @Test
    void pspReadsEveryRecordBack() throws Exception {
        Pspp.assumeInstalled();
        Map<Object, String> scale = new LinkedHashMap<>();
        scale.put(1.0, "Rất không hài lòng");
        scale.put(4.0, "Hài lòng");
        scale.put(5.0, "Rất hài lòng");
        scale.put(9.0, "Không trả lời");
        scale.put(0.0, "Không áp dụng");
        Map<Object, String> kinds = new LinkedHashMap<>();
        kinds.put("ca_nhan", "Người dân tự đi giải quyết công việc");
        kinds.put("to_chuc", "Đại diện tổ chức, doanh nghiệp");
        Map<Object, String> longCodes = new LinkedHashMap<>();
        longCodes.put("sau_dai_hoc", "Trên đại học");
        List<Variable> variables = List.of(
                new Variable("response_id", "Mã phiếu", 0, Format.number(10, 0), Measure.NOMINAL, null, null),
                new Variable("c01", "Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi", 0, Format.number(1, 0),
                        Measure.ORDINAL, scale, List.of(9.0, 0.0)),
                new Variable("applicant_kind", "Đối tượng", 7, Format.text(7), Measure.NOMINAL, kinds, null),
                new Variable("education", "Trình độ học vấn", 11, Format.text(11), Measure.NOMINAL, longCodes, null),
                new Variable("suggestion", "Ông/Bà có góp ý gì để cơ quan phục vụ tốt hơn?", 600, Format.text(600),
                        Measure.NOMINAL, null, null),
                new Variable("result_date", "Ngày nhận kết quả", 0, Format.date(), Measure.SCALE, null, null),
                new Variable("design_weight", "Trọng số thiết kế N_h / n_h", 0, Format.number(12, 6), Measure.SCALE, null, null));
        Path sav = directory.resolve("test.sav");
        try (OutputStream out = Files.newOutputStream(sav)) {
            SavWriter writer = new SavWriter(out, variables, "design_weight");
            writer.writeDictionary("Phiếu trả lời", 3, LocalDateTime.of(2025, 3, 4, 10, 5, 6));
            writer.writeCase(new Object[] {1L, 4, "ca_nhan", "sau_dai_hoc", LONG_ANSWER, LocalDate.of(2025, 3, 1), 2.5});
            writer.writeCase(new Object[] {2L, 9, "to_chuc", null, null, null, 1.5});
            writer.writeCase(new Object[] {3L, null, null, "dai_hoc", "ngắn", LocalDate.of(2024, 12, 31), 1.0});
            writer.flush();
        }
        assertThat(Files.readAllBytes(sav).length).isPositive();

        Pspp.Output output = Pspp.run(directory, """
                GET FILE='test.sav'.
                DISPLAY DICTIONARY.
                WEIGHT OFF.
                FREQUENCIES VARIABLES=c01 applicant_kind.
                COMPUTE long_bytes = LENGTH(RTRIM(suggestion)).
                FORMATS long_bytes (F5.0).
                LIST VARIABLES=response_id suggestion long_bytes result_date education.
                """);
        assertThat(output.errors()).as("PSPP's warnings and errors").isBlank();
        assertThat(output.table("Variables")).contains(
                List.of("c01", "2", "Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi", "Ordinal", "Input", "8", "Right",
                        "F1.0", "F1.0", "9; 0"),
                List.of("suggestion", "5", "Ông/Bà có góp ý gì để cơ quan phục vụ tốt hơn?", "Nominal", "Input", "40", "Left",
                        "A600", "A600", ""),
                List.of("result_date", "6", "Ngày nhận kết quả", "Scale", "Input", "10", "Right", "EDATE10", "EDATE10", ""));
        assertThat(output.table("Value Labels")).contains(List.of("", "to_chuc", "Đại diện tổ chức, doanh nghiệp"),
                List.of("Trình độ học vấn", "sau_dai_hoc", "Trên đại học"), List.of("", "9[a]", "Không trả lời"));
        // unweighted: the weight is the file's (written in its header), switched off for plain counts
        assertThat(output.table("Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi"))
                .contains(List.of("Valid", "Hài lòng", "1", "33.3%", "100.0%", "100.0%"), List.of("", "Không trả lời", "1", "33.3%", "", ""));
        List<List<String>> listed = output.table("Data List");
        assertThat(listed.get(1)).containsExactly("1", LONG_ANSWER, Integer.toString(SavWriter.utf8(LONG_ANSWER).length),
                "01.03.2025", "sau_dai_hoc");
        assertThat(listed.get(3)).containsExactly("3", "ngắn", "6", "31.12.2024", "dai_hoc");
        assertThat(SavWriter.utf8(LONG_ANSWER).length).isGreaterThan(300);
    }

    @Test
    void weightedFrequenciesAreSumsOfTheWeight() throws Exception {
        Pspp.assumeInstalled();
        Map<Object, String> scale = Map.of(4.0, "Hài lòng", 9.0, "Không trả lời");
        List<Variable> variables = List.of(
                new Variable("c01", null, 0, Format.number(1, 0), Measure.ORDINAL, scale, List.of(9.0)),
                new Variable("w", null, 0, Format.number(12, 6), Measure.SCALE, null, null));
        Path sav = directory.resolve("weighted.sav");
        try (OutputStream out = Files.newOutputStream(sav)) {
            SavWriter writer = new SavWriter(out, variables, "w");
            writer.writeDictionary(null, -1, LocalDateTime.of(2025, 3, 4, 10, 5, 6));
            writer.writeCase(new Object[] {4, 2.5});
            writer.writeCase(new Object[] {4, 1.25});
            writer.writeCase(new Object[] {9, 1.5});
        }
        Pspp.Output output = Pspp.run(directory, "GET FILE='weighted.sav'.\nFREQUENCIES VARIABLES=c01.\n");
        assertThat(output.errors()).isBlank();
        assertThat(output.table("c01")).contains(List.of("Valid", "Hài lòng", "3.750000", "71.4%", "100.0%", "100.0%"));
    }

    @Test
    void labelsAreShortenedBetweenWholeLetters() {
        // 3 bytes a letter ("ệ" precomposed), and a letter made of a base and two combining marks (NFD)
        String precomposed = "ệ".repeat(100);
        assertThat(SavWriter.fit(precomposed, 120)).isEqualTo("ệ".repeat(40));
        assertThat(SavWriter.fit(precomposed, 121)).isEqualTo("ệ".repeat(40));
        String decomposed = "e\u0323\u0302".repeat(50);
        String cut = SavWriter.fit(decomposed, 121);
        assertThat(cut).isEqualTo("e\u0323\u0302".repeat(24));
        assertThat(SavWriter.utf8(cut).length).isLessThanOrEqualTo(121);
        assertThat(SavWriter.fit("Hài lòng", 120)).isEqualTo("Hài lòng");
    }

    @Test
    void aVietnamesLabelLongerThanTheFormatAllowsIsCutAtALetterAndReadBack() throws Exception {
        Pspp.assumeInstalled();
        String label = "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo và dễ hiểu cho người dân. ".repeat(5).strip();
        assertThat(SavWriter.utf8(label).length).isGreaterThan(SavWriter.VARIABLE_LABEL_BYTES);
        String valueLabel = "Người được ủy quyền thay mặt tổ chức, doanh nghiệp đến nộp hồ sơ và nhận kết quả giải quyết";
        assertThat(SavWriter.utf8(valueLabel).length).isGreaterThan(SavWriter.VALUE_LABEL_BYTES);
        List<Variable> variables = List.of(new Variable("c13", label, 0, Format.number(1, 0), Measure.ORDINAL,
                Map.of(3.0, valueLabel), null));
        Path sav = directory.resolve("labels.sav");
        try (OutputStream out = Files.newOutputStream(sav)) {
            SavWriter writer = new SavWriter(out, variables, null);
            writer.writeDictionary(label, 1, LocalDateTime.of(2025, 3, 4, 10, 5, 6));
            writer.writeCase(new Object[] {3});
        }
        Pspp.Output output = Pspp.run(directory, "GET FILE='labels.sav'.\nDISPLAY DICTIONARY.\n");
        assertThat(output.errors()).isBlank();
        String shown = output.table("Variables").get(1).get(2);
        assertThat(shown).isEqualTo(SavWriter.fit(label, SavWriter.VARIABLE_LABEL_BYTES));
        assertThat(label).startsWith(shown);
        assertThat(SavWriter.utf8(shown).length).isBetween(SavWriter.VARIABLE_LABEL_BYTES - 3, SavWriter.VARIABLE_LABEL_BYTES);
        String shownValue = output.table("Value Labels").get(1).get(2);
        assertThat(valueLabel).startsWith(shownValue);
        assertThat(shownValue).isEqualTo(SavWriter.fit(valueLabel, SavWriter.VALUE_LABEL_BYTES));
    }

    @Test
    void aNameSpssRefusesIsRefusedBeforeAnyByteIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SavWriter(out, List.of(
                        new Variable("by", null, 0, Format.number(8, 0), Measure.SCALE, null, null)), null))
                .hasMessageContaining("'by' is no SPSS variable name");
        assertThat(out.size()).isZero();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEmpty();
    }
}
