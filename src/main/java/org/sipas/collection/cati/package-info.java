/**
 * Phone interviews (CATI, phỏng vấn qua điện thoại) of the sampled cases a supervisor gives an
 * interviewer.
 *
 * <ul>
 *   <li>{@code /cati}: the interviewer's call queue: callbacks due first, then cases never called,
 *       then retries of no answer or busy spaced out by {@link org.sipas.collection.cati.CallingRules};
 *       the cases waiting for their time, and the finished ones (with the replacement the
 *       campaign's rule allows).</li>
 *   <li>{@code /cati/cases/{id}}: the case opened for a call: the introduction script with the
 *       applicant's name and dossier, the phone as a {@code tel:} link (the opening is audited as a
 *       contact view), the outcome form and the whole questionnaire on one page. Each outcome is a
 *       {@code call_attempt} row and sets the case's AAPOR disposition; a completed interview is
 *       checked by {@link org.sipas.collection.AnswerChecks} and stored by
 *       {@link org.sipas.collection.ResponseStore} with channel CATI. The form's key makes a second
 *       post of the same form a no-op.</li>
 *   <li>{@code /cati/supervision}: progress of a campaign's phone cases by interviewer and by unit,
 *       the unassigned cases, and reassignment.</li>
 * </ul>
 */
package org.sipas.collection.cati;
