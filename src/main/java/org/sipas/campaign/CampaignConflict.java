package org.sipas.campaign;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An action the campaign's state forbids (a redraw in the field, a start before a sample): 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class CampaignConflict extends RuntimeException {

    CampaignConflict(String messageCode) {
        super(messageCode);
    }
}
