/**
 * Paper questionnaires (phiếu giấy): numbered copies printed with a QR code, handed out in batches
 * and taken back, and keyed twice.
 *
 * <ul>
 *   <li>Printing issues each copy a number (campaign, serial, Damm check digit) for a sampled case of
 *       the PAPER channel or as a blank copy of a unit.</li>
 *   <li>Hand-out ({@link org.sipas.collection.paper.PaperHandouts}): a batch of a unit's numbers goes
 *       to a partner organisation or a counter officer; each number is then delivered, returned filled,
 *       returned blank or refused, spoiled or lost. Once a campaign hands papers out, only a handed-out
 *       number is keyed, and keying marks it returned filled. A batch with numbers out past its working
 *       days ({@link org.sipas.collection.paper.WorkingCalendar}, feedback's holiday calendar) is overdue
 *       and reminded once, by feedback's job.</li>
 *   <li>Double entry: two clerks key each paper blind; differing answers are settled by a supervisor
 *       from the paper before the response is stored.</li>
 * </ul>
 * Public to other modules: {@code PaperHandouts}'s reminder steps and {@code WorkingCalendar}, the
 * two ends the reminder job in feedback needs; everything else stays inside collection.
 */
@NamedInterface("paper")
package org.sipas.collection.paper;

import org.springframework.modulith.NamedInterface;
