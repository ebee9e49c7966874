package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sipas.methodology.MethodologyRepository.Origin;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;

/**
 * The XLSForm spec as people use it: forms written for ODK, KoboToolbox or SurveyCTO import with
 * their languages, their columns and their groups, or are refused with errors an author can act
 * on (sheet, the spreadsheet's row, the column header as written); nothing is lost in silence.
 */
class XlsFormSpecTest {

    private static MethodologyFiles.Read read(byte[] workbook) {
        try {
            return MethodologyFiles.read("form.xlsx", workbook, Origin.YAML);
        } catch (ImportRejectedException e) {
            throw new AssertionError("refused: " + e.errors(), e);
        }
    }

    private static ImportRejectedException rejected(byte[] workbook) {
        return catchThrowableOfType(ImportRejectedException.class,
                () -> MethodologyFiles.read("form.xlsx", workbook, Origin.YAML));
    }

    /** What the store keeps reads back as the same model, and the XLSX export imports as the same model. */
    private static void roundTrips(MethodologyFiles.Read read) {
        assertThat(MethodologyFiles.readStored(read.methodology().code(), read.methodology().version(), read.source()))
                .isEqualTo(read.methodology());
        MethodologyFiles.Read again = MethodologyFiles.read("export.xlsx", XlsFormWriter.write(read.methodology()),
                Origin.YAML);
        assertThat(again.methodology()).isEqualTo(read.methodology());
    }

    private static final String[][] YES_NO = {
            {"list name", "value", "label::Deutsch (de)"},
            {"ja_nein", "ja", "Ja"},
            {"ja_nein", "nein", "Nein"},
    };

