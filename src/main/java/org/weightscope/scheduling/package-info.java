/**
 * Scheduled crawling: one Quartz job per source, one cron trigger per scope (from crawlers/*.yaml), kept in
 * a JDBC job store so schedules, pauses and missed runs survive restarts. A run missed while the app was
 * down fires once at start-up and its crawl-run record says {@code catch-up}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest", "source"})
package org.weightscope.scheduling;
