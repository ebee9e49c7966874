package org.sipas.frame;

import java.util.List;
import java.util.Map;

/** Who lodged a dossier (đối tượng nộp hồ sơ). */
enum ApplicantKind {
    CITIZEN, ENTERPRISE, AUTHORISED;

    static final Vocabulary<ApplicantKind> WORDS = new Vocabulary<>(Map.of(
            CITIZEN, List.of("Công dân", "Cá nhân"),
            ENTERPRISE, List.of("Doanh nghiệp", "Tổ chức, doanh nghiệp"),
            // both placements of the tone mark are in use: ủy and uỷ
            AUTHORISED, List.of("Người được ủy quyền", "Người được uỷ quyền", "Ủy quyền", "Uỷ quyền")));
}
