package org.sipas.methodology;

import java.util.LinkedHashMap;
import java.util.Map;

/** XLSForm workbooks written in a test, sheet by sheet, as a form author types them. */
public final class XlsFormWorkbooks {

    private XlsFormWorkbooks() {
    }

    /** A workbook of sheets given as rows of cells ("" is an empty cell). */
    public static byte[] workbook(Map<String, String[][]> sheets) {
        return XlsFormExample.workbook(sheets);
    }

    /** Stores a workbook as an administrator's upload does (every rule checked), for tests of other packages. */
    public static Methodology store(Methodologies methodologies, String file, byte[] workbook) {
        return methodologies.upload(file, workbook).methodology();
    }

    public static Map<String, String[][]> sheets(Object... nameThenRows) {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        for (int i = 0; i < nameThenRows.length; i += 2) {
            sheets.put((String) nameThenRows[i], (String[][]) nameThenRows[i + 1]);
        }
        return sheets;
    }

    /**
     * A three-level cascade on one page, as ODK forms write it: a province, its communes, their
     * villages, each level filtered by the one above with {@code choice_filter}.
     */
    public static byte[] threeLevelCascade(String code) {
        return workbook(sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "choice_filter"},
                        {"select_one tinh", "tinh", "Tỉnh/thành phố nơi Ông/Bà ở", ""},
                        {"select_one xa", "xa", "Xã/phường", "tinh=${tinh}"},
                        {"select_one thon", "thon", "Thôn/tổ dân phố", "xa=${xa}"},
                        {"text", "gop_y", "Góp ý", ""},
                },
                "choices", new String[][] {
                        {"list name", "name", "label", "tinh", "xa"},
                        {"tinh", "hn", "Hà Nội", "", ""}, {"tinh", "dn", "Đồng Nai", "", ""},
                        {"xa", "hk", "Phường Hoàn Kiếm", "hn", ""}, {"xa", "bd", "Phường Ba Đình", "hn", ""},
                        {"xa", "bh", "Phường Biên Hòa", "dn", ""},
                        {"thon", "t1", "Tổ 1 Hoàn Kiếm", "", "hk"}, {"thon", "t2", "Tổ 2 Hoàn Kiếm", "", "hk"},
                        {"thon", "t3", "Tổ 3 Ba Đình", "", "bd"}, {"thon", "t4", "Khu phố 4 Biên Hòa", "", "bh"},
                },
                "settings", new String[][] {{"form_id", "form_title"}, {code, "Phiếu có ba cấp lọc"}}));
    }
}
