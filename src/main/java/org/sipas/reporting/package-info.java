/**
 * Reporting (báo cáo, phê duyệt, công bố): a campaign's results approved and published as immutable
 * snapshots, and what is made of them.
 *
 * <ul>
 *   <li>Approval ({@link org.sipas.reporting.ResultsApproval}): an ANALYST (or ADMIN) whose scope covers
 *       the campaign prepares a version of its results: the figures computed by the index engine
 *       ({@code index.Estimates#ofResponses}) from the campaign's ACCEPTED responses only (quality's
 *       review states, through {@code quality.ReviewDecisions}), frozen in the version's row with their
 *       lineage. Submitted, it is approved or returned with comments by the level above
 *       ({@link org.sipas.reporting.Approvers}, the one statement of who that is); nobody approves a
 *       version they prepared or submitted. Every step is in the version's comments and the audit log.</li>
 *   <li>An approved version becomes a snapshot (table {@code snapshot}, a trigger refuses every UPDATE):
 *       {@link org.sipas.reporting.Publications} reads them, {@link org.sipas.reporting.ResultsPublished}
 *       is published after the commit. A correction is version 2, 3…, prepared and approved the same
 *       way, with a mandatory "what changed" note and the list of figures that differ from the version
 *       before ({@link org.sipas.reporting.FigureChange}); the old versions stay readable.</li>
 *   <li>Later cleaning or re-check decisions change the live tallies, never a snapshot: its figures are
 *       stored, not recomputed.</li>
 * </ul>
 *
 * Depends on index (the engine and its records), quality (review states and re-check outcomes),
 * campaign (the campaign and its scope), catalog (the unit tree for the approver's level), identity
 * (users, scope, audit log) and web (layout, errors).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting (báo cáo, phê duyệt, công bố)")
package org.sipas.reporting;
