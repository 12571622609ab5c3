package org.weightscope.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.weightscope.ingest.CrawlRun;

/**
 * The production job, trigger and schema against a real Quartz JDBC store (the same re-runnable H2 script
 * and Spring's LocalDataSourceJobStore the app uses) in a temp folder, with a fake launcher instead of
 * crawling.
 *
 * <p>How "missed while down" is made observable: Quartz decides misfires with the system time, so instead
 * of a fake clock the test uses a cron firing every 2 seconds and a 1 s misfire threshold. Scheduler A fires
 * normally and is shut down; while it is down several fire times pass; scheduler B is then started against
 * the same H2 file (a restart), finds the persisted trigger misfired and fires it once (fire-once-now),
 * which the job records as a catch-up. Afterwards the trigger proceeds on its cron.
 */
class CrawlSchedulingTest {

    static final SchedulingSettings SETTINGS =
            new SchedulingSettings(true, Duration.ofMinutes(15), Duration.ofMillis(500), "AUTO");

    record Launch(String source, String scope, String trigger, long at) {}

    final List<Launch> launches = new CopyOnWriteArrayList<>();
    final Path folder = tempFolder();
    final JdbcDataSource db = dataSource(folder);
    SchedulerFactoryBean factory;

    static Path tempFolder() {
        try {
            return Files.createTempDirectory("weightscope-quartz");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JdbcDataSource dataSource(Path folder) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + folder.resolve("quartz").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        return ds;
    }

    Scheduler start(CrawlLauncher launcher, Map<String, Set<String>> sources, String cron) throws Exception {
        // the first migration, as Flyway runs it; re-runnable (stores created before Flyway already hold it)
        try (Connection c = db.getConnection()) {
            new QuartzTables(DatabaseDriver.H2).apply(c);
        }
        factory = new SchedulerFactoryBean();
        factory.setDataSource(db);
        factory.setJobFactory((bundle, scheduler) -> new CrawlJob(launcher, SETTINGS));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "test");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        factory.setQuartzProperties(p);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        Scheduler scheduler = factory.getScheduler();
        CrawlScheduler.sync(scheduler, sources, (s, scope) -> cron);
        scheduler.start();
        return scheduler;
    }

    @AfterEach
    void stop() throws Exception {
        if (factory != null) factory.destroy();
    }

    CrawlLauncher recording() {
        return (source, scope, trigger) -> launches.add(new Launch(source, scope, trigger, System.currentTimeMillis()));
    }

    long count(String trigger) {
        return launches.stream().filter(l -> l.trigger().equals(trigger)).count();
    }

    @Test
    void scheduledRunsFireAndARunMissedWhileDownIsCaughtUpOnceAfterARestart() throws Exception {
        Map<String, Set<String>> sources = Map.of("huggingface", Set.of("tracked"));
        start(recording(), sources, "0/2 * * * * ?");
        await().atMost(Duration.ofSeconds(6)).until(() -> count(CrawlRun.SCHEDULED) >= 1);
        assertThat(count(CrawlRun.CATCH_UP)).isZero();
        factory.destroy();
        factory = null;
        int beforeRestart = launches.size();

        // down for 5 s: two or three fire times pass unseen
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(7))
                .until(() -> launches.size() == beforeRestart);

        start(recording(), sources, "0/2 * * * * ?");
        await().atMost(Duration.ofSeconds(5)).until(() -> count(CrawlRun.CATCH_UP) == 1);
        // caught up at start-up: the first launch after the restart, before any fire on the cron
        Launch catchUp = launches.get(beforeRestart);
        assertThat(catchUp.trigger()).as("caught up at start-up").isEqualTo(CrawlRun.CATCH_UP);
        assertThat(catchUp.source()).isEqualTo("huggingface");
        assertThat(catchUp.scope()).isEqualTo("tracked");
        // then back on the cron, and the missed fires are not replayed one by one
        long scheduledBefore = count(CrawlRun.SCHEDULED);
        await().atMost(Duration.ofSeconds(5)).until(() -> count(CrawlRun.SCHEDULED) > scheduledBefore);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> count(CrawlRun.CATCH_UP) == 1);
    }

    @Test
    void aSecondRunOfTheSameSourceWaitsUntilTheRunningOneEnds() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CrawlLauncher slow = (source, scope, trigger) -> {
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            launches.add(new Launch(source, scope, trigger, System.currentTimeMillis()));
            firstStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                concurrent.decrementAndGet();
            }
        };
        // a cron that does not fire during the test: only "run now" triggers
        Scheduler scheduler = start(slow, Map.of("huggingface", Set.of("tracked", "full")), "0 0 3 1 1 ? 2099");
        JobDataMap tracked = new JobDataMap(Map.of(CrawlJob.SCOPE, "tracked", CrawlJob.MANUAL, true));
        JobDataMap full = new JobDataMap(Map.of(CrawlJob.SCOPE, "full", CrawlJob.MANUAL, true));
        scheduler.triggerJob(CrawlScheduler.jobKey("huggingface"), tracked);
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        scheduler.triggerJob(CrawlScheduler.jobKey("huggingface"), full);

        // the second run has not started while the first runs
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).until(() -> launches.size() == 1);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> launches.size() == 2);
        assertThat(maxConcurrent.get()).isEqualTo(1);
        assertThat(launches).extracting(Launch::scope).containsExactly("tracked", "full");
        assertThat(launches).extracting(Launch::trigger).containsOnly(CrawlRun.MANUAL);
    }

    @Test
    void missedIsTrueOnlyForAFireLaterThanItsDueTime() {
        var utc = CrawlScheduler.UTC;
        var prev = java.util.Date.from(java.time.Instant.parse("2026-01-01T03:00:00Z"));
        var due = java.util.Date.from(java.time.Instant.parse("2026-01-02T03:00:00Z"));
        var late = java.util.Date.from(java.time.Instant.parse("2026-01-04T09:30:00Z"));
        assertThat(CrawlJob.missed("0 0 3 * * ?", utc, prev, due, Duration.ofMinutes(1)))
                .isFalse();
        assertThat(CrawlJob.missed("0 0 3 * * ?", utc, prev, late, Duration.ofMinutes(1)))
                .isTrue();
        assertThat(CrawlJob.missed("0 0 3 * * ?", utc, null, late, Duration.ofMinutes(1)))
                .isFalse();
    }
}
