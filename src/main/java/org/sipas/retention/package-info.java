/**
 * Retention of applicants' contacts (lưu giữ thông tin liên hệ; DESIGN §8, Decree 13/2023/NĐ-CP):
 * names, phones and postal addresses are erased when the re-check and case windows close.
 *
 * <ul>
 *   <li>The rule ({@link org.sipas.retention.ContactRetention}): a sampled campaign's frame, drawn and
 *       undrawn dossiers alike, once the campaign is closed and its re-check window is over (N days after
 *       the close, sooner when every re-check it drew has an outcome); a consented feedback case keeps its
 *       contact until it is closed plus a grace; a dossier in the frame of a campaign still holding it is
 *       kept; a dossier in no campaign's frame goes N months after its import. The settings are one row
 *       ({@code contact_retention_setting}, V98).</li>
 *   <li>What goes: the sealed name, phone and address, the keyed hash of the phone and the contact's
 *       fingerprint ({@code frame.ContactErasure}); the row stays with the time, so every page reading the
 *       contact says it was erased, exports (which never held contacts) are unchanged, and a re-import
 *       does not bring it back. Responses, tallies and the published figures keep everything they need.</li>
 *   <li>Open surveys and the open portal keep no contact, only keyed hashes of emails and phones (one
 *       answer per person on responses and tokens, one-time codes, an open survey's invited list with its
 *       masked addresses): forgotten at the same end of the window ({@code collection.RespondentHashes},
 *       {@code campaign.OpenCampaigns#forgetInvitees}).</li>
 *   <li>The job ({@link org.sipas.retention.RetentionJob}) runs under {@code feedback.JobLock} (row
 *       {@code contact-retention}), so two nodes erase once; a run is one transaction of batches, audited
 *       with counts per campaign and kind, never a contact. The page {@code /admin/retention} (ADMIN, in
 *       the caller's scope) shows what is held, when it goes and why not yet, and erases now what is due.</li>
 * </ul>
 *
 * Reads the campaign, quality and feedback tables the rule is about (read only); writes only through
 * the owners' services ({@code frame.ContactErasure}, {@code collection.RespondentHashes},
 * {@code campaign.OpenCampaigns}). Depends on frame, catalog, campaign, collection, feedback (the job
 * lock), identity and web.
 */
package org.sipas.retention;
