package org.sipas.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that a killed application left running on its data directory. {@code pg_ctl}
 * starts the server as a daemon, so it outlives a JVM that dies without running its shutdown hooks
 * ({@code kill -9}, an out-of-memory kill); the next start then finds {@code postmaster.pid} naming
 * a live server, PostgreSQL refuses to start a second one, and zonky waits for a server that never
 * comes. Only the holder of the {@link DataDirectoryLock} may call this: the lock is what proves the
 * application that started the server is gone.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** A fast shutdown ends sessions and writes a checkpoint: seconds even on a large server. */
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private OrphanedPostmaster() {
    }

    /**
     * Stops the server left on {@code dataDir}, if there is one, and removes a {@code postmaster.pid}
     * that names no server of this directory (its PID taken by another process after a reboot or in
     * a new container), which PostgreSQL would otherwise mistake for a live server.
     */
    static void reap(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = find(dataDir);
        if (postmaster.isPresent()) {
            stop(postmaster.get(), dataDir);
        } else {
            log.info("Removing the stale {}: no PostgreSQL of this directory runs any more", pidFile);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the stale " + pidFile, e);
            }
        }
    }

    /** The live postmaster that {@code postmaster.pid} names, if it really is a PostgreSQL serving {@code dataDir}. */
    static Optional<ProcessHandle> find(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(OrphanedPostmaster::running)
                .filter(p -> isPostgres(p) && serves(p, dataDir));
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
    }

    /**
     * The postmaster works in its data directory ({@code chdir} at start), so its current directory
     * names it without parsing a command line; where {@code /proc} is missing, its {@code -D} argument.
     */
    private static boolean serves(ProcessHandle process, Path dataDir) {
        try {
            Path expected = dataDir.toRealPath();
            Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
            if (Files.exists(Path.of("/proc/self/cwd"))) {
                return Files.readSymbolicLink(cwd).equals(expected);
            }
            String[] args = process.info().arguments().orElse(new String[0]);
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("-D") && Path.of(args[i + 1]).toRealPath().equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            // another user's process, or one gone meanwhile: not ours to stop
            return false;
        }
    }

    /** Alive and not a zombie waiting for a parent that never reaps it (a container's first process may not). */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: sessions end, a checkpoint is written, and the next start
     * needs no recovery. SIGKILL only if that does not end it; PostgreSQL then recovers from its WAL.
     */
    private static void stop(ProcessHandle postmaster, Path dataDir) {
        log.warn("A PostgreSQL (PID {}) left running by an application that died is still serving {}: stopping it (fast shutdown)",
                postmaster.pid(), dataDir);
        List<ProcessHandle> backends = postmaster.descendants().toList();
        if (!signalInterrupt(postmaster)) {
            // smart shutdown: the dead application's sessions are gone with it, so it ends as soon
            postmaster.destroy();
        }
        if (waitForExit(postmaster, FAST_SHUTDOWN)) {
            log.info("The orphaned PostgreSQL (PID {}) has stopped", postmaster.pid());
            return;
        }
        log.warn("The orphaned PostgreSQL (PID {}) did not stop within {} s: killing it and its {} processes",
                postmaster.pid(), FAST_SHUTDOWN.toSeconds(), backends.size());
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        if (!waitForExit(postmaster, AFTER_KILL) || backends.stream().anyMatch(OrphanedPostmaster::running)) {
            throw new IllegalStateException("Cannot stop the PostgreSQL (PID " + postmaster.pid() + ") left running on " + dataDir);
        }
    }

    /** Java sends only SIGTERM and SIGKILL; {@code kill} is on every system that has {@code /proc}. */
    private static boolean signalInterrupt(ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (running(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
