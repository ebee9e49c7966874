package org.sipas.campaign;

import java.time.Instant;

/**
 * A decision of the level above on a drawn sample (thông qua / trả lại kết quả chọn mẫu).
 *
 * @param seed the draw decided on: a redraw has a new seed, and needs a decision of its own
 */
public record SampleReview(long id, long campaignId, long seed, Decision decision, String comments, String decidedBy,
                           Instant decidedAt) {

    public enum Decision {
        APPROVED, RETURNED
    }
}
