package org.sipas.index;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboards open on this node, told when the tallies move. The watermark is read every
 * second from the database, not from this node's folds: whichever node folded, every node's
 * dashboards hear of it.
 */
@Component
class DashboardEvents {

    /** A browser reconnects by itself after this (EventSource), so an abandoned page costs nothing for long. */
    private static final long TIMEOUT_MS = 5 * 60 * 1000L;

    private final TallyRepository tallies;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicLong lastFold = new AtomicLong(-1);

    DashboardEvents(TallyRepository tallies) {
        this.tallies = tallies;
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${sipas.index.fold-interval}")
    void tellWhenFolded() {
        if (emitters.isEmpty()) {
            return;
        }
        long fold = tallies.watermark().fold();
        if (lastFold.getAndSet(fold) == fold) {
            return;
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("folded").data(Long.toString(fold)));
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }
    }
}
