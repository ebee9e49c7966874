package org.sipas.collection.online;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute links a respondent opens. A printed slip outlives the request that printed it and
 * a one-stop system prints the link on its own receipt, so production sets the public address
 * citizens reach ({@code SIPAS_PUBLIC_URL}, e.g. {@code https://khaosat.tinh.gov.vn}); without it,
 * the address the current request came to.
 */
@Component
class SurveyLinks {

    private final String publicUrl;

    SurveyLinks(@Value("${sipas.survey.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The link of a survey token. */
    String token(String token) {
        return base() + "/s/" + token;
    }

    /** The open portal page of a campaign. */
    String portal(long campaignId) {
        return base() + "/s/portal/" + campaignId;
    }

    private String base() {
        return publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl;
    }
}
