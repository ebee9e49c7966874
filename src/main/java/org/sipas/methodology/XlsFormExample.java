package org.sipas.methodology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The example XLSForm offered on the methodologies page: a plain ODK form (two languages, a
 * group, a cascade, a satisfaction list without sipas's own columns) whose {@code index} sheet
 * makes the plain {@code select_one} list a scale by saying which codes count as satisfied and
 * which leave the base. What the README's "XLSForm" section describes, as a file to start from.
 */
final class XlsFormExample {

    static final String FILE = "sipas-xlsform-example.xlsx";

    private static final String[][] SURVEY = {
            {"type", "name", "label::Tiếng Việt (vi)", "label::English (en)", "hint::Tiếng Việt (vi)", "required",
                    "relevant", "choice_filter", "appearance"},
            {"begin group", "dich_vu", "Ông/Bà đã dùng dịch vụ nào?", "Which service did you use?", "", "", "", "", ""},
            {"select_one tinh", "tinh", "Tỉnh/thành phố", "Province", "", "yes", "", "", "minimal"},
            {"select_one xa", "xa", "Xã/phường", "Commune", "Chỉ hiện các xã của tỉnh đã chọn", "yes", "", "tinh=${tinh}",
                    "minimal"},
            {"end group", "", "", "", "", "", "", "", ""},
            {"begin group", "danh_gia", "Đánh giá", "Rating", "", "", "", "", ""},
            {"select_one hai_long", "thai_do", "Thái độ của công chức tiếp nhận", "Attitude of the receiving official", "",
                    "yes", "", "", ""},
            {"select_one hai_long", "thoi_gian", "Thời gian giải quyết hồ sơ", "Time taken to settle the dossier", "",
                    "yes", "", "", ""},
            {"text", "ly_do", "Vì sao Ông/Bà chưa hài lòng?", "Why were you not satisfied?", "", "", "${thai_do} <= 2", "",
                    ""},
            {"end group", "", "", "", "", "", "", "", ""},
    };
    private static final String[][] CHOICES = {
            {"list_name", "name", "label::Tiếng Việt (vi)", "label::English (en)", "tinh"},
            {"tinh", "dn", "Đồng Nai", "Đồng Nai", ""},
            {"tinh", "hcm", "TP. Hồ Chí Minh", "Ho Chi Minh City", ""},
            {"xa", "bien_hoa", "Phường Biên Hòa", "Bien Hoa ward", "dn"},
            {"xa", "long_khanh", "Phường Long Khánh", "Long Khanh ward", "dn"},
            {"xa", "sai_gon", "Phường Sài Gòn", "Sai Gon ward", "hcm"},
            {"hai_long", "1", "Rất không hài lòng", "Very dissatisfied", ""},
            {"hai_long", "2", "Không hài lòng", "Dissatisfied", ""},
            {"hai_long", "3", "Bình thường", "Neutral", ""},
            {"hai_long", "4", "Hài lòng", "Satisfied", ""},
            {"hai_long", "5", "Rất hài lòng", "Very satisfied", ""},
            {"hai_long", "9", "Không trả lời", "No answer", ""},
    };
    private static final String[][] SETTINGS = {
            {"form_id", "version", "form_title::Tiếng Việt (vi)", "form_title::English (en)", "default_language"},
            {"vi-du-xlsform", "1", "Phiếu ví dụ XLSForm", "Example XLSForm", "Tiếng Việt (vi)"},
    };
    /** The index tree: one root, elements under it, criteria bound to questions; satisfied/excluded make a plain list a scale. */
    private static final String[][] INDEX = {
            {"code", "label::Tiếng Việt (vi)", "label::English (en)", "rule", "question", "parent", "weight", "satisfied",
                    "excluded"},
            {"CHUNG", "Chỉ số hài lòng chung", "Overall satisfaction index", "mean", "", "", "", "", ""},
            {"C1", "", "", "share_satisfied", "thai_do", "CHUNG", "", "4 5", "9"},
            {"C2", "", "", "share_satisfied", "thoi_gian", "CHUNG", "", "4 5", "9"},
    };

    private XlsFormExample() {
    }

    static byte[] workbook() {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put(XlsForm.SURVEY, SURVEY);
        sheets.put(XlsForm.CHOICES, CHOICES);
        sheets.put(XlsForm.SETTINGS, SETTINGS);
        sheets.put(XlsForm.INDEX, INDEX);
        return workbook(sheets);
    }

    /** A workbook of sheets given as rows of text cells ("" is an empty cell), as a form author types them. */
    static byte[] workbook(Map<String, String[][]> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> sheet(workbook, name, rows));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, String name, String[][] rows) {
        Sheet sheet = workbook.createSheet(name);
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].isEmpty()) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }
}
