package org.sipas.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Contact;
import org.sipas.identity.AuditLog;
import org.sipas.web.Formats;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists interviewers work from: the sampled dossiers of a channel with the applicant's name
 * and phone in clear. Only administrators and interviewers of the scope get them, every download
 * is in the audit log (counts, never the contacts), and no other export carries a contact.
 */
@Component
class WorkLists {

    private final Campaigns campaigns;
    private final SamplingFrame frame;
    private final AuditLog audit;

    WorkLists(Campaigns campaigns, SamplingFrame frame, AuditLog audit) {
        this.campaigns = campaigns;
        this.frame = frame;
        this.audit = audit;
    }

    @Transactional
    TableFile workList(long campaignId, SurveyChannel channel, String format) {
        if (!campaigns.maySeeContacts()) {
            throw new AccessDeniedException("contacts are for those who call or visit");
        }
        Campaign campaign = campaigns.get(campaignId);
        List<SampleMember> members = campaigns.members(campaign, SampleMember.Role.SAMPLE, channel);
        List<Contact> contacts = frame.contacts(members.stream().map(SampleMember::dossierId).toList());
        List<List<Object>> rows = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Contact c = contacts.get(i);
            rows.add(List.of(members.get(i).id(), c.unitCode(), c.unitName(), c.receiptCode(), c.procedureCode(),
                    c.receivedOn().format(Formats.DATE), nonNull(c.name()), nonNull(c.phone())));
        }
        audit.record("campaign.workList", "campaign", Long.toString(campaignId), null,
                Map.of("channel", channel, "rows", rows.size(), "format", format), "contacts opened for fieldwork");
        return new TableFile(channel.name(), List.of("sample_member", "unit_code", "unit_name", "receipt_code", "procedure_code",
                "received_on", "applicant_name", "applicant_phone"), rows);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
