package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.Formats;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The print pack of a unit, on a campaign of the national SIPAS 2017-2020 questionnaire with its
 * whole sample on the PAPER channel: 4 sampled dossiers in the first commune, numbers issued for
 * them and 3 blank copies more, the papers of 3 of the sampled dossiers handed to the post office.
 * The fixture's frame gives every applicant a postal address but every fifth. The PDF
 * is read back with PDFBox (text, pages) and its QR codes with ZXing, neither of which drew it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintPackTest {

    private static final Pattern SHEET_FOOTER = Pattern.compile("Phiếu số (\\d+ \\d{5} \\d) · trang (\\d+)/(\\d+)");
    private static final Pattern GUIDE_FOOTER = Pattern.compile("Hướng dẫn điều tra viên · trang (\\d+)/(\\d+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    DossierImport dossiers;
    @Autowired
    CurrentUsers users;

    private static final String POST_OFFICE = "Bưu điện PPK";
    private static final Pattern APPLICANT = Pattern.compile("Người dân (\\d+)");

    private InField field;
    private List<String> issued;
    /** The sampled papers handed to the post office, by printed number: those get a label. */
    private List<String> handedToPartner;
    private String notHanded;
    /** The postal address of each handed applicant ("Người dân n" by n), null for none. */
    private final Map<Integer, String> addressOf = new java.util.HashMap<>();

    @BeforeAll
    void issueNumbers() throws Exception {
        field = fixtures.inField("PPK", "sipas-2017", 8, Map.of("PAPER", 1));
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/cases").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/blank").param("unit", Long.toString(field.commune1()))
                        .param("copies", "3").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        issued = jdbc.sql("SELECT number FROM paper_form WHERE campaign_id = :c AND unit_id = :u ORDER BY serial")
                .param("c", field.campaignId()).param("u", field.commune1()).query(String.class).list();
        List<Integer> sampledSerials = jdbc.sql("""
                        SELECT serial FROM paper_form WHERE campaign_id = :c AND unit_id = :u AND sample_member_id IS NOT NULL
                        ORDER BY serial""")
                .param("c", field.campaignId()).param("u", field.commune1()).query(Integer.class).list();
        List<Integer> toPartner = sampledSerials.subList(0, 3);
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/handout").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune1())).param("kind", "PARTNER").param("recipient", POST_OFFICE)
                        .param("numbers", toPartner.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                        .param("due", "5"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "paper.handout.done"));
        handedToPartner = toPartner.stream().map(s -> new PaperNumber(field.campaignId(), s).printed()).toList();
        notHanded = new PaperNumber(field.campaignId(), sampledSerials.get(3)).printed();
        giveTheHandedApplicantsBothKindsOfContact(toPartner);
    }

    /**
     * The draw follows the frame's permanent random numbers, new at every run, so which applicants
     * are handed is not known beforehand: when the fixture's rule gave all three an address, or
     * none, the first is imported again (the one-stop system's own path) without one, or with one.
     */
    private void giveTheHandedApplicantsBothKindsOfContact(List<Integer> serials) {
        record Handed(String receipt, java.time.Instant receivedAt) {
        }
        List<Handed> handed = jdbc.sql("""
                        SELECT d.receipt_code, d.received_at FROM paper_form f JOIN sample_member m ON m.id = f.sample_member_id
                        JOIN dossier d ON d.id = m.dossier_id WHERE f.campaign_id = :c AND f.serial IN (:s) ORDER BY f.serial""")
                .param("c", field.campaignId()).param("s", serials)
                .query((rs, n) -> new Handed(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        for (Handed h : handed) {
            int n = Integer.parseInt(h.receipt().substring("PPK-".length()));
            addressOf.put(n, n % 5 == 0 ? null : "Số " + n + " đường Trần Phú, Phường Một PPK");
        }
        long withAddress = addressOf.values().stream().filter(java.util.Objects::nonNull).count();
        if (withAddress == 0 || withAddress == handed.size()) {
            Handed first = handed.get(0);
            int n = Integer.parseInt(first.receipt().substring("PPK-".length()));
            String address = withAddress == 0 ? "Số " + n + " ngõ 4 đường Hà Huy Tập, Phường Một PPK" : null;
            String csv = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,received_at,appointment_at,"
                    + "returned_at,receiving_official,processing_official,channel,status,applicant_address\n"
                    + "%s,PPK-T1,PPK-C1,Công dân,Người dân %d,0912 %06d,%s,,,,,Trực tiếp,Đã trả kết quả,%s\n".formatted(first.receipt(), n, n,
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(first.receivedAt().atZone(Formats.ZONE)),
                    address == null ? "" : "\"" + address + "\"");
            users.runAs(field.admin(), () -> dossiers.importFile("lai.csv",
                    new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), field.admin()));
            addressOf.put(n, address);
        }
    }

    @Test
    void pageCountIsLetterGuideEveryQuestionnaireAndTheLabelSheetsOfThePapersHandedToAPartner() throws Exception {
        long sampled = jdbc.sql("SELECT count(*) FROM paper_form WHERE campaign_id = :c AND unit_id = :u AND sample_member_id IS NOT NULL")
                .param("c", field.campaignId()).param("u", field.commune1()).query(Long.class).single();
        assertThat(issued).hasSize((int) sampled + 3);
        assertThat(sampled).isEqualTo(4);

        try (PDDocument pdf = Loader.loadPDF(pack())) {
            List<String> pages = pages(pdf);
            int letter = 0;
            int guide = 0;
            int labels = 0;
            int guideTotal = -1;
            Map<String, Integer> sheetPages = new LinkedHashMap<>();
            int perQuestionnaire = -1;
            for (String page : pages) {
                Matcher sheet = SHEET_FOOTER.matcher(page);
                Matcher guideFooter = GUIDE_FOOTER.matcher(page);
                boolean isLetter = page.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                boolean isLabels = page.contains(POST_OFFICE);
                boolean isSheet = sheet.find();
                boolean isGuide = guideFooter.find();
                // every page belongs to exactly one part
                assertThat(List.of(isLetter, isGuide, isSheet, isLabels).stream().filter(b -> b).count()).as(page).isEqualTo(1);
                if (isLetter) {
                    letter++;
                } else if (isGuide) {
                    guide++;
                    guideTotal = Integer.parseInt(guideFooter.group(2));
                } else if (isSheet) {
                    sheetPages.merge(sheet.group(1), 1, Integer::sum);
                    perQuestionnaire = Integer.parseInt(sheet.group(3));
                } else {
                    labels++;
                }
            }
            assertThat(letter).isEqualTo(1);
            assertThat(guide).isEqualTo(guideTotal).isPositive();
            assertThat(sheetPages.keySet()).containsExactlyElementsOf(issued.stream().map(n -> PaperNumber.parse(n).printed()).toList());
            assertThat(sheetPages.values()).allMatch(n -> n == sheetPages.values().iterator().next());
            // a label for each sampled paper handed to a partner: 3, one sheet
            int labelSheets = (int) Math.ceil(handedToPartner.size() / (double) PrintPackPdf.LABELS_PER_PAGE);
            assertThat(labels).isEqualTo(labelSheets).isEqualTo(1);
            assertThat(pdf.getNumberOfPages())
                    .isEqualTo(issued.size() * perQuestionnaire + letter + guide + labelSheets);
            assertThat(pages.get(pages.size() - 1).split("Kính gửi: ", -1)).hasSize(handedToPartner.size() + 1);
        }
    }

    @Test
    void aLabelPrintsTheApplicantsNameAddressAndDossierOrSaysThereIsNoAddress() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pack())) {
            List<String> pages = pages(pdf);
            String sheet = pages.get(pages.size() - 1).replaceAll("\\s+", " ");
            List<String> labels = List.of(sheet.split("Kính gửi: ")).subList(1, handedToPartner.size() + 1);
            Set<Boolean> seen = new java.util.HashSet<>();
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i);
                Matcher applicant = APPLICANT.matcher(label);
                assertThat(applicant.lookingAt()).as(label).isTrue();
                int n = Integer.parseInt(applicant.group(1));
                String address = addressOf.get(n);
                seen.add(address != null);
                if (address != null) {
                    assertThat(label).contains(address).doesNotContain("Chưa có địa chỉ");
                } else {
                    assertThat(label).contains("Chưa có địa chỉ trong danh sách hồ sơ").contains("Phường Một PPK");
                }
                assertThat(label).contains("Hồ sơ PPK-" + n + " · PPK-T1 · ").contains(POST_OFFICE)
                        .contains("Phiếu số " + handedToPartner.get(i))
                        // a label travels on an envelope: no phone on it
                        .doesNotContain("0912");
            }
            assertThat(seen).containsExactlyInAnyOrder(true, false);
            assertThat(sheet).doesNotContain("Phiếu số " + notHanded);
        }
    }

    @Test
    void theLetterGuideAndQuestionnairesPrintInVietnameseWithTheFontEmbedded() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pack())) {
            // lines are wrapped where the column ends: read the text as one run of words
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("THƯ NGỎ")
                    .contains("Về việc khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước")
                    .contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("TỈNH PPK")
                    .contains("HƯỚNG DẪN ĐIỀU TRA VIÊN")
                    .contains("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) 2017-2020")
                    .contains("Phường Một PPK");
            // the guide names each variable with its codes, and the constraint of the age question
            assertThat(text).contains("mã biến c01").contains("Mã trả lời: 1 = Rất không hài lòng")
                    .contains(". >= 15 and . <= 100");
            for (int p = 0; p < pdf.getNumberOfPages(); p++) {
                for (var name : pdf.getPage(p).getResources().getFontNames()) {
                    PDFont font = pdf.getPage(p).getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSerifCondensed");
                }
            }
        }
    }

    @Test
    void theReadersLanguageChoosesThePacksLanguage() throws Exception {
        byte[] english = mvc.perform(get("/campaigns/" + field.campaignId() + "/print-pack").param("unit", Long.toString(field.commune1()))
                        .param("lang", "en").with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(english)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("OPEN LETTER").contains("SOCIALIST REPUBLIC OF VIETNAM").containsPattern("Questionnaire \\d+ \\d{5} \\d · page 1/\\d")
                    .contains("chosen at random").contains("Satisfaction Index of Public Administrative Services (SIPAS) 2017-2020");
        }
    }

    @Test
    void everyQuestionnairesQrCodeOpensTheEntryScreenOfItsOwnNumber() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pack())) {
            List<String> pages = pages(pdf);
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<String> decoded = new ArrayList<>();
            for (int p = 0; p < pages.size(); p++) {
                Matcher sheet = SHEET_FOOTER.matcher(pages.get(p));
                if (sheet.find() && sheet.group(2).equals("1")) {
                    String link = decode(renderer.renderImageWithDPI(p, 150));
                    String number = sheet.group(1).replace(" ", "");
                    assertThat(link).isEqualTo("http://localhost/paper/entry/" + number);
                    decoded.add(number);
                }
            }
            assertThat(decoded).containsExactlyElementsOf(issued);
        }
    }

    @Test
    void theSamePackIsTheSamePdfOnEveryRunAndThroughTheApi() throws Exception {
        byte[] first = pack();
        byte[] second = pack();
        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(second)) {
            assertThat(b.getNumberOfPages()).isEqualTo(a.getNumberOfPages());
            assertThat(new PDFTextStripper().getText(b)).isEqualTo(new PDFTextStripper().getText(a));
            assertThat(a.getDocumentInformation().getCreationDate()).isNull();
        }
        assertThat(second).isEqualTo(first);
        byte[] api = mvc.perform(get("/api/v1/campaigns/" + field.campaignId() + "/print-pack.pdf")
                        .param("unit", Long.toString(field.commune1())).with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(api).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PRINT_PACK' AND entity_id = :c")
                .param("c", Long.toString(field.campaignId())).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aUnitOutsideTheCampaignIsRefusedWithAMessageAndClerksGetNoPack() throws Exception {
        mvc.perform(get("/campaigns/" + field.campaignId() + "/print-pack").param("unit", Long.toString(field.province()))
                        .with(SignedIn.as(field.admin())))
                .andExpect(redirectedUrl("/campaigns/" + field.campaignId() + "/paper"))
                .andExpect(flash().attribute("problem", "pack.problem.unit"));
        mvc.perform(get("/campaigns/" + field.campaignId() + "/print-pack").with(SignedIn.as(field.admin())))
                .andExpect(flash().attribute("problem", "pack.problem.unit"));
        String problem = mvc.perform(get("/api/v1/campaigns/" + field.campaignId() + "/print-pack.pdf")
                        .param("unit", Long.toString(field.province())).with(SignedIn.as(field.admin())))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).contains("urn:sipas:problem:print-pack-unit").contains("Chọn một đơn vị của đợt khảo sát");
        CurrentUser clerk = new CurrentUser("nhaplieu-ppk", Set.of(Role.DATA_ENTRY), field.province());
        mvc.perform(get("/api/v1/campaigns/" + field.campaignId() + "/print-pack.pdf")
                        .param("unit", Long.toString(field.commune1())).with(SignedIn.as(clerk)))
                .andExpect(status().isForbidden());
        // the paper page offers the pack for each of the campaign's units
        String page = mvc.perform(get("/campaigns/" + field.campaignId() + "/paper").with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("action=\"/campaigns/" + field.campaignId() + "/print-pack\"").contains("Tải bộ tài liệu in (PDF)");
    }

    private byte[] pack() throws Exception {
        return mvc.perform(get("/campaigns/" + field.campaignId() + "/print-pack").param("unit", Long.toString(field.commune1()))
                        .with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static List<String> pages(PDDocument pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            pages.add(stripper.getText(pdf));
        }
        return pages;
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        try {
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return result.getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found on the page", e);
        }
    }
}
