/**
 * Feedback (phản ánh, kiến nghị): negative answers become cases (vụ việc) for the unit head.
 *
 * <ul>
 *   <li>Alert rules ({@code alert_rule}) per methodology version, edited at {@code /feedback/rules}:
 *       a not-satisfied answer (about officials, the counter rating), an answer among codes
 *       (harassment, fees beyond the rules), a rating at or below a level, an open text holding a
 *       word of a watch list (with or without diacritics); each with a severity.</li>
 *   <li>Every response of every channel stored through {@code collection.ResponseStore} that a rule
 *       of its version could set off writes its id into {@code alert_outbox} in the storing
 *       transaction (a statement-level trigger, as the tallies' {@code tally_change}). The trigger's
 *       test ({@code alert_answer_may_match}, V84) lets through a superset of what the judge
 *       ({@link org.sipas.feedback.RuleCheck}) sets off: it drops only answers that plainly cannot
 *       match (blank, a plain satisfied level, no code of the rule in it), so the 95% of responses that
 *       alert nobody cost no outbox row. {@link org.sipas.feedback.CaseOpener} takes the outbox FOR
 *       UPDATE SKIP LOCKED, opens one case per response and rule set off (unique in the table), tells
 *       the owners and deletes the rows in one transaction: never lost, never twice, with any number
 *       of nodes.</li>
 *   <li>A case keeps the response's unit, the dossier, the procedure and the receiving and processing
 *       officials as they were at service time; its owner is the unit's head (UNIT_MANAGER scoped to
 *       that unit). New → acknowledged → investigating → resolved (root cause, action, note) →
 *       closed, or reopened; every step in the case's history and the audit log. The SLA is working
 *       days per severity ({@code feedback_sla}, {@code public_holiday}); an untouched case past it
 *       goes to the head above ({@link org.sipas.feedback.Escalations}).</li>
 *   <li>No page, mail, webhook or API answer about a case holds who made the complaint or how to
 *       reach them ({@link org.sipas.feedback.CaseView} has no such field); only when the respondent
 *       consented ({@code contact_consent}) does the owner see the contact, on the case page alone.</li>
 *   <li>Notifications: the in-app inbox, mail over SMTP when configured, signed webhooks with retries.
 *       Timed jobs ({@link org.sipas.feedback.FeedbackJobs}) each take their row of {@code feedback_job}
 *       with SKIP LOCKED, so two nodes run each once.</li>
 * </ul>
 *
 * Public to packages above (plans, field operations): {@link org.sipas.feedback.Notifications#tell}
 * (inbox and mail), {@link org.sipas.feedback.JobLock} (one node per timed job) and
 * {@link org.sipas.feedback.WorkingDays} (the holiday calendar).
 *
 * Depends on collection (the response stored), frame (the dossier's officials), catalog, identity,
 * methodology, campaign and index (the monthly figures, through {@code index.Estimates} only).
 */
package org.sipas.feedback;
