package org.weightscope.shared;

import java.time.Duration;

/** Waits (between tries, for a rate-limit slot); injected so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = Thread::sleep;
}
