/**
 * Implementation plans (kế hoạch) and their tasks (nhiệm vụ), as officials write them in Word tables
 * and follow them up through the year (theo dõi, đôn đốc).
 *
 * <ul>
 *   <li>A plan: title, issuing unit (a unit of the catalog), number and date, year or period, purpose
 *       and requirements, status draft → issued → closed. A task: content, lead unit, partner units
 *       (and the plan's own words for those outside the catalog), a start and an end with the
 *       granularity its author chose (month, quarter, year or dates), deliverable, status; sub-steps
 *       are tasks with a parent. "Late" is derived, never stored: its end passed in Vietnamese time
 *       and it is not done.</li>
 *   <li>Templates are data ({@code classpath:planning/*.yaml}): the national yearly cycle and a
 *       ministry's list, with times relative to the plan's year ({@link org.sipas.planning.PlanTemplates}).</li>
 *   <li>Scope is identity's one rule ({@code UnitScope}, {@code CatalogCodes.unitWithinScope}): a plan
 *       is seen by the scope of its issuing unit and by those of its tasks' lead units; it is changed
 *       by the first, a task also by its lead unit. Every change is in the audit log.</li>
 *   <li>Reminders go once per task and deadline, N working days before the end, through feedback's
 *       inbox and mail outbox, under feedback's job lock and holiday calendar.</li>
 *   <li>Exports: the plan as a DOCX in the Decree 30/2020 layout, filled through reporting's DOCX
 *       machinery, and as XLSX through {@code web.XlsxWriter}.</li>
 *   <li>Using the results is plan tasks too, so the due and late lists and the reminders cover it: after
 *       {@code reporting.ResultsPublished} each unit with results gets one improvement-plan task per campaign
 *       ({@link org.sipas.planning.Improvements}; weaknesses offered from its lowest criteria in the snapshot), and
 *       the nation asks ministries and provinces for their yearly report on the use of the index
 *       ({@link org.sipas.planning.IndexUseReports}); tables V89/V90 only say which tasks those are and hold what
 *       was filed.</li>
 * </ul>
 *
 * Depends on catalog, identity, web, feedback (notifications, job lock, working days), campaign and
 * reporting (names of what a task links to; the DOCX filling; the published snapshots), index and
 * methodology (a snapshot's figures and the criteria's labels).
 */
package org.sipas.planning;
