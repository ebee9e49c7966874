/**
 * The index (chỉ số): estimates with confidence intervals, live tallies and dashboards.
 *
 * <ul>
 *   <li>The engine ({@link org.sipas.index.Estimator} over an {@link org.sipas.index.IndexTree})
 *       computes every node of a methodology's index tree for one domain, as R's {@code survey}
 *       does, from per-stratum sufficient statistics ({@link org.sipas.index.StratumTotals}) alone.</li>
 *   <li>Tallies ({@link org.sipas.index.Tallies}, table {@code tally}) keep those statistics per
 *       campaign, series (sampled, counter, portal), stratum and domain. Every stored response
 *       writes +1 into the outbox {@code tally_change} in its own transaction (a trigger on
 *       {@code response}), a response leaving the count ({@code Tallies.leaveCount}) a −1; one
 *       worker at a time (the {@code tally_watermark} row locked with SKIP LOCKED) folds the outbox,
 *       every second and at once after {@code collection.ResponseSubmitted}. A read adds the
 *       outbox's tail, so figures are as fresh as the last commit. Whether a response counts is
 *       decided in one place ({@code TallyRepository.COUNTS}); {@code Tallies.rebuild} recounts a
 *       campaign from its responses and must give the same rows.</li>
 *   <li>{@link org.sipas.index.Estimates} reads the tallies for the caller's scope and a domain
 *       (geographic: unions of strata, merged units rolled into their successors; the others:
 *       subpopulations keeping each stratum's n_h); every answer carries its
 *       {@link org.sipas.index.Lineage}. The API is {@code GET /api/v1/campaigns/{id}/estimates}
 *       (JSON, CSV), the page {@code /campaigns/{id}/dashboard}, live by server-sent events.</li>
 *   <li>{@link org.sipas.index.Estimates#ofResponses} computes the same figures from a chosen set of a
 *       campaign's responses (the accepted ones, for approved results) by the same steps, without the
 *       tallies: with every counted response chosen it equals the live figures.</li>
 * </ul>
 */
package org.sipas.index;
