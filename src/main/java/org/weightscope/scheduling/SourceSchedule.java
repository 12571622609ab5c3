package org.weightscope.scheduling;

import java.time.Instant;

/**
 * One scope's schedule as the scheduler holds it.
 *
 * @param nextFire null when scheduling is off or the source is paused
 */
public record SourceSchedule(String sourceId, String scope, String cron, Instant nextFire, boolean paused) {}
