package org.weightscope.scheduling;

import java.util.Properties;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL the Quartz store is clustered: every instance pointed at the same database shares the jobs,
 * each fire runs on exactly one of them (row locks in {@code QRTZ_LOCKS}), and the crawls of an instance that
 * stops checking in are recovered by another. Decided by the datasource URL, not a separate switch, so a
 * PostgreSQL store never runs with H2's delegate (its blobs are {@code bytea}) nor unclustered (two instances
 * would both fire). The H2 file stays the single-node default, unclustered.
 */
@Component
class ClusteredJobStore implements SchedulerFactoryBeanCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ClusteredJobStore.class);

    private final String url;
    private final QuartzProperties quartz;
    private final SchedulingSettings settings;

    ClusteredJobStore(
            @Value("${spring.datasource.url:}") String url, QuartzProperties quartz, SchedulingSettings settings) {
        this.url = url;
        this.quartz = quartz;
        this.settings = settings;
    }

    static boolean clustered(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public void customize(SchedulerFactoryBean factory) {
        if (!clustered(url)) {
            return;
        }
        Properties p = new Properties();
        p.putAll(quartz.getProperties());
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.putIfAbsent("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
        p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
        factory.setQuartzProperties(p);
        log.info("Quartz job store clustered on PostgreSQL, instance id {}", settings.instanceId());
    }
}
