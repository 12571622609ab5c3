package org.weightscope.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.weightscope.ingest.CrawlRun;
import org.weightscope.ingest.CrawlService;

/**
 * Keeps one Quartz job per source and one cron trigger per scope in step with the source definitions, and
 * runs, pauses and resumes sources for the admin area.
 *
 * <p>Triggers already in the (persistent) store with the same cron are left as they are: replacing them
 * would drop the misfire Quartz detects for a run missed while the app was down. Only new or changed
 * crons are (re)scheduled, and triggers of scopes no longer defined are removed.
 */
@Service
public class CrawlScheduler {

    private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);
    static final String GROUP = "crawl";
    static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final Scheduler scheduler;
    private final CrawlService crawls;
    private final ScheduledCrawls launcher;
    private final SchedulingSettings settings;
    // "run now" without a running scheduler (scheduling switched off)
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    CrawlScheduler(Scheduler scheduler, CrawlService crawls, ScheduledCrawls launcher, SchedulingSettings settings) {
        this.scheduler = scheduler;
        this.crawls = crawls;
        this.launcher = launcher;
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws SchedulerException {
        if (!settings.enabled()) {
            log.info("Scheduled crawling is off (weightscope.scheduling.enabled=false)");
            return;
        }
        sync(scheduler, crawls.sources(), crawls::schedule);
        if (!scheduler.isStarted()) {
            scheduler.start();
        }
    }

    /** Makes the store hold exactly one job per source and one trigger per scope with the defined cron. */
    static void sync(Scheduler scheduler, Map<String, Set<String>> sources, CronOf cronOf) throws SchedulerException {
        for (var source : sources.entrySet()) {
            JobKey job = jobKey(source.getKey());
            JobDetail stored = scheduler.getJobDetail(job);
            if (stored == null || !stored.requestsRecovery()) {
                // replaced in stores written before recovery was requested; the job's triggers stay
                JobDetail detail = JobBuilder.newJob(CrawlJob.class)
                        .withIdentity(job)
                        .storeDurably()
                        .requestRecovery()
                        .usingJobData(CrawlJob.SOURCE, source.getKey())
                        .build();
                try {
                    scheduler.addJob(detail, stored != null);
                } catch (ObjectAlreadyExistsException e) {
                    // another instance of the cluster, starting at the same time, stored it first
                }
            }
            for (String scope : source.getValue()) {
                String cron = cronOf.cron(source.getKey(), scope);
                TriggerKey key = triggerKey(source.getKey(), scope);
                Trigger existing = scheduler.getTrigger(key);
                if (existing instanceof CronTrigger c && c.getCronExpression().equals(cron)) {
                    continue;
                }
                Trigger trigger = trigger(source.getKey(), scope, cron);
                if (existing == null) {
                    try {
                        scheduler.scheduleJob(trigger);
                    } catch (ObjectAlreadyExistsException e) {
                        // scheduled meanwhile by another instance starting at the same time, from the same file
                        continue;
                    }
                } else {
                    scheduler.rescheduleJob(key, trigger);
                }
                log.info(
                        "Scheduled {} {} at '{}' (UTC), next {}",
                        source.getKey(),
                        scope,
                        cron,
                        scheduler.getTrigger(key).getNextFireTime());
            }
            for (Trigger t : scheduler.getTriggersOfJob(job)) {
                if (t.getKey().getGroup().equals(GROUP)
                        && !source.getValue().contains(t.getJobDataMap().getString(CrawlJob.SCOPE))) {
                    scheduler.unscheduleJob(t.getKey());
                }
            }
        }
    }

    /**
     * The cron trigger of a scope. Fire-once-now: however many fires were missed while the app was down,
     * the scope runs once, as soon as the scheduler starts (with the JDBC store the trigger persisted).
     */
    static CronTrigger trigger(String sourceId, String scope, String cron) {
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(sourceId, scope))
                .forJob(jobKey(sourceId))
                .usingJobData(CrawlJob.SCOPE, scope)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(UTC)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    static JobKey jobKey(String sourceId) {
        return JobKey.jobKey(sourceId, GROUP);
    }

    static TriggerKey triggerKey(String sourceId, String scope) {
        return TriggerKey.triggerKey(sourceId + "." + scope, GROUP);
    }

    interface CronOf {
        String cron(String sourceId, String scope);
    }

    /** Every source's scopes with their cron, next fire time and pause state. */
    public List<SourceSchedule> schedules() {
        List<SourceSchedule> out = new ArrayList<>();
        crawls.sources().forEach((source, scopes) -> {
            for (String scope : scopes) {
                String cron = crawls.schedule(source, scope);
                Instant next = null;
                boolean paused = false;
                if (settings.enabled()) {
                    try {
                        TriggerKey key = triggerKey(source, scope);
                        Trigger t = scheduler.getTrigger(key);
                        paused = scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
                        Date d = t == null || paused ? null : t.getNextFireTime();
                        next = d == null ? null : d.toInstant();
                    } catch (SchedulerException e) {
                        log.warn("Cannot read the trigger of {} {}: {}", source, scope, e.getMessage());
                    }
                }
                out.add(new SourceSchedule(source, scope, cron, next, paused));
            }
        });
        return out;
    }

    /**
     * Starts a crawl of a scope now, in the background: through Quartz when scheduling is on (so it queues
     * behind a running crawl of the same source), else on a background thread with the same guard.
     */
    public void runNow(String sourceId, String scope) {
        if (!crawls.sources().getOrDefault(sourceId, Set.of()).contains(scope)) {
            throw new IllegalArgumentException("no scope '" + scope + "' of source '" + sourceId + "'");
        }
        if (settings.enabled()) {
            try {
                JobDataMap data = new JobDataMap(Map.of(CrawlJob.SCOPE, scope, CrawlJob.MANUAL, true));
                scheduler.triggerJob(jobKey(sourceId), data);
                return;
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot start " + sourceId + " " + scope + ": " + e.getMessage(), e);
            }
        }
        background.submit(() -> launcher.launch(sourceId, scope, CrawlRun.MANUAL));
    }

    /** Pauses every scheduled trigger of a source (kept across restarts by the job store). */
    public void pause(String sourceId) {
        quartz(() -> scheduler.pauseJob(jobKey(known(sourceId))));
    }

    public void resume(String sourceId) {
        quartz(() -> scheduler.resumeJob(jobKey(known(sourceId))));
    }

    private String known(String sourceId) {
        if (!crawls.sources().containsKey(sourceId)) {
            throw new IllegalArgumentException("no source '" + sourceId + "'");
        }
        if (!settings.enabled()) {
            throw new IllegalStateException("scheduling is off (weightscope.scheduling.enabled=false)");
        }
        return sourceId;
    }

    private interface QuartzCall {
        void call() throws SchedulerException;
    }

    private static void quartz(QuartzCall call) {
        try {
            call.call();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
