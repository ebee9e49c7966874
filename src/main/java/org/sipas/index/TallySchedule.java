package org.sipas.index;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The tallies' fold runs on Spring's scheduler ({@link Tallies#foldQuietly}). */
@Configuration
@EnableScheduling
class TallySchedule {
}
