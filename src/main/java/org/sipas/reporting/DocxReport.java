package org.sipas.reporting;

/** The DOCX of a report: its kind's template (the administrator's, or the shipped one) filled with its content. */
final class DocxReport {

    private DocxReport() {
    }

    static byte[] render(ReportTemplate template, ReportContent content) {
        return template.fill(content.fields());
    }
}
