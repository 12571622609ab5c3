/**
 * Turns what sources fetched (their raw items) into catalogue observations and changes, and records every run;
 * links the same model across hubs where their stored models meet. On an empty store it loads
 * the bundled recordings as dated history, so a fresh install shows real data even offline.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "storage", "catalogue", "source", "usage"})
package org.weightscope.ingest;
