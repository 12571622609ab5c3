package org.weightscope.shared;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * Bounded exponential backoff, the one retry loop of the app (every hub fetch, every webhook delivery): up to
 * {@code attempts} tries; before each further try it waits what the failed try asked for (a
 * {@code Retry-After}), else {@code first}, doubled after every try; no wait is longer than {@code max}, so a
 * run always ends.
 *
 * @param attempts tries in all, the first included (at least 1)
 * @param first    wait after the first failed try
 * @param max      bound of every wait, {@code Retry-After} included
 */
public record Backoff(int attempts, Duration first, Duration max) {

    public Backoff {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        if (first == null || max == null || first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= backoff <= maxBackoff, was " + first + " and " + max);
        }
    }

    /**
     * What one try gave: its value, and whether to try again (and after how long at least, null for the
     * backoff). The value of the last try is returned whatever it says.
     */
    public record Outcome<T>(T value, boolean again, Duration after) {

        public static <T> Outcome<T> done(T value) {
            return new Outcome<>(value, false, null);
        }

        public static <T> Outcome<T> retry(T value) {
            return new Outcome<>(value, true, null);
        }

        /** Try again after {@code after} (a server's Retry-After; null: the backoff). */
        public static <T> Outcome<T> retryAfter(T value, Duration after) {
            return new Outcome<>(value, true, after);
        }
    }

    /**
     * Runs {@code attempt} (given the try's number, from 1) until it is done or the tries are used up; returns
     * the value of the last try.
     */
    public <T> T run(IntFunction<Outcome<T>> attempt, Sleeper sleeper) throws InterruptedException {
        Duration wait = first;
        for (int n = 1; ; n++) {
            Outcome<T> outcome = attempt.apply(n);
            if (!outcome.again() || n >= attempts) {
                return outcome.value();
            }
            sleeper.sleep(min(outcome.after() != null ? outcome.after() : wait, max));
            wait = min(wait.multipliedBy(2), max);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
