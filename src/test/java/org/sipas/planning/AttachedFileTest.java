package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** A file is attached to a task only when its bytes are the kind its name says, within the size limit; the type stored is the one found. */
class AttachedFileTest {

    private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0};

    @Test
    void aPdfAndAWordFileAreTakenWithTheTypeOfTheirKindNotTheBrowsers() {
        assertThat(AttachedFile.checked("bien-ban.PDF", PDF, 1024).contentType()).isEqualTo("application/pdf");
        assertThat(AttachedFile.checked("ke-hoach.docx", ZIP, 1024).contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(AttachedFile.checked("C:\\Users\\a\\bao-cao.pdf", PDF, 1024).fileName()).isEqualTo("C:_Users_a_bao-cao.pdf");
    }

    @Test
    void aDisguisedAnUnknownAnEmptyOrAnOversizedFileIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> AttachedFile.checked("bien-ban.pdf", "<html><script>".getBytes(StandardCharsets.UTF_8), 1024))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("bien-ban.pdf: its content is not a .pdf file");
        assertThatThrownBy(() -> AttachedFile.checked("trang.html", PDF, 1024)).hasMessageContaining("trang.html: .html is not accepted");
        assertThatThrownBy(() -> AttachedFile.checked("rong.pdf", new byte[0], 1024)).hasMessageContaining("file: no file was sent");
        assertThatThrownBy(() -> AttachedFile.checked("lon.pdf", PDF, 8)).hasMessageContaining("lon.pdf: 15 bytes, more than the 8 allowed");
    }

    @Test
    void aTaskTimeReadsAsThePlanWritesItAndMovesByWholeYears() {
        assertThat(TaskTime.months(2027, 3, 2027, 4).text()).isEqualTo("Tháng 3 - 4/2027");
        assertThat(TaskTime.months(2026, 12, 2027, 1).text()).isEqualTo("Tháng 12/2026 - 1/2027");
        assertThat(TaskTime.quarters(2027, 2, 3).text()).isEqualTo("Quý II - III/2027");
        assertThat(TaskTime.year(2027).text()).isEqualTo("Năm 2027");
        assertThat(TaskTime.quarters(2027, 2, 2).textEn()).isEqualTo("Q2 2027");
        // February's end moves to the moved year's February end (a leap year)
        assertThat(TaskTime.months(2027, 2, 2027, 2).plusYears(1).end()).isEqualTo(java.time.LocalDate.of(2028, 2, 29));
        assertThat(PlanPages.time(TaskTime.Granularity.QUARTER, "2027-Q2", "2027-Q2")).isEqualTo(TaskTime.quarters(2027, 2, 2));
        assertThatThrownBy(() -> PlanPages.time(TaskTime.Granularity.MONTH, "2027-05", "2027-03"))
                .hasMessageContaining("end: a task cannot end");
    }
}
