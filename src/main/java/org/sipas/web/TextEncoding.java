package org.sipas.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The text encodings an imported CSV may be read in. UTF-8 (with or without a byte order mark) is
 * the default and the only one guessed; the two ANSI code pages that old Vietnamese office
 * machines still save in are read only when the request says so ({@code ?encoding=windows-1258}),
 * because a byte is a valid letter in each of them and no reader can tell them apart for sure.
 */
public enum TextEncoding {
    UTF_8("utf-8", StandardCharsets.UTF_8),
    /** Vietnamese ANSI: tone marks as combining characters after the letter, "Nguyễn" as N g u y ê ̃ n. */
    WINDOWS_1258("windows-1258", Charset.forName("windows-1258")),
    /** Western European ANSI: what Excel on an English Windows saves "CSV (Comma delimited)" in. */
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252"));

    /** What the {@code encoding} parameter of every import endpoint means, for the OpenAPI document. */
    public static final String PARAMETER = "Bảng mã của tệp CSV: utf-8 (mặc định, có hoặc không có BOM), windows-1258"
            + " (ANSI tiếng Việt), windows-1252 (ANSI Tây Âu). Không có tham số này, một tệp không phải UTF-8 bị từ chối"
            + " (422) kèm tên bảng mã mà tệp có vẻ dùng. / The CSV's text encoding: utf-8 (the default, with or without"
            + " a BOM), windows-1258 (Vietnamese ANSI), windows-1252 (Western European ANSI). Without it, a file that"
            + " is not UTF-8 is rejected (422) saying which encoding it looks like. Ignored for XLSX.";

    /** The names a request may give, as the {@code encoding} parameter of the import endpoints. */
    public static final List<String> NAMES = Arrays.stream(values()).map(TextEncoding::label).toList();

    private final String label;
    private final Charset charset;

    TextEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    public String label() {
        return label;
    }

    Charset charset() {
        return charset;
    }

    /**
     * The encoding a request names ({@code utf-8}, {@code windows-1258}, {@code windows-1252}, any
     * case, also {@code cp1258}, {@code utf8}); none means UTF-8. Any other is a rejected import.
     */
    public static TextEncoding named(String file, String requested) {
        if (requested == null || requested.isBlank()) {
            return UTF_8;
        }
        String name = requested.strip().toLowerCase(Locale.ROOT).replace("_", "-");
        for (TextEncoding encoding : values()) {
            if (encoding.label.equals(name) || encoding.label.replace("-", "").equals(name.replace("-", ""))
                    || name.equals("cp" + encoding.label.replace("windows-", ""))) {
                return encoding;
            }
        }
        throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.encoding.unsupported",
                TabularReader.shown(requested), String.join(", ", NAMES))));
    }
}
