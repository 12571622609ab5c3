/**
 * Scheduled crawling: one Quartz job per source, one cron trigger per scope (from crawlers/*.yaml), kept in
 * a JDBC job store so schedules, pauses and missed runs survive restarts. A run missed while the app was
 * down fires once at start-up and its crawl-run record says {@code catch-up}. The store is an H2 file (one
 * instance) or, clustered, PostgreSQL (any number of instances, each fire on one of them, the crawls of a dead
 * instance recovered by another); its tables are Flyway's ({@link QuartzTables}). The
 * {@code scheduler} health indicator reports whether Quartz runs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest", "source"})
package org.weightscope.scheduling;
