package org.sipas.reporting;

/**
 * The kinds of report, each with one template (the shipped default, or the one an administrator
 * uploaded) and the vocabulary of placeholders its content fills.
 */
enum ReportKind {
    /** The report of a campaign's published results (báo cáo kết quả đo lường sự hài lòng). */
    CAMPAIGN("campaign", "reporting/templates/campaign-report.docx", ReportContent.VOCABULARY);

    private final String code;
    private final String shipped;
    private final ReportVocabulary vocabulary;

    ReportKind(String code, String shipped, ReportVocabulary vocabulary) {
        this.code = code;
        this.shipped = shipped;
        this.vocabulary = vocabulary;
    }

    String code() {
        return code;
    }

    /** The class path of the shipped default template. */
    String shipped() {
        return shipped;
    }

    ReportVocabulary vocabulary() {
        return vocabulary;
    }

    /** The file name a downloaded template is given. */
    String fileName() {
        return shipped.substring(shipped.lastIndexOf('/') + 1);
    }

    static ReportKind ofCode(String code) {
        for (ReportKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                "no report kind " + code);
    }
}
