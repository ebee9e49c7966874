package org.sipas.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboards open on this node, by campaign, told when their campaign's tallies move. The fold
 * that last changed each campaign is read every second from the database ({@code
 * tally_campaign_fold}), not from this node's folds: whichever node folded, every node's dashboards
 * of that campaign hear of it, and a dashboard of another campaign hears nothing.
 */
@Component
class DashboardEvents implements SmartLifecycle {

    /** A browser reconnects by itself after this (EventSource), so an abandoned page costs nothing for long. */
    private static final long TIMEOUT_MS = 5 * 60 * 1000L;
    /**
     * A comment line is sent to every open dashboard this often: a closed browser is noticed by the
     * failed write (not only when the tallies move), and a proxy sees traffic on a quiet stream.
     */
    private static final long HEARTBEAT_NANOS = 15_000_000_000L;

    private volatile boolean running;
    private long lastHeartbeat = System.nanoTime();

    private final TallyRepository tallies;
    private final Map<Long, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastFolds = new ConcurrentHashMap<>();

    DashboardEvents(TallyRepository tallies) {
        this.tallies = tallies;
    }

    SseEmitter subscribe(long campaignId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        List<SseEmitter> open = emitters.computeIfAbsent(campaignId, c -> new CopyOnWriteArrayList<>());
        Runnable remove = () -> open.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        open.add(emitter);
        return emitter;
    }

    /** The dashboards of a campaign open on this node. */
    int open(long campaignId) {
        return emitters.getOrDefault(campaignId, List.of()).size();
    }

    @Scheduled(fixedDelayString = "${sipas.index.fold-interval}")
    void tellWhenFolded() {
        emitters.values().removeIf(List::isEmpty);
        lastFolds.keySet().retainAll(emitters.keySet());
        if (emitters.isEmpty()) {
            return;
        }
        if (System.nanoTime() - lastHeartbeat > HEARTBEAT_NANOS) {
            lastHeartbeat = System.nanoTime();
            emitters.values().forEach(open -> open.forEach(emitter -> send(open, emitter, SseEmitter.event().comment("keep-alive"))));
        }
        tallies.campaignFolds(emitters.keySet()).forEach((campaign, fold) -> {
            Long last = lastFolds.put(campaign, fold);
            if (last != null && last.longValue() == fold) {
                return;
            }
            List<SseEmitter> open = emitters.getOrDefault(campaign, List.of());
            for (SseEmitter emitter : open) {
                send(open, emitter, SseEmitter.event().name("folded").data(Long.toString(fold)));
            }
        });
    }

    private static void send(List<SseEmitter> open, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            open.remove(emitter);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream first thing at shutdown (the default phase stops before the web server's
     * graceful shutdown): an open dashboard would otherwise hold that shutdown for its whole timeout,
     * and its browser reconnects to another node by itself.
     */
    @Override
    public void stop() {
        running = false;
        emitters.values().forEach(open -> open.forEach(SseEmitter::complete));
        emitters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
