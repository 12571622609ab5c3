package org.weightscope.scheduling;

/** Starts one crawl; what {@link CrawlJob} calls (a fake in the Quartz tests, no Elasticsearch needed). */
interface CrawlLauncher {

    /** @param trigger {@code scheduled}, {@code catch-up} or {@code manual} (as CrawlRun's constants) */
    void launch(String sourceId, String scope, String trigger);
}
