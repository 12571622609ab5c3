package org.weightscope.alerts;

import java.time.Duration;

/** Waits between webhook tries; a bean so tests can record the waits instead of sleeping. */
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d);
}
