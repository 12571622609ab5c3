package org.weightscope.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published (Spring application event) when a crawl run or recording import ends, whatever its status.
 *
 * @param failures pages given up on in the run
 */
public record IngestCompleted(
        String sourceId,
        String runId,
        String scope,
        String status,
        LocalDate day,
        long pages,
        long items,
        int failures,
        Instant endedAt) {

    static IngestCompleted of(CrawlRun run) {
        return new IngestCompleted(
                run.sourceId(),
                run.id(),
                run.scope(),
                run.status(),
                run.day(),
                run.pages(),
                run.items(),
                run.failures().size(),
                run.endedAt());
    }
}
