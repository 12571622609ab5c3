package org.weightscope.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.AdoptionCube;

/**
 * {@code weightscope.cube.lag} (seconds): how long the adoption cube has been behind the snapshots, i.e.
 * since the first snapshot write it has not been rebuilt for; 0 while it is caught up. Figures of the days
 * it lags on are answered from the snapshots meanwhile (slower, never wrong), so a lag that keeps growing
 * means slow dashboards, not wrong ones. Wall-clock time, as the cube notes it (not the app's Clock, which a
 * replay of past days sets).
 */
@Component
class CubeLagMetric {

    CubeLagMetric(MeterRegistry registry, AdoptionCube cube) {
        Gauge.builder(
                        "weightscope.cube.lag",
                        cube,
                        c -> c.behindSince()
                                .map(since -> Math.max(
                                                0,
                                                Duration.between(since, Instant.now())
                                                        .toMillis())
                                        / 1000.0)
                                .orElse(0.0))
                .description("Time since the adoption cube was last caught up with the snapshots")
                .baseUnit("seconds")
                .register(registry);
    }
}
