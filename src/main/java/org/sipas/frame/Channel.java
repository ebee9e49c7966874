package org.sipas.frame;

import java.util.List;
import java.util.Map;

/** How a dossier was lodged (hình thức nộp hồ sơ). */
enum Channel {
    DIRECT, ONLINE, POSTAL;

    static final Vocabulary<Channel> WORDS = new Vocabulary<>(Map.of(
            DIRECT, List.of("Trực tiếp", "Nộp trực tiếp"),
            ONLINE, List.of("Trực tuyến", "Nộp trực tuyến", "Dịch vụ công trực tuyến"),
            POSTAL, List.of("Bưu chính", "Bưu chính công ích", "Qua bưu chính")));
}
