/**
 * Where model data comes from. Each source is described by a definition file {@code crawlers/<id>.yaml}
 * ({@link org.weightscope.source.SourceDefinitions}, validated at start-up) and implemented as a
 * {@link org.weightscope.source.CrawlSource}: it fetches pages and emits
 * {@link org.weightscope.catalogue.CatalogueService.Observation observations}; it stores nothing (ingest does).
 * Hub-specific code lives in a sub-package per source (e.g. {@code huggingface}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalogue"})
package org.weightscope.source;
