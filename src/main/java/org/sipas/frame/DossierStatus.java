package org.sipas.frame;

import java.util.List;
import java.util.Map;

/** Where a dossier stands (trạng thái hồ sơ). */
enum DossierStatus {
    RECEIVED, IN_PROGRESS, RESOLVED, RETURNED, WITHDRAWN, REJECTED;

    static final Vocabulary<DossierStatus> WORDS = new Vocabulary<>(Map.of(
            RECEIVED, List.of("Đã tiếp nhận", "Mới tiếp nhận", "Tiếp nhận"),
            IN_PROGRESS, List.of("Đang xử lý", "Đang giải quyết"),
            RESOLVED, List.of("Đã giải quyết", "Đã xử lý", "Hoàn thành"),
            RETURNED, List.of("Đã trả kết quả", "Trả kết quả"),
            WITHDRAWN, List.of("Rút hồ sơ", "Đã rút hồ sơ"),
            REJECTED, List.of("Từ chối", "Từ chối tiếp nhận", "Không giải quyết")));
}
