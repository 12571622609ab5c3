package org.weightscope.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.CrawlService;

/**
 * Runs a crawl for a job, unless the crawl-run records show a run of the same source still running (e.g.
 * started by hand outside Quartz, or by another instance on the same store): Quartz's per-job lock only
 * covers this scheduler. A {@code running} record not updated for {@code staleAfter} is a leftover of a
 * process that died and does not block; a job Quartz recovers from a dead instance of the cluster does not
 * wait for it at all.
 */
@Component
class ScheduledCrawls implements CrawlLauncher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledCrawls.class);

    private final CrawlService crawls;
    private final SchedulingSettings settings;
    private final Clock clock;

    ScheduledCrawls(CrawlService crawls, SchedulingSettings settings, Clock clock) {
        this.crawls = crawls;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void launch(String sourceId, String scope, String trigger) {
        Optional<CrawlRun> running = running(sourceId);
        if (running.isPresent()) {
            log.warn(
                    "Not starting {} {} ({}): run {} of the same source is still running",
                    sourceId,
                    scope,
                    trigger,
                    running.get().id());
            return;
        }
        run(sourceId, scope, trigger);
    }

    @Override
    public void recover(String sourceId, String scope, String trigger) {
        log.info("Recovering {} {} ({}): its instance died while running it", sourceId, scope, trigger);
        run(sourceId, scope, trigger);
    }

    private void run(String sourceId, String scope, String trigger) {
        try {
            crawls.run(sourceId, scope, trigger);
        } catch (IllegalStateException e) {
            log.warn("Not starting {} {} ({}): {}", sourceId, scope, trigger, e.getMessage());
        } catch (RuntimeException e) {
            // a failed run is already recorded by CrawlService; the next fire tries again
            log.error("Crawl {} {} ({}) failed", sourceId, scope, trigger, e);
        }
    }

    Optional<CrawlRun> running(String sourceId) {
        Instant fresh = clock.instant().minus(settings.staleAfter());
        return crawls.latestRuns(sourceId, null, 10).stream()
                .filter(r -> CrawlRun.RUNNING.equals(r.status()))
                .filter(r -> r.updatedAt() != null && r.updatedAt().isAfter(fresh))
                .findFirst();
    }
}
