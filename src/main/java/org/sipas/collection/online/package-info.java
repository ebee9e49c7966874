/**
 * Online collection (thu thập trực tuyến): the links and QR codes of sampled dossiers, and the
 * open portal survey.
 *
 * <ul>
 *   <li>When a campaign goes to the field ({@code FieldworkStarted}, in the same transaction), every
 *       active sampled case of channel ONLINE gets one survey token ({@code survey_token.sample_member_id}
 *       is unique: asking again returns it). A reserve that replaces a case gets its token when its
 *       link is first asked for. Links stay open 60 days from issue, and close with the campaign.</li>
 *   <li>{@code /campaigns/{id}/slips[?unit=CODE]}: printable A4 sheets of eight receipt slips (unit,
 *       receipt code, invitation, link, QR code as inline SVG), for ADMIN, PROVINCE_ADMIN and
 *       UNIT_MANAGER, for the units in their scope; each print is audited. No contact data.</li>
 *   <li>{@code GET /api/v1/dossiers/{unitCode}/{receiptCode}/token} (and {@code token.svg}): the link
 *       of a dossier sampled for the online channel in a campaign in the field, for one-stop systems
 *       (API key or Basic, scoped to the caller's units); 404 problem details otherwise.</li>
 *   <li>{@code /campaigns/{id}/portal}: an administrator allows a campaign's open survey and its days
 *       ({@code portal_survey}). {@code /s/portal/{campaignId}}: anyone picks the unit and gives a
 *       phone; the phone is normalised and kept only as the frame's keyed hash; a PORTAL token is
 *       issued and the sitting continues at {@code /s/{token}}, stored with channel PORTAL, never
 *       sampled, one answer per phone and campaign. The portal's POSTs are rate-limited per client
 *       address by a token bucket in PostgreSQL ({@code portal_rate_limit}), 429 with Retry-After.</li>
 *   <li>{@code /s/open/{campaignId}}: an open online survey (a campaign of kind OPEN, no frame): the
 *       person gives an email address and gets a six-digit code by the mail outbox
 *       ({@link org.sipas.collection.OneTimeCodeMailed}); the verified address, kept only as the
 *       frame's keyed hash of its normal form, gets a PORTAL token and the sitting goes on at
 *       {@code /s/{token}}, one answer per address and campaign (the same unique key as phones).
 *       Codes expire and allow few attempts ({@code open_survey_code}); code requests need the
 *       honeypot left empty and a solved, unused proof of work ({@code open_survey_challenge}), and
 *       are rate-limited per client address and per email address.
 *       {@code /open-surveys/{id}/answers}: the answers by day, for the readers of its scope.</li>
 * </ul>
 */
package org.sipas.collection.online;
