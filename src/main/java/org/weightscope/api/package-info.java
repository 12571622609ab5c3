/**
 * The public read API: anonymous, read-only, JSON or CSV, aggregated answers only. Every response cites
 * its as-of time, metric, origin view and attribution rule. It reads the catalogue's services and never
 * exposes the store or accepts raw queries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalogue", "usage", "storage"})
package org.weightscope.api;
