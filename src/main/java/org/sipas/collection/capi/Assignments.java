package org.sipas.collection.capi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitOfficial;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.Disposition;
import org.sipas.collection.ResponseStore;
import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Contact;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.methodology.Methodologies;
import org.sipas.web.Formats;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an interviewer's device downloads before going out: the face-to-face cases they hold that
 * still need an interview, the applicant's name and phone for each (opened for interviewers only,
 * every download in the audit log, never the contacts themselves), the questionnaires those cases
 * use and the officials of their units (the {@code official} question picks among them).
 */
@Service
class Assignments {

    static final String FACE_TO_FACE = "FACE_TO_FACE";

    /** The download, as the device stores it. */
    record Download(String interviewer, Instant downloadedAt, List<CaseToVisit> cases, List<CapiForm> forms,
                    Map<Long, List<UnitOfficial>> officials) {
    }

    /**
     * A case to visit.
     *
     * @param form        the key of its questionnaire in {@link Download#forms}
     * @param receivedOn  when the dossier was received, dd/MM/yyyy
     * @param disposition its current AAPOR disposition (after earlier visits), or null when never worked
     */
    record CaseToVisit(long id, long campaignId, String campaignName, long unitId, String unitCode, String unitName,
                       String procedureCode, String receiptCode, String receivedOn, String applicantName,
                       String applicantPhone, String form, String disposition, int attempts) {
    }

    private final FieldCases fieldCases;
    private final SamplingFrame frame;
    private final Methodologies methodologies;
    private final CatalogCodes catalog;
    private final ResponseStore responses;
    private final CaseDispositions dispositions;
    private final AuditLog audit;

    Assignments(FieldCases fieldCases, SamplingFrame frame, Methodologies methodologies, CatalogCodes catalog,
                ResponseStore responses, CaseDispositions dispositions, AuditLog audit) {
        this.fieldCases = fieldCases;
        this.frame = frame;
        this.methodologies = methodologies;
        this.catalog = catalog;
        this.responses = responses;
        this.dispositions = dispositions;
        this.audit = audit;
    }

    /** The interviewer's face-to-face cases still to interview, in the order of their campaigns, strata and ranks. */
    List<FieldCase> toVisit(String interviewer) {
        return fieldCases.assignedTo(interviewer).stream()
                .filter(c -> FACE_TO_FACE.equals(c.channel()))
                .filter(c -> !responses.isAnswered(c.id()))
                .toList();
    }

    @Transactional
    Download download(CurrentUser interviewer) {
        if (!interviewer.has(Role.INTERVIEWER)) {
            throw new AccessDeniedException("face-to-face cases are for interviewers");
        }
        List<FieldCase> cases = toVisit(interviewer.name());
        List<Contact> contacts = frame.contacts(cases.stream().map(FieldCase::dossierId).toList());
        Map<String, CapiForm> forms = new LinkedHashMap<>();
        Map<Long, List<UnitOfficial>> officials = new LinkedHashMap<>();
        List<CaseToVisit> visits = new java.util.ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            FieldCase c = cases.get(i);
            Contact contact = contacts.get(i);
            String form = CapiForm.key(c.methodologyCode(), c.methodologyVersion());
            forms.computeIfAbsent(form, key -> CapiForm.of(methodologies.find(c.methodologyCode(), c.methodologyVersion())
                    .orElseThrow(() -> new IllegalStateException("campaign " + c.campaignId() + " uses a missing methodology " + key))));
            officials.computeIfAbsent(c.unitId(), catalog::officialsOf);
            visits.add(new CaseToVisit(c.id(), c.campaignId(), c.campaignName(), c.unitId(), contact.unitCode(),
                    contact.unitName(), contact.procedureCode(), contact.receiptCode(),
                    contact.receivedOn().format(Formats.DATE), contact.name(), contact.phone(), form,
                    dispositions.of(c.id()).map(Disposition::name).orElse(null), dispositions.attempts(c.id())));
        }
        if (!visits.isEmpty()) {
            audit.record("capi.assignments.download", "sample_member", null, null,
                    Map.of("cases", visits.stream().map(CaseToVisit::id).toList()),
                    "contacts opened for face-to-face visits on the interviewer's device");
        }
        return new Download(interviewer.name(), Instant.now(), visits, List.copyOf(forms.values()), officials);
    }
}
