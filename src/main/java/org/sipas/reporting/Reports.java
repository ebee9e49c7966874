package org.sipas.reporting;

import java.net.URI;
import java.util.Map;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.methodology.Methodologies;
import org.sipas.web.XlsxWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The files made of a campaign's published results: the report as DOCX and PDF, the tables as XLSX.
 * Each is of the latest published version, or of the version asked for.
 *
 * <p>Who may: published figures are public, and the portal serves them to everyone with small cells
 * suppressed. These files are the staff's: the XLSX has every cell unsuppressed (the readers of a
 * campaign's results whose scope lies within or covers it, as the snapshots API); the report is the
 * issuing body's working document with the author's recommendations before they are sent and the
 * cases of every unit, so it is for those whose scope covers the whole campaign.
 */
@Service
class Reports {

    /** A file to download. */
    record File(String name, String contentType, byte[] bytes) {
    }

    private final Publications publications;
    private final CampaignScope campaigns;
    private final ReportTemplates templates;
    private final ReportDrafts drafts;
    private final ReportContents contents;
    private final Methodologies methodologies;
    private final MessageSource messages;

    Reports(Publications publications, CampaignScope campaigns, ReportTemplates templates, ReportDrafts drafts,
            ReportContents contents, Methodologies methodologies, MessageSource messages) {
        this.publications = publications;
        this.campaigns = campaigns;
        this.templates = templates;
        this.drafts = drafts;
        this.contents = contents;
        this.methodologies = methodologies;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    File docx(long campaignId, Integer version) {
        FieldCampaign campaign = campaigns.within(campaignId);
        Snapshot snapshot = snapshot(campaignId, version);
        return new File(fileName(snapshot, "docx"), ReportTemplate.CONTENT_TYPE, docx(campaign, snapshot));
    }

    @Transactional(readOnly = true)
    File pdf(long campaignId, Integer version) {
        FieldCampaign campaign = campaigns.within(campaignId);
        Snapshot snapshot = snapshot(campaignId, version);
        return new File(fileName(snapshot, "pdf"), "application/pdf",
                PdfReport.render(docx(campaign, snapshot), ReportContents.TITLE + " – " + snapshot.campaignName()));
    }

    @Transactional(readOnly = true)
    File estimates(long campaignId, Integer version) {
        campaigns.overlapping(campaignId);
        Snapshot snapshot = snapshot(campaignId, version);
        return new File("estimates-" + campaignId + "-v" + snapshot.version() + ".xlsx", XlsxWriter.CONTENT_TYPE,
                EstimatesWorkbook.of(snapshot, labels(snapshot)));
    }

    private byte[] docx(FieldCampaign campaign, Snapshot snapshot) {
        ReportContent content = contents.of(campaign, snapshot, drafts.of(snapshot));
        return DocxReport.render(templates.current(ReportKind.CAMPAIGN), content);
    }

    /** The published version asked for, or the latest: 404 with a problem saying nothing is published. */
    Snapshot snapshot(long campaignId, Integer version) {
        return (version == null ? publications.latest(campaignId) : publications.version(campaignId, version))
                .orElseThrow(() -> notPublished(campaignId, version));
    }

    private ResponseStatusException notPublished(long campaignId, Integer version) {
        String detail = version == null
                ? messages.getMessage("reports.notPublished", new Object[] {campaignId}, LocaleContextHolder.getLocale())
                : messages.getMessage("reports.versionNotPublished", new Object[] {campaignId, version}, LocaleContextHolder.getLocale());
        ResponseStatusException e = new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
        e.setType(URI.create("urn:sipas:problem:not-published"));
        return e;
    }

    private static String fileName(Snapshot snapshot, String extension) {
        return "bao-cao-" + snapshot.campaignId() + "-v" + snapshot.version() + "." + extension;
    }

    /** Index node code → its Vietnamese label, as the report is written. */
    private Map<String, String> labels(Snapshot snapshot) {
        return methodologies.find(snapshot.methodologyCode(), snapshot.methodologyVersion())
                .map(m -> m.index().labels(java.util.Locale.forLanguageTag("vi"))).orElse(Map.of());
    }
}
