package org.sipas.collection.kiosk;

import java.time.Instant;

/**
 * One rating pressed at a kiosk, as the tablet sends it (at once, or later from its queue).
 *
 * @param id        the tablet's own key for this rating (a UUID): sent again after a network drop, it is stored once
 * @param level     the code of the level pressed
 * @param official  the staff code of the official who served, or null ("không nhớ / bỏ qua")
 * @param receipt   the receipt code typed, or null
 * @param startedAt when the citizen began, by the tablet's clock; null: when it ended
 * @param ratedAt   when the citizen finished, by the tablet's clock; null: now
 */
record Rating(String id, Integer level, String official, String receipt, Instant startedAt, Instant ratedAt) {
}
