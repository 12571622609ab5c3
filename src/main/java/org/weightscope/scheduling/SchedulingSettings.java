package org.weightscope.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled    register and fire the crawl schedules; off, "run now" still works (runs in the background)
 * @param staleAfter a {@code running} crawl-run record not updated for this long is taken as left behind by
 *                   a process that died (CrawlService resumes it), so it no longer blocks new runs
 * @param catchUpTolerance a fire later than its due time by more than this is recorded as a catch-up
 * @param instanceId this instance's name in a clustered (PostgreSQL) job store; {@code AUTO}: host and time
 */
@ConfigurationProperties("weightscope.scheduling")
public record SchedulingSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("15m") Duration staleAfter,
        @DefaultValue("1m") Duration catchUpTolerance,
        @DefaultValue("AUTO") String instanceId) {}
