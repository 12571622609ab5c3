package org.weightscope.source;

/**
 * The code of a hub whose listing is more than data (paging by PUT body, several endpoints, a browser): it
 * builds the hub's crawl source from its definition. A definition with no such code is crawled by its
 * {@code listing:} mapping ({@link CrawlSources}).
 */
public interface HubCrawler {

    /** The definition id it serves, e.g. {@code huggingface}. */
    String id();

    CrawlSource create(SourceDefinition definition);
}
