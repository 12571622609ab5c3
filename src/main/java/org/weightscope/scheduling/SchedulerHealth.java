package org.weightscope.scheduling;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code scheduler} health indicator (readiness group): UP while Quartz runs, or while scheduling is
 * switched off on purpose; DOWN when it should run but is in standby or shut down, or its store cannot be
 * read. Details (admin only): state, instance id, clustered, jobs executed.
 */
@Component("scheduler")
class SchedulerHealth extends AbstractHealthIndicator {

    private final Scheduler scheduler;
    private final SchedulingSettings settings;

    SchedulerHealth(Scheduler scheduler, SchedulingSettings settings) {
        super("Quartz scheduler health check failed");
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
        if (!settings.enabled()) {
            builder.up().withDetail("state", "off (weightscope.scheduling.enabled=false)");
            return;
        }
        SchedulerMetaData meta = scheduler.getMetaData();
        String state = meta.isShutdown() ? "shutdown" : meta.isInStandbyMode() ? "standby" : "running";
        // reading the store: a database the scheduler cannot reach is DOWN, not a stale "running"
        int jobs = scheduler
                .getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(CrawlScheduler.GROUP))
                .size();
        (state.equals("running") ? builder.up() : builder.down())
                .withDetail("state", state)
                .withDetail("instanceId", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered())
                .withDetail("crawlJobs", jobs)
                .withDetail("jobsExecuted", meta.getNumberOfJobsExecuted());
    }
}