    @Test
    void aGermanOnlyFormImportsInGermanWithAWarningThatItHasNoVietnamese() {
        MethodologyFiles.Read read = read(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label::Deutsch (de)", "hint::Deutsch (de)"},
                        {"begin group", "besuch", "Ihr Besuch", ""},
                        {"select_one ja_nein", "besucht", "Waren Sie im Bürgerbüro?", "Bitte wählen"},
                        {"text", "grund", "Warum?", ""},
                        {"end group", "", "", ""},
                },
                "choices", YES_NO,
                "settings", new String[][] {{"form_title::Deutsch (de)", "form_id"}, {"Bürgerbefragung", "buerger"}})));

        Methodology m = read.methodology();
        assertThat(m.languages()).containsExactly("de");
        assertThat(m.title().text("de")).isEqualTo("Bürgerbefragung");
        assertThat(m.question("besucht").orElseThrow().hint().text("de")).isEqualTo("Bitte wählen");
        assertThat(m.choiceList("ja_nein").orElseThrow().choices()).extracting(c -> c.label().text("de"))
                .containsExactly("Ja", "Nein");
        // a Vietnamese reader gets the form's own language, never a placeholder
        assertThat(m.question("grund").orElseThrow().label().in(java.util.Locale.forLanguageTag("vi"))).isEqualTo("Warum?");
        assertThat(read.problems().warnings()).extracting(RowError::code).containsExactly("methodology.warning.noVietnamese");
        roundTrips(read);
    }

    @Test
    void everyLanguageSpellingIsReadAndKeptByteForByte() {
        String arabic = "هل أنت راضٍ عن الخدمة؟";
        String chinese = "您对服务满意吗？";
        MethodologyFiles.Read read = read(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "label::English (en)", "label::ar", "label:Chinese", "label::Tiếng Tày",
                                "constraint", "constraint_message::ar", "required_message::English (en)"},
                        {"integer", "tuoi", "Tuổi", "Age", "العمر", "年龄", "Umri", ". > 0", "يجب أن يكون موجبا",
                                "Please answer"},
                        {"text", "y_kien", "Ý kiến", "Opinion", arabic, chinese, "Maoni", "", "", ""},
                },
                "settings", new String[][] {{"form_id", "default_language"}, {"ngon_ngu", "Vietnamese (vi)"}})));

        Methodology m = read.methodology();
        assertThat(m.languages()).containsExactly("vi", "en", "ar", "zh", "Tiếng Tày");
        Label opinion = m.question("y_kien").orElseThrow().label();
        assertThat(opinion.text("ar")).isEqualTo(arabic);
        assertThat(opinion.text("zh")).isEqualTo(chinese);
        assertThat(opinion.text("Tiếng Tày")).isEqualTo("Maoni");
        Question age = m.question("tuoi").orElseThrow();
        assertThat(age.constraintMessage().text("ar")).isEqualTo("يجب أن يكون موجبا");
        assertThat(age.columns()).containsEntry("required_message::English (en)", "Please answer");
        assertThat(age.requiredMessage().texts()).containsExactly(Map.entry("en", "Please answer"));
        assertThat(read.problems().warnings()).isEmpty();
        roundTrips(read);
    }

    @Test
    void anErrorOnRowNineOfTheSurveySaysRowNineTheSheetAndTheColumnAsWritten() {
        ImportRejectedException rejected = rejected(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "Survey", new String[][] {
                        {"Type", "Name", "Label", "Relevance"},
                        {"text", "a", "A", ""},
                        {"text", "b", "B", ""},
                        {"text", "c", "C", ""},
                        {"", "", "", ""},
                        {"text", "d", "D", ""},
                        {"text", "e", "E", ""},
                        {"text", "f", "F", ""},
                        {"text", "g", "G", "${nowhere} = 'x'"},
                })));

        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("form.xlsx › Survey");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.column()).isEqualTo("Relevance");
            assertThat(e.code()).isEqualTo("methodology.error.unknownReference");
            assertThat(e.args()).containsExactly("nowhere");
        });
    }

    @Test
    void aRepeatIsRefusedOnceNamingBeginRepeatWithoutFollowOnErrors() {
        ImportRejectedException rejected = rejected(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label"},
                        {"text", "ho_ten", "Họ tên"},
                        {"begin repeat", "thanh_vien", "Thành viên"},
                        {"text", "", ""},
                        {"begin group", "g", ""},
                        {"end group", "", ""},
                        {"end repeat", "", ""},
                })));

        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("form.xlsx › survey");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("type");
            assertThat(e.code()).isEqualTo("methodology.error.repeatUnsupported");
            assertThat(e.args()).containsExactly("begin repeat", "thanh_vien");
        });
    }

    @Test
    void anEmptyGroupIsLeftOutWithAWarningAndANotesOnlyGroupIsAPageOfNotes() {
        MethodologyFiles.Read read = read(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label"},
                        {"begin_group", "trong", "Trống"},
                        {"end_group", "", ""},
                        {"begin group", "loi_chao", "Lời chào"},
                        {"note", "chao", "Cảm ơn Ông/Bà đã tham gia."},
                        {"end group", "", ""},
                        {"integer", "tuoi", "Tuổi"},
                })));

        Methodology m = read.methodology();
        assertThat(m.sections()).extracting(Section::name).containsExactly("loi_chao", "section_2");
        assertThat(m.question("chao").orElseThrow().type()).isEqualTo(QuestionType.NOTE);
        assertThat(read.problems().warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("methodology.warning.emptyGroup");
            assertThat(w.line()).isEqualTo(2);
        });
        roundTrips(read);
    }

    @Test
    void anUnknownColumnImportsWithAWarningNamingItAndIsExportedBack() throws IOException {
        MethodologyFiles.Read read = read(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "appearance", "Ghi chú nội bộ"},
                        {"select_one yn", "co_khong", "Có được hướng dẫn không?", "minimal", "hỏi lại nếu cần"},
                },
                "choices", new String[][] {{"list_name", "name", "label"}, {"yn", "1", "Có"}, {"yn", "2", "Không"}})));

        assertThat(read.problems().warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("methodology.warning.columnKept");
            assertThat(w.file()).isEqualTo("form.xlsx › survey");
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.column()).isEqualTo("Ghi chú nội bộ");
        });
        Question q = read.methodology().question("co_khong").orElseThrow();
        assertThat(q.columns()).containsEntry("appearance", "minimal").containsEntry("Ghi chú nội bộ", "hỏi lại nếu cần");
        try (XSSFWorkbook exported = new XSSFWorkbook(new ByteArrayInputStream(XlsFormWriter.write(read.methodology())))) {
            Sheet survey = exported.getSheet("survey");
            int column = -1;
            for (int c = 0; c < survey.getRow(0).getLastCellNum(); c++) {
                if ("Ghi chú nội bộ".equals(survey.getRow(0).getCell(c).getStringCellValue())) {
                    column = c;
                }
            }
            assertThat(column).isNotNegative();
            assertThat(survey.getRow(2).getCell(column).getStringCellValue()).isEqualTo("hỏi lại nếu cần");
        }
        roundTrips(read);
    }

    @Test
    void aVersionTypedAsADateInExcelReadsAsTheAuthorSeesIt() throws IOException {
        byte[] form;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet survey = workbook.createSheet("survey");
            survey.createRow(0).createCell(0).setCellValue("type");
            survey.getRow(0).createCell(1).setCellValue("name");
            survey.getRow(0).createCell(2).setCellValue("label");
            survey.createRow(1).createCell(0).setCellValue("text");
            survey.getRow(1).createCell(1).setCellValue("q");
            survey.getRow(1).createCell(2).setCellValue("Câu hỏi");
            Sheet settings = workbook.createSheet("settings");
            settings.createRow(0).createCell(0).setCellValue("version");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            settings.createRow(1).createCell(0).setCellValue(44662.6850575292);
            settings.getRow(1).getCell(0).setCellStyle(date);
            workbook.write(out);
            form = out.toByteArray();
        }

        MethodologyFiles.Read read = read(form);

        assertThat(read.methodology().version()).isEqualTo(1);
        assertThat(read.problems().warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("methodology.warning.versionNotNumber");
            assertThat(w.args()).containsExactly("11/04/2022");
            assertThat(w.file()).isEqualTo("form.xlsx › settings");
            assertThat(w.line()).isEqualTo(2);
        });
    }

    @Test
    void theSpecAsPeopleWriteItNestedGroupsOrOtherRangeMetadataAndAliases() {
        MethodologyFiles.Read read = read(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "relevant", "parameters", "default", "read_only"},
                        {"start", "start", "", "", "", "", ""},
                        {"today", "today", "", "", "", "", ""},
                        {"select_one yn", "dung", "Đã dùng dịch vụ?", "", "", "yes", ""},
                        {"begin group", "ngoai", "Ngoài", "${dung} = 'yes'", "", "", ""},
                        {"decimal", "phi", "Phí (nghìn đồng)", "", "", "", ""},
                        {"begin group", "trong", "Trong", "", "", "", ""},
                        {"range", "diem", "Điểm", "", "start=0 end=10", "", ""},
                        {"end group", "", "", "", "", "", ""},
                        {"select_one kenh or_other", "kenh", "Kênh", "", "", "", "true"},
                        {"end group", "", "", "", "", "", ""},
                },
                "choices", new String[][] {
                        {"list name", "name", "label"},
                        {"yn", "yes", "Có"}, {"yn", "no", "Không"},
                        {"kenh", "tai_cho", "Tại chỗ"}, {"kenh", "truc_tuyen", "Trực tuyến"},
                })));

        Methodology m = read.methodology();
        assertThat(m.sections()).extracting(Section::name).containsExactly("section_1", "ngoai", "trong", "ngoai_2");
        assertThat(m.question("phi").orElseThrow().type()).isEqualTo(QuestionType.DECIMAL);
        assertThat(m.question("phi").orElseThrow().relevant()).isEqualTo("${dung} = 'yes'");
        Question score = m.question("diem").orElseThrow();
        assertThat(score.type()).isEqualTo(QuestionType.INTEGER);
        assertThat(score.constraint()).isEqualTo(". >= 0 and . <= 10");
        assertThat(m.question("kenh").orElseThrow().columns()).containsEntry("read_only", "true");
        assertThat(m.question("kenh_other").orElseThrow().relevant())
                .isEqualTo("(${dung} = 'yes') and (selected(${kenh}, 'other'))");
        assertThat(m.choiceList("kenh").orElseThrow().choices()).extracting(ChoiceList.Choice::code)
                .containsExactly("tai_cho", "truc_tuyen", "other");
        assertThat(m.question("dung").orElseThrow().columns()).containsEntry("default", "yes");
        assertThat(read.problems().warnings()).extracting(RowError::code).containsExactly(
                "methodology.warning.metadataLeftOut", "methodology.warning.metadataLeftOut");
        roundTrips(read);
    }

    @Test
    void aPlainSelectOneListIsAScaleWhenTheIndexSheetSaysWhichCodesCount() {
        MethodologyFiles.Read read = read(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label"},
                        {"select_one likert", "thai_do", "Thái độ của công chức"},
                        {"select_one likert", "thoi_gian", "Thời gian giải quyết"},
                },
                "choices", new String[][] {
                        {"list_name", "name", "label"},
                        {"likert", "1", "Rất không hài lòng"}, {"likert", "2", "Không hài lòng"},
                        {"likert", "3", "Bình thường"}, {"likert", "4", "Hài lòng"}, {"likert", "5", "Rất hài lòng"},
                        {"likert", "9", "Không trả lời"},
                },
                "index", new String[][] {
                        {"code", "label", "rule", "question", "parent", "satisfied", "excluded"},
                        {"ALL", "Chỉ số chung", "mean", "", "", "", ""},
                        {"C1", "", "", "thai_do", "ALL", "4 5", "9"},
                        {"C2", "", "", "thoi_gian", "ALL", "4 5", "9"},
                })));

        Methodology m = read.methodology();
        AnswerScale likert = m.scale("likert").orElseThrow();
        assertThat(likert.satisfied()).containsExactlyInAnyOrder(4, 5);
        assertThat(likert.excluded()).extracting(AnswerScale.Level::code).containsExactly(9);
        assertThat(m.question("thai_do").orElseThrow().type()).isEqualTo(QuestionType.SCALE);
        assertThat(m.index().children()).extracting(IndexNode::question).containsExactly("thai_do", "thoi_gian");
        roundTrips(read);
    }

    @Test
    void oneCauseIsOneErrorAndAGroupLeftOpenIsNamedAtItsRow() {
        ImportRejectedException rejected = rejected(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label"},
                        {"begin group", "mo", "Mở"},
                        {"geopoint", "vi_tri", "Vị trí"},
                        {"text", "ghi", "Ghi"},
                })));

        assertThat(rejected.errors()).extracting(e -> e.line() + " " + e.column() + " " + e.code()).containsExactly(
                "3 type methodology.error.unsupportedType", "2 type methodology.error.unclosedGroup");
    }

    @Test
    void aFormWithoutChoicesForItsSelectIsNamedOnceAtTheQuestion() {
        ImportRejectedException rejected = rejected(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {{"type", "name", "label"}, {"select_one nowhere", "q", "Q"}})));

        assertThat(rejected.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("type");
            assertThat(e.code()).isEqualTo("methodology.error.unknownChoices");
        });
        assertThat(List.of(rejected.errors().get(0).file())).containsExactly("form.xlsx › survey");
    }

    @Test
    void theExampleOnTheMethodologiesPageImportsWithItsScaleCascadeAndIndex() {
        MethodologyFiles.Read read = read(XlsFormExample.workbook());

        Methodology m = read.methodology();
        assertThat(m.languages()).containsExactly("vi", "en");
        AnswerScale scale = m.scale("hai_long").orElseThrow();
        assertThat(scale.satisfied()).containsExactlyInAnyOrder(4, 5);
        assertThat(scale.excluded()).extracting(AnswerScale.Level::code).containsExactly(9);
        assertThat(m.question("xa").orElseThrow().choiceFilter()).isEqualTo("tinh=${tinh}");
        assertThat(m.choiceList("xa").orElseThrow().offered("tinh=${tinh}", name -> name.equals("tinh") ? "dn" : ""))
                .extracting(ChoiceList.Choice::code).containsExactly("bien_hoa", "long_khanh");
        assertThat(m.index().children()).extracting(IndexNode::code).containsExactly("C1", "C2");
        assertThat(read.problems().warnings()).isEmpty();
        roundTrips(read);
    }

    @Test
    void aBareNameIsAColumnInAChoiceFilterAndAnErrorElsewhere() {
        ImportRejectedException rejected = rejected(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "relevant", "choice_filter"},
                        {"select_one tinh", "tinh", "Tỉnh", "", ""},
                        {"select_one xa", "xa", "Xã", "", "tinh = ${tinh} and vung = 'bac'"},
                        {"text", "ghi", "Ghi chú", "${tinh} = hn", ""},
                },
                "choices", new String[][] {{"list_name", "name", "label", "tinh"}, {"tinh", "hn", "Hà Nội", ""},
                        {"xa", "hk", "Hoàn Kiếm", "hn"}})));

        assertThat(rejected.errors()).extracting(e -> e.line() + " " + e.column() + " " + e.code() + " " + e.args())
                .containsExactly("3 choice_filter methodology.error.unknownFilterColumn [vung, xa]",
                        "4 relevant methodology.error.bareName [hn]");
    }

    /** Arabic and Chinese words with the spaces their author left around them, and Latin, digits and marks among them. */
    static final String ARABIC_LABEL = "  هل أنت راضٍ عن مركز الخدمة العامة (Trung tâm Phục vụ hành chính công) في 2024؟  ";
    static final String ARABIC_HINT = "اختر إجابة واحدة - SIPAS ";
    static final String ARABIC_CHOICE = "راضٍ جدًا ";
    static final String CHINESE_LABEL = "您对“一站式”服务（Bộ phận Một cửa）满意吗？ ";
    static final String CHINESE_HINT = " 请选择一项 (1–5) ";
    static final String CHINESE_CHOICE = "非常满意  ";

    /** A form in Vietnamese, Arabic and Chinese whose labels, hints and choices keep leading and trailing spaces. */
    static byte[] arabicAndChineseWithSpaces(String code) {
        return XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label::Tiếng Việt (vi)", "label::Arabic (ar)", "label::Chinese (zh)",
                                "hint::Arabic (ar)", "hint::Chinese (zh)"},
                        {"select_one muc_do", "hai_long", "Ông/Bà có hài lòng không? ", ARABIC_LABEL, CHINESE_LABEL,
                                ARABIC_HINT, CHINESE_HINT},
                },
                "choices", new String[][] {
                        {"list_name", "name", "label::Tiếng Việt (vi)", "label::Arabic (ar)", "label::Chinese (zh)"},
                        {"muc_do", "1", "Rất hài lòng", ARABIC_CHOICE, CHINESE_CHOICE},
                        {"muc_do", "2", "Không hài lòng", "غير راضٍ", "不满意"},
                },
                "settings", new String[][] {{"form_id", "form_title::Tiếng Việt (vi)", "form_title::Arabic (ar)"},
                        {code, "Phiếu ba thứ tiếng", " استبيان "}}));
    }

    @Test
    void arabicAndChineseWordsKeepTheirSpacesThroughTheStoreTheExportAndAReImport() throws IOException {
        MethodologyFiles.Read read = read(arabicAndChineseWithSpaces("ba-thu-tieng"));

        Methodology stored = MethodologyFiles.readStored("ba-thu-tieng", 1, read.source());
        Question q = stored.question("hai_long").orElseThrow();
        assertThat(q.label().text("ar")).isEqualTo(ARABIC_LABEL);
        assertThat(q.label().text("zh")).isEqualTo(CHINESE_LABEL);
        assertThat(q.label().text("vi")).isEqualTo("Ông/Bà có hài lòng không? ");
        assertThat(q.hint().text("ar")).isEqualTo(ARABIC_HINT);
        assertThat(q.hint().text("zh")).isEqualTo(CHINESE_HINT);
        ChoiceList.Choice first = stored.choiceList("muc_do").orElseThrow().choices().get(0);
        assertThat(first.label().text("ar")).isEqualTo(ARABIC_CHOICE);
        assertThat(first.label().text("zh")).isEqualTo(CHINESE_CHOICE);
        assertThat(stored.title().text("ar")).isEqualTo(" استبيان ");

        byte[] exported = XlsFormWriter.write(stored);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet survey = workbook.getSheet("survey");
            Map<String, String> cells = cellsByHeader(survey, 2); // row 1 the header, row 2 the group, row 3 the question
            assertThat(cells).containsEntry("label::Arabic (ar)", ARABIC_LABEL).containsEntry("label::Chinese (zh)",
                    CHINESE_LABEL).containsEntry("hint::Arabic (ar)", ARABIC_HINT).containsEntry("hint::Chinese (zh)",
                    CHINESE_HINT);
            assertThat(cellsByHeader(workbook.getSheet("choices"), 1)).containsEntry("label::Arabic (ar)", ARABIC_CHOICE)
                    .containsEntry("label::Chinese (zh)", CHINESE_CHOICE);
        }
        Methodology again = read(exported).methodology();
        assertThat(again).isEqualTo(stored);
        assertThat(again.question("hai_long").orElseThrow().label().text("ar")).isEqualTo(ARABIC_LABEL);
    }

    /** The cells of one row of a sheet by the header above them, as POI reads them. */
    static Map<String, String> cellsByHeader(Sheet sheet, int row) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        Row header = sheet.getRow(0);
        for (int c = 0; c < header.getLastCellNum(); c++) {
            var cell = sheet.getRow(row).getCell(c);
            if (header.getCell(c) != null && cell != null) {
                cells.put(header.getCell(c).getStringCellValue(), cell.getStringCellValue());
            }
        }
        return cells;
    }

    private static byte[] duplicatedCode(String allow) {
        return XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {{"type", "name", "label::en", "label::zh"}, {"select_one kq", "ket_qua", "Result", "结果"}},
                "choices", new String[][] {{"list name", "name", "label::en", "label::zh"}, {"kq", "ok", "Done", "已办结"},
                        {"kq", "na", "Skipped", "跳过"}, {"kq", "na", "Not applicable", "不适用"}},
                "settings", allow == null ? new String[][] {{"form_id"}, {"trung-ma"}}
                        : new String[][] {{"form_id", "allow_choice_duplicates"}, {"trung-ma", allow}}));
    }

    @Test
    void aCodeGivenTwiceIsRefusedAtItsRowUnlessTheSettingsAllowChoiceDuplicates() throws IOException {
        for (String refusing : new String[] {null, "no", "Bob"}) {
            assertThat(rejected(duplicatedCode(refusing)).errors()).as(String.valueOf(refusing)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.code()).isEqualTo("methodology.error.duplicateCode");
                        assertThat(e.file()).isEqualTo("form.xlsx › choices");
                        assertThat(e.line()).isEqualTo(4);
                    });
        }

        MethodologyFiles.Read read = read(duplicatedCode("Yes"));
        assertThat(read.methodology().choiceList("kq").orElseThrow().choices()).extracting(c -> c.label().text("zh"))
                .containsExactly("已办结", "跳过", "不适用");
        assertThat(read.problems().warnings()).extracting(RowError::code).containsExactly(
                "methodology.warning.choiceDuplicate", "methodology.warning.noVietnamese");
        assertThat(read.source()).contains("allow_choice_duplicates: true");
        try (XSSFWorkbook exported = new XSSFWorkbook(new ByteArrayInputStream(XlsFormWriter.write(read.methodology())))) {
            assertThat(cellsByHeader(exported.getSheet("settings"), 1)).containsEntry("allow_choice_duplicates", "yes");
        }
        roundTrips(read);
    }

    @Test
    void anAcknowledgeIsAskedAsAChoiceOfOneOptionOkStoredAsOdkStoresIt() {
        MethodologyFiles.Read read = read(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "required"},
                        {"acknowledge", "dong_y", "Tôi đồng ý tham gia khảo sát", "yes"},
                        {"select_one acknowledge", "lai", "Tôi đã đọc hướng dẫn", ""},
                },
                "choices", new String[][] {{"list_name", "name", "label"}, {"acknowledge", "co", "Có"}})));

        Question consent = read.methodology().question("dong_y").orElseThrow();
        assertThat(consent.type()).isEqualTo(QuestionType.SELECT_ONE);
        assertThat(consent.required()).isTrue();
        // the form's own list of that name is left as it is
        assertThat(consent.choices()).isEqualTo("acknowledge_ok");
        assertThat(read.methodology().choiceList("acknowledge_ok").orElseThrow().choices())
                .extracting(ChoiceList.Choice::code, c -> c.label().vi()).containsExactly(org.assertj.core.groups.Tuple.tuple("OK", "OK"));
        assertThat(read.methodology().choiceList("acknowledge").orElseThrow().choices()).extracting(ChoiceList.Choice::code)
                .containsExactly("co");
        assertThat(read.problems().warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("methodology.warning.acknowledgeAsChoice");
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.args()).containsExactly("dong_y", "OK");
        });
        roundTrips(read);
    }
}
