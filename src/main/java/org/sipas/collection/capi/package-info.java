/**
 * Face-to-face interviews (CAPI, phỏng vấn trực tiếp) on the interviewer's phone or tablet, working
 * offline.
 *
 * <ul>
 *   <li>{@code /capi/} is an installable web app (manifest, service worker of scope {@code /capi/})
 *       for the INTERVIEWER role: its shell is precached, so it opens with the network off once it
 *       has been opened online.</li>
 *   <li>{@code GET /capi/api/assignments} hands the device the interviewer's FACE_TO_FACE cases with
 *       what a visit needs (the applicant's name and phone, opened for this role only and audited)
 *       and every questionnaire they use as a form definition; the device keeps them in IndexedDB.</li>
 *   <li>The device renders the questionnaire, evaluates skip logic with a JavaScript port of
 *       {@link org.sipas.methodology.Expression}, records start and end time and, with consent, the
 *       position, and queues the interview under a key it generates.</li>
 *   <li>{@code POST /capi/api/interviews} and {@code POST /capi/api/visits} take the queue when back
 *       online: idempotent by that key, every answer checked again by
 *       {@link org.sipas.collection.AnswerChecks}, stored by {@link org.sipas.collection.ResponseStore}.</li>
 * </ul>
 *
 * <p>The endpoints live under the pages' security chain, not the stateless {@code /api/**} one:
 * the interviewer logged in with the form, and the device's requests carry that session and the
 * session's CSRF token (read fresh from {@code /capi/api/session} before each sync). A session that
 * expired while offline shows as a redirect to the login page; the queue is kept until a 2xx.
 */
package org.sipas.collection.capi;
