package org.weightscope.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One class of requests' limits: a Bucket4j token bucket and a count of requests in progress per client,
 * and a count in progress over all clients. Idle clients are forgotten once many are known, so the table
 * itself cannot be grown without bound.
 */
final class ClientLimits {

    private static final int FORGET_ABOVE = 20_000;
    private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();

    private final HttpSettings.Limit limit;
    private final Semaphore all;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    ClientLimits(HttpSettings.Limit limit) {
        this.limit = limit;
        this.all = new Semaphore(Math.max(1, limit.concurrent()));
    }

    /** The outcome of asking to start a request: admitted (release the permit when done) or refused. */
    sealed interface Admission permits Admitted, Refused {}

    record Admitted(Runnable release) implements Admission {}

    /** @param retryAfterSeconds what {@code Retry-After} says */
    record Refused(long retryAfterSeconds, String why) implements Admission {}

    Admission admit(String client) {
        if (clients.size() > FORGET_ABOVE) forgetIdle();
        Client c = clients.computeIfAbsent(client, k -> new Client(limit));
        c.lastSeen = System.nanoTime();
        ConsumptionProbe probe = c.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return new Refused(
                    retryAfterSeconds(probe), "rate limit of " + limit.perMinute() + " requests per minute reached");
        }
        if (!c.inFlight.tryAcquire()) {
            return new Refused(1, "at most " + limit.concurrentPerClient() + " requests of one client at a time");
        }
        if (!all.tryAcquire()) {
            c.inFlight.release();
            return new Refused(1, "the server is busy with other requests of this kind");
        }
        return new Admitted(() -> {
            all.release();
            c.inFlight.release();
        });
    }

    /** A bucket of {@code perMinute} tokens (at least 1), refilled greedily over a minute. */
    static Bucket perMinute(int perMinute) {
        int n = Math.max(1, perMinute);
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(n)
                        .refillGreedy(n, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** Whole seconds (at least 1) until a refused probe's bucket has a token again: what {@code Retry-After} says. */
    static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    private void forgetIdle() {
        long now = System.nanoTime();
        clients.values()
                .removeIf(c -> now - c.lastSeen > IDLE_NANOS
                        && c.inFlight.availablePermits() == Math.max(1, limit.concurrentPerClient()));
    }

    private static final class Client {
        final Bucket bucket;
        final Semaphore inFlight;
        volatile long lastSeen;

        Client(HttpSettings.Limit limit) {
            bucket = perMinute(limit.perMinute());
            inFlight = new Semaphore(Math.max(1, limit.concurrentPerClient()));
        }
    }
}
