/**
 * Turns what sources fetched into catalogue changes and records every run. On an empty store it loads
 * the bundled recordings as dated history, so a fresh install shows real data even offline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage", "catalogue", "source", "source :: modelscope", "usage"})
package org.weightscope.ingest;
