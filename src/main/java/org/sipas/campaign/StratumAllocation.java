package org.sipas.campaign;

import org.sipas.frame.SamplingFrame.Stratum;

/**
 * One line of an allocation.
 *
 * @param share          N_h / N
 * @param proportional   target × N_h / N before any minimum or cap (for quotas: the unit type's quota)
 * @param minimumApplied the minimum lifted this stratum above its proportional part
 * @param capApplied     N_h held it: it takes every eligible dossier
 * @param n              the final n_h
 */
record StratumAllocation(Stratum stratum, double share, double proportional, boolean minimumApplied, boolean capApplied,
                         int n) {
}
