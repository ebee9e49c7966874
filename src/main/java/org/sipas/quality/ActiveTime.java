package org.sipas.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time a respondent or interviewer spent answering, from the moments a sitting was seen at
 * work (its start, each step posted, server or device time, its end): the sum of the gaps between
 * them, where a gap longer than the idle limit (the questionnaire left open overnight, an interview
 * filled offline and synced days later) is not counted as it is but as the median of the gaps that
 * were not idle, the typical time of a step. The wall-clock span is kept beside it.
 */
final class ActiveTime {

    /** Active and wall-clock seconds; active null when every gap was idle (nothing tells how long it took). */
    record Measured(Long activeSeconds, long wallSeconds) {
    }

    private ActiveTime() {
    }

    static Measured of(List<Instant> moments, Duration idleLimit) {
        List<Instant> sorted = moments.stream().filter(java.util.Objects::nonNull).sorted().distinct().toList();
        if (sorted.size() < 2) {
            return new Measured(null, 0);
        }
        List<Long> active = new ArrayList<>();
        int idle = 0;
        for (int i = 1; i < sorted.size(); i++) {
            long gap = Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds();
            if (gap > idleLimit.toSeconds()) {
                idle++;
            } else {
                active.add(gap);
            }
        }
        long wall = Duration.between(sorted.get(0), sorted.get(sorted.size() - 1)).toSeconds();
        if (active.isEmpty()) {
            return new Measured(null, wall);
        }
        long sum = active.stream().mapToLong(Long::longValue).sum();
        long typical = median(active);
        return new Measured(sum + idle * typical, wall);
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
