package org.weightscope.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.CrawlService;
import org.weightscope.ingest.IngestCompleted;

/**
 * Counts each crawl run (and recording import) when it ends, tagged by source: {@code weightscope.crawl.runs}
 * (also by scope and status), {@code .pages}, {@code .items}, {@code .failures} (pages given up on) and the
 * timer {@code weightscope.crawl.duration} (first start to end, so a resumed run includes its interruption).
 * Counted by the instance that ends the run: a run resumed after its instance died is counted once, whole.
 * A plain listener, not a module listener: a metric must not be replayed by the event publication registry.
 */
@Component
class CrawlMetrics {

    private static final Logger log = LoggerFactory.getLogger(CrawlMetrics.class);

    private final MeterRegistry registry;
    private final CrawlService crawls;

    CrawlMetrics(MeterRegistry registry, CrawlService crawls) {
        this.registry = registry;
        this.crawls = crawls;
    }

    @EventListener
    void on(IngestCompleted run) {
        String source = run.sourceId();
        Counter.builder("weightscope.crawl.runs")
                .description("Crawl runs ended")
                .tag("source", source)
                .tag("scope", run.scope())
                .tag("status", run.status())
                .register(registry)
                .increment();
        count("weightscope.crawl.pages", "Pages stored by ended crawl runs", source, run.pages());
        count("weightscope.crawl.items", "Items stored by ended crawl runs", source, run.items());
        count("weightscope.crawl.failures", "Pages given up on by ended crawl runs", source, run.failures());
        try {
            crawls.findRun(run.runId())
                    .filter(r -> r.startedAt() != null && r.endedAt() != null)
                    .ifPresent(r -> Timer.builder("weightscope.crawl.duration")
                            .description("Crawl run time, first start to end")
                            .tag("source", source)
                            .tag("status", run.status())
                            .register(registry)
                            .record(duration(r)));
        } catch (RuntimeException e) {
            // the listener runs inside the publishing transaction: a metric never fails the run it measures
            log.warn("No duration metric for crawl run {}: {}", run.runId(), e.toString());
        }
    }

    private static Duration duration(CrawlRun r) {
        return Duration.between(r.startedAt(), r.endedAt());
    }

    private void count(String name, String description, String source, double amount) {
        Counter.builder(name)
                .description(description)
                .tag("source", source)
                .register(registry)
                .increment(amount);
    }
}
