package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActiveTimeTest {

    private static final Duration IDLE = Duration.ofMinutes(15);

    @Test
    void aQuestionnaireAnsweredOverTwoDaysHasItsActiveTimeNotTwoDays() {
        Instant start = Instant.parse("2025-03-10T13:00:00Z");
        // three steps of 4, 5 and 6 minutes in the evening, then the last two the day after next
        List<Instant> moments = List.of(start, start.plusSeconds(240), start.plusSeconds(540), start.plusSeconds(900),
                start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(2)).plusSeconds(300));

        ActiveTime.Measured measured = ActiveTime.of(moments, IDLE);

        // the overnight gap counts as a typical step (the median of 240, 300, 300, 360 s: 300 s)
        assertThat(measured.activeSeconds()).isEqualTo(240 + 300 + 360 + 300 + 300);
        assertThat(measured.wallSeconds()).isEqualTo(Duration.ofDays(2).plusSeconds(300).toSeconds());
    }

    @Test
    void anInterviewSyncedLaterIsTimedByItsStepsNotByTheSync() {
        Instant start = Instant.parse("2025-03-10T02:00:00Z");
        List<Instant> moments = List.of(start, start.plusSeconds(120), start.plusSeconds(300), start.plusSeconds(420));

        assertThat(ActiveTime.of(moments, IDLE).activeSeconds()).isEqualTo(420);
    }

    @Test
    void withOnlyAStartAndAnEndDaysApartNothingTellsTheActiveTime() {
        Instant start = Instant.parse("2025-03-10T02:00:00Z");

        assertThat(ActiveTime.of(List.of(start, start.plus(Duration.ofDays(1))), IDLE).activeSeconds()).isNull();
    }
}
