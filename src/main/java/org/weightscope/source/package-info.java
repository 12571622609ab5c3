/**
 * Where model data comes from. Each source is a definition file {@code crawlers/<id>.yaml}, read and validated
 * at start-up by {@link org.weightscope.source.SourceDefinitions} into one
 * {@link org.weightscope.source.SourceDefinition}; {@link org.weightscope.source.CrawlSources} makes it a
 * {@link org.weightscope.source.CrawlSource}: the hub's own code where it has some (a sub-package per hub),
 * else the generic listing the file declares. Every request goes through the one polite
 * {@link org.weightscope.source.Fetcher}. A source emits {@link org.weightscope.source.RawItem raw items}; it
 * stores nothing and reads no store (ingest maps and stores, and answers what a crawl must know through the
 * {@link org.weightscope.source.PageSink}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.weightscope.source;
