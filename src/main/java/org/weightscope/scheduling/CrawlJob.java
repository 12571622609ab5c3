package org.weightscope.scheduling;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.weightscope.ingest.CrawlRun;

/**
 * The job of one source (job key {@code crawl/<source>}); each scope is one of its triggers, "run now" a
 * one-off trigger of the same job. {@link DisallowConcurrentExecution} is per job key, so two runs of the
 * same source never overlap in this scheduler, nor in a cluster of them on one PostgreSQL store: a trigger
 * due while one runs waits (Quartz blocks it). The job requests recovery: when the instance running it dies,
 * another instance of the cluster runs it again ({@link JobExecutionContext#isRecovering()}), and the crawl
 * resumes from its cursor.
 */
@DisallowConcurrentExecution
class CrawlJob implements Job {

    static final String SOURCE = "source";
    static final String SCOPE = "scope";
    static final String MANUAL = "manual";

    private final CrawlLauncher launcher;
    private final SchedulingSettings settings;

    CrawlJob(CrawlLauncher launcher, SchedulingSettings settings) {
        this.launcher = launcher;
        this.settings = settings;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        String trigger;
        if (data.getBooleanValue(MANUAL)) {
            trigger = CrawlRun.MANUAL;
        } else if (context.getTrigger() instanceof CronTrigger cron
                && missed(
                        cron.getCronExpression(),
                        cron.getTimeZone(),
                        context.getPreviousFireTime(),
                        context.getScheduledFireTime(),
                        settings.catchUpTolerance())) {
            trigger = CrawlRun.CATCH_UP;
        } else {
            trigger = CrawlRun.SCHEDULED;
        }
        if (context.isRecovering()) {
            launcher.recover(data.getString(SOURCE), data.getString(SCOPE), trigger);
        } else {
            launcher.launch(data.getString(SOURCE), data.getString(SCOPE), trigger);
        }
    }

    /**
     * Whether this fire replaces one missed while the scheduler was down. With the fire-once-now misfire
     * instruction Quartz moves a misfired trigger's fire time to "now" at start-up and keeps its previous
     * fire time; the cron's first due time after that previous fire then lies well before this fire. A
     * normal fire is exactly that due time.
     */
    static boolean missed(String cron, TimeZone zone, Date previous, Date scheduled, Duration tolerance) {
        if (previous == null || scheduled == null) {
            return false;
        }
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(zone);
            Date due = expression.getNextValidTimeAfter(previous);
            return due != null && due.toInstant().plus(tolerance).isBefore(scheduled.toInstant());
        } catch (ParseException e) {
            return false;
        }
    }
}
