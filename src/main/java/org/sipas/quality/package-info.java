/**
 * Quality control (phúc tra, làm sạch, đánh mã): what happens to a response between its arrival and
 * its acceptance. Sits above {@code collection} (the responses) and {@code index} (the tallies).
 *
 * <ul>
 *   <li>Every response stored in a campaign is checked once on arrival: a trigger on {@code response}
 *       writes it into the outbox {@code quality_arrival} in the transaction that stores it; one
 *       worker at a time (the {@code quality_worker} row locked with SKIP LOCKED) takes the outbox,
 *       computes the response's active time ({@link org.sipas.quality.ActiveTime}) and its flags
 *       ({@link org.sipas.quality.Flags}) with the campaign's thresholds, and gives it its first
 *       state: SUBMITTED or FLAGGED.</li>
 *   <li>States: SUBMITTED → (FLAGGED) → IN_RECHECK → ACCEPTED | REJECTED, each transition with its
 *       reason, in {@code response_transition} and the audit log. A REJECTED response leaves the
 *       tallies ({@code index.Tallies.leaveCount}) in the transaction that rejects it; reversed, it
 *       enters again ({@code index.Recounts.enterCount}). Where a campaign counts only accepted
 *       responses ({@code quality_setting.count_until_decided} false), a response leaves the count on
 *       arrival and enters it when accepted.</li>
 *   <li>A corrected answer keeps the original ({@code response_original}), each correction with
 *       before, after and why ({@code response_correction}, the audit log), and is recounted in the
 *       tallies through {@code index.Recounts.recount}.</li>
 *   <li>Re-check lists ({@link org.sipas.quality.RecheckLists}): a random share per interviewer from a
 *       recorded seed plus every flagged response, each assigned to a RECHECKER who is not its
 *       interviewer and has its unit in scope (a constraint keeps the first rule in the database).
 *       The campaign's report ({@link org.sipas.quality.RecheckReport}, page and XLSX) adds each
 *       interviewer's answer distribution against the others' in the same units, a chi-square test
 *       with its p-value ({@link org.sipas.quality.InterviewerDistributions}).</li>
 *   <li>Coding of open answers ({@link org.sipas.quality.Coding}): a code frame per methodology
 *       version ({@code code_frame}, version 0 the shipped frame), a first coding of record and a blind
 *       second coding on a sample seeded per campaign, Cohen's kappa per code and overall; counts per
 *       code and unit for dashboards through {@link org.sipas.quality.CodedThemes}.</li>
 *   <li>Cleaning rules ({@link org.sipas.quality.Cleaning}), computed on reading: range, constraint,
 *       not relevant, required, the dossier's unit, procedure and channel; accepting a failing
 *       response by hand needs an override reason, audited (a re-check's outcome does not ask).</li>
 *   <li>Not built yet: the CAPI position check (geojson / unit points), the dossier-mismatch flag on
 *       arrival, device step times from CAPI, and an index recomputed from the originals.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality (phúc tra, làm sạch, đánh mã)")
package org.sipas.quality;
