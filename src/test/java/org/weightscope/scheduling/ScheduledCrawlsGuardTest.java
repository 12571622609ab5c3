package org.weightscope.scheduling;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.CrawlService;

/** The guard against a run already {@code running} in the crawl-run records (outside Quartz's own lock). */
class ScheduledCrawlsGuardTest {

    static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final SchedulingSettings SETTINGS =
            new SchedulingSettings(true, Duration.ofMinutes(15), Duration.ofMinutes(1), "AUTO");

    static CrawlRun run(String status, Instant updated) {
        return new CrawlRun(
                "huggingface:full:x",
                "huggingface",
                "full",
                status,
                LocalDate.of(2026, 3, 1),
                updated,
                updated,
                null,
                updated,
                3,
                300,
                1,
                List.of(),
                null,
                false,
                null,
                CrawlRun.SCHEDULED);
    }

    @Test
    void aRunningRunOfTheSameSourceBlocksANewOne() {
        CrawlService crawls = mock(CrawlService.class);
        when(crawls.latestRuns(eq("huggingface"), any(), anyInt()))
                .thenReturn(List.of(run(CrawlRun.RUNNING, NOW.minusSeconds(20))));
        new ScheduledCrawls(crawls, SETTINGS, CLOCK).launch("huggingface", "tracked", CrawlRun.SCHEDULED);
        verify(crawls, never()).run(any(), any(), any());
    }

    @Test
    void aRunningRecordLeftByADeadProcessDoesNotBlock() {
        CrawlService crawls = mock(CrawlService.class);
        when(crawls.latestRuns(eq("huggingface"), any(), anyInt()))
                .thenReturn(List.of(run(CrawlRun.RUNNING, NOW.minus(Duration.ofHours(2)))));
        new ScheduledCrawls(crawls, SETTINGS, CLOCK).launch("huggingface", "tracked", CrawlRun.CATCH_UP);
        verify(crawls).run("huggingface", "tracked", CrawlRun.CATCH_UP);
    }
}
