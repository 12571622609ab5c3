/**
 * Watchlists and alert rules, evaluated after every crawl run ({@link org.weightscope.ingest.IngestCompleted}),
 * each occurrence raising exactly one alert (deterministic alert ids), delivered as an Atom feed per
 * watchlist and as signed webhooks retried with bounded exponential backoff.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage", "catalogue", "ingest"})
package org.weightscope.alerts;
