package org.sipas.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which responses a re-check draw takes: of each interviewer's interviews, a random share (at
 * least {@code minimum}, at most all of them), from a generator seeded with the draw's seed and the
 * interviewer's name, so the same seed and the same interviews give the same list; then every
 * flagged response not taken already.
 */
final class RecheckDraw {

    static final String RANDOM = "random";
    static final String FLAGGED = "flagged";

    private RecheckDraw() {
    }

    /**
     * @param byInterviewer each interviewer's interviews that may be drawn (order does not matter)
     * @return response id → why, random ones first, by interviewer name and draw order
     */
    static Map<Long, String> pick(Map<String, List<Long>> byInterviewer, Set<Long> flagged, double share, int minimum, long seed) {
        Map<Long, String> picked = new LinkedHashMap<>();
        new TreeMap<>(byInterviewer).forEach((interviewer, ids) -> {
            List<Long> order = new ArrayList<>(ids);
            Collections.sort(order);
            // String.hashCode is fixed by the language: the same name always gives the same stream
            Collections.shuffle(order, new Random(seed * 31 + interviewer.hashCode()));
            int take = Math.min(order.size(), Math.max(minimum, (int) Math.ceil(share * order.size())));
            order.subList(0, take).forEach(id -> picked.put(id, RANDOM));
        });
        flagged.stream().sorted().forEach(id -> picked.putIfAbsent(id, FLAGGED));
        return picked;
    }
}
