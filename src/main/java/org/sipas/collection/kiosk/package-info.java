/**
 * Kiosks at the one-stop counter (máy đánh giá tại bộ phận một cửa): a tablet bound to one unit by
 * a key an administrator issues at {@code /admin/kiosks} (shown once, stored as its SHA-256), on
 * which citizens press Rất hài lòng / Hài lòng / Không hài lòng and, when the kiosk asks, name the
 * official who served them and type their receipt code.
 *
 * <ul>
 *   <li>{@code /k/{key}} works as plain forms without JavaScript; with it, the steps run on the
 *       tablet and each rating is sent as JSON to {@code /k/{key}/ratings} with a UUID made on the
 *       tablet, queued in {@code localStorage} while the network is down and resent later; the
 *       {@link org.sipas.collection.ResponseStore} stores each key once.</li>
 *   <li>Ratings are responses with channel KIOSK and the kiosk's id, never from the sample; their
 *       time is the tablet's, bounded (ahead of the server: now; older than a week: refused).</li>
 *   <li>A kiosk only uses a methodology version whose every rating level passes the
 *       whole-questionnaire checks on its own ({@link org.sipas.collection.AnswerChecks}): the
 *       one-stop quick rating does, the SIPAS questionnaire does not.</li>
 * </ul>
 */
package org.sipas.collection.kiosk;
