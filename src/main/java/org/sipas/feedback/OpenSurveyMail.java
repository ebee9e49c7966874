package org.sipas.feedback;

import java.time.Instant;

import org.sipas.campaign.OpenSurveyInvited;
import org.sipas.collection.OneTimeCodeMailed;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mails of open surveys, through the one mail outbox and in the publishing transaction (a
 * rejected import or a refused request mails nobody): the one-time code a person asked for, and
 * the invitation of each newly invited address. Both languages in one mail, Vietnamese first.
 */
@Component
class OpenSurveyMail {

    private final Notifications notifications;
    private final String publicUrl;

    OpenSurveyMail(Notifications notifications, @Value("${sipas.survey.public-url:}") String publicUrl) {
        this.notifications = notifications;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @EventListener
    void code(OneTimeCodeMailed asked) {
        String subject = "[sipas] Mã xác nhận / verification code: " + asked.code();
        String body = """
                Mã xác nhận để trả lời khảo sát "%s": %s
                Mã có hiệu lực đến %s. Nếu Ông/Bà không yêu cầu mã này, xin bỏ qua thư.

                Your code to answer the survey "%s": %s
                It is valid until %s. If you did not ask for it, please ignore this mail.
                """.formatted(asked.campaignName(), asked.code(), Formats.dateTime(asked.expiresAt()), asked.campaignName(),
                asked.code(), Formats.dateTime(asked.expiresAt()));
        notifications.mail(asked.recipient(), subject, body, Instant.now());
    }

    @EventListener
    void invited(OpenSurveyInvited invited) {
        String link = publicUrl + "/s/open/" + invited.campaignId();
        String closes = Formats.DATE.format(invited.closesOn());
        String subject = "[sipas] Thư mời khảo sát / survey invitation: " + invited.campaignName();
        String body = """
                Trân trọng mời Ông/Bà trả lời khảo sát "%s" trước ngày %s tại:
                %s
                Ông/Bà nhập địa chỉ thư này để nhận mã xác nhận; mỗi địa chỉ trả lời một lần.

                You are invited to answer the survey "%s" by %s at the link above.
                Give this mail's address to receive a verification code; each address answers once.
                """.formatted(invited.campaignName(), closes, link, invited.campaignName(), closes);
        Instant now = Instant.now();
        invited.addresses().forEach(address -> notifications.mail(address, subject, body, now));
    }
}
