package org.sipas.campaign;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Eligibility;
import org.sipas.frame.SamplingFrame.Walk;
import org.sipas.frame.SamplingFrame.WalkedDossier;
import org.springframework.stereotype.Component;

/**
 * Draws a stratified sample by permanent random numbers (Ohlsson's sequential simple random
 * sampling, as statistical offices coordinate their samples). Every dossier was given a uniform
 * random number (PRN) once, at import. The campaign's seed gives each stratum a start point s_h;
 * the stratum's eligible dossiers are taken in the order of (PRN − s_h) mod 1, the first n_h
 * being the sample and the next r_h the reserve list.
 * <p>
 * Why this is simple random sampling without replacement: the PRNs are independent uniforms, and
 * shifting independent uniforms by a constant modulo 1 leaves them independent uniforms, so their
 * order is a uniformly random permutation of the stratum; the first n_h of a random permutation
 * are an SRSWOR of size n_h (each subset equally likely, inclusion probability n_h / N_h), and
 * sample plus reserve is an SRSWOR of n_h + r_h, the reserve coming in the same random order.
 * <p>
 * Known property, shown on the campaign page: samples drawn with different seeds are coordinated,
 * not independent. Each is a block of consecutive PRNs, so two samples of one stratum overlap by
 * about the length their blocks share; two campaigns with the same seed draw the same dossiers
 * wherever their frames agree. That is the point of PRN sampling (positive or negative
 * coordination by choice of start), and the seed is recorded so any draw can be repeated.
 * <p>
 * One person is never drawn twice in a campaign: a dossier whose phone hash was already taken (in
 * this stratum or an earlier one) is passed over, so the walk reads a little further. Reading only
 * the rows it needs per stratum keeps memory proportional to the sample, not to the frame.
 */
@Component
class SampleDraw {

    private final SamplingFrame frame;

    SampleDraw(SamplingFrame frame) {
        this.frame = frame;
    }

    /** The strata of {@code allocation} drawn with {@code seed}, each with n_h and ⌈n_h × reservePercent / 100⌉ reserves. */
    List<DrawnStratum> draw(Eligibility eligible, Allocation allocation, int reservePercent, long seed) {
        List<StratumAllocation> strata = allocation.strata();
        // first lap of every stratum, from its start to 1, in one statement
        List<Walk> walks = new ArrayList<>(strata.size());
        for (StratumAllocation a : strata) {
            walks.add(new Walk(a.stratum().unitId(), a.stratum().procedureId(), start(seed, a), 1.0, firstLimit(a, reservePercent)));
        }
        List<List<WalkedDossier>> met = byWalk(frame.walk(eligible, walks), strata.size());
        // the strata whose first lap ended before enough were met go on from 0 to their start, again in one statement
        List<Walk> wraps = new ArrayList<>();
        List<Integer> wrapped = new ArrayList<>();
        for (int h = 0; h < strata.size(); h++) {
            Walk first = walks.get(h);
            if (met.get(h).size() < first.limit()) {
                wraps.add(new Walk(first.unitId(), first.procedureId(), 0.0, first.fromPrn(), first.limit() - met.get(h).size()));
                wrapped.add(h);
            }
        }
        List<List<WalkedDossier>> wrapMet = byWalk(frame.walk(eligible, wraps), wraps.size());
        for (int k = 0; k < wraps.size(); k++) {
            met.get(wrapped.get(k)).addAll(wrapMet.get(k));
        }
        Set<ByteBuffer> people = new HashSet<>();
        List<DrawnStratum> drawn = new ArrayList<>(strata.size());
        for (int h = 0; h < strata.size(); h++) {
            drawn.add(take(eligible, strata.get(h), walks.get(h), reservePercent, met.get(h), people));
        }
        return drawn;
    }

    /** The stratum's start point: the same for the same seed and stratum, whatever else is drawn. */
    static double start(long seed, StratumAllocation a) {
        long procedure = a.stratum().procedureId() == null ? 0 : a.stratum().procedureId();
        return new SplittableRandom(seed ^ (a.stratum().unitId() * 0x9E3779B97F4A7C15L) ^ (procedure * 0xC2B2AE3D27D4EB4FL))
                .nextDouble();
    }

    static int reserve(StratumAllocation a, int reservePercent) {
        return (int) Math.min(a.stratum().dossiers() - a.n(), (a.n() * (long) reservePercent + 99) / 100);
    }

    /**
     * Sample and reserve, plus a twentieth and one for repeated phones passed over. How far the first
     * walk reads changes nothing drawn, only how often a stratum is walked again: every dossier met
     * costs a lookup of its contact, and with two more a stratum (about 5 wanted in most communes)
     * the first walk met a third more dossiers than it took.
     */
    private static int firstLimit(StratumAllocation a, int reservePercent) {
        long wanted = a.n() + reserve(a, reservePercent);
        return (int) Math.min(a.stratum().dossiers(), wanted + wanted / 20 + 1);
    }

    /**
     * Takes the stratum's sample and reserve from the dossiers met on its walk, passing over people
     * already taken; walks again twice as far while too many were passed over and the stratum holds more.
     */
    private DrawnStratum take(Eligibility eligible, StratumAllocation a, Walk walk, int reservePercent,
                              List<WalkedDossier> met, Set<ByteBuffer> people) {
        int wanted = a.n() + reserve(a, reservePercent);
        int limit = walk.limit();
        while (true) {
            List<Long> taken = new ArrayList<>(wanted);
            Set<ByteBuffer> mine = new HashSet<>();
            for (WalkedDossier d : met) {
                if (taken.size() == wanted) {
                    break;
                }
                ByteBuffer person = d.phoneHash() == null ? null : ByteBuffer.wrap(d.phoneHash());
                if (person == null || (!people.contains(person) && mine.add(person))) {
                    taken.add(d.dossierId());
                }
            }
            if (taken.size() == wanted || met.size() < limit || limit >= a.stratum().dossiers()) {
                people.addAll(mine);
                return new DrawnStratum(a, Math.max(0, taken.size() - a.n()), walk.fromPrn(), taken);
            }
            limit = (int) Math.min(a.stratum().dossiers(), 2L * limit);
            met = new ArrayList<>(frame.walk(eligible, List.of(new Walk(walk.unitId(), walk.procedureId(), walk.fromPrn(), 1.0, limit))));
            if (met.size() < limit) {
                met.addAll(frame.walk(eligible, List.of(new Walk(walk.unitId(), walk.procedureId(), 0.0, walk.fromPrn(),
                        limit - met.size()))));
            }
        }
    }

    /** The dossiers met, one list per walk, in walk order. */
    private static List<List<WalkedDossier>> byWalk(List<WalkedDossier> met, int walks) {
        List<List<WalkedDossier>> lists = new ArrayList<>(walks);
        for (int w = 0; w < walks; w++) {
            lists.add(new ArrayList<>());
        }
        met.forEach(d -> lists.get(d.walk()).add(d));
        return lists;
    }
}
