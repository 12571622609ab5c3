/**
 * Operations: the app's own Micrometer metrics (crawl runs, pages, items, failures and duration per source;
 * the adoption cube's lag), exported with Spring's ({@code http.server.requests}, JVM) at
 * {@code /actuator/prometheus}. Health indicators live with what they check (storage, scheduling); the
 * actuator endpoints' access rules are the admin module's security configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ingest", "catalogue"})
package org.weightscope.ops;
