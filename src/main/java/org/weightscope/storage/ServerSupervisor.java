package org.weightscope.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the embedded server when it dies while the app runs: bounded tries with a doubling wait, each
 * logged with the reason (how the server ended, then why a try failed). After the last failed try the
 * server stays down and {@link #state()} says so; a later crash after a good restart starts a new series.
 */
final class ServerSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerSupervisor.class);

    /** What the supervisor knows: running, restarting after {@code reason}, or given up. */
    record State(String status, int restarts, String lastReason, Instant since) {}

    private final Callable<Process> restart;
    private final BooleanSupplier stopping;
    private final Function<Process, String> describeExit;
    private final int tries;
    private final Duration firstWait;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "embedded-elasticsearch-supervisor");
        t.setDaemon(true);
        return t;
    });
    private volatile State state = new State("running", 0, null, Instant.now());

    ServerSupervisor(
            Callable<Process> restart,
            BooleanSupplier stopping,
            Function<Process, String> describeExit,
            int tries,
            Duration firstWait) {
        this.restart = restart;
        this.stopping = stopping;
        this.describeExit = describeExit;
        this.tries = tries;
        this.firstWait = firstWait;
    }

    /** Watches {@code process}: when it ends and the app is not stopping it, restarts are tried. */
    void watch(Process process) {
        process.onExit().thenAcceptAsync(this::ended, executor);
    }

    State state() {
        return state;
    }

    private void ended(Process process) {
        if (stopping.getAsBoolean()) {
            return;
        }
        String reason = describeExit.apply(process);
        log.error("Embedded Elasticsearch died ({}); restarting it (up to {} tries)", reason, tries);
        state = new State("restarting", state.restarts(), reason, Instant.now());
        schedule(1, reason);
    }

    private void schedule(int attempt, String reason) {
        long wait = firstWait.toMillis() << (attempt - 1);
        executor.schedule(() -> attempt(attempt, reason), wait, TimeUnit.MILLISECONDS);
    }

    private void attempt(int attempt, String reason) {
        if (stopping.getAsBoolean()) {
            return;
        }
        log.warn("Restarting embedded Elasticsearch, try {}/{}; reason: {}", attempt, tries, reason);
        try {
            Process process = restart.call();
            state = new State("running", state.restarts() + 1, reason, Instant.now());
            log.info("Embedded Elasticsearch restarted (try {}/{})", attempt, tries);
            watch(process);
        } catch (Exception e) {
            String failure = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse("");
            if (stopping.getAsBoolean()) {
                return;
            }
            if (attempt >= tries) {
                state = new State("failed", state.restarts(), failure, Instant.now());
                log.error("Embedded Elasticsearch could not be restarted after {} tries; last: {}", tries, failure, e);
                return;
            }
            log.warn("Restart try {}/{} failed: {}", attempt, tries, failure);
            schedule(attempt + 1, failure);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
