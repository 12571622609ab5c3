package org.weightscope.scheduling;

/** Starts one crawl; what {@link CrawlJob} calls (a fake in the Quartz tests, no Elasticsearch needed). */
interface CrawlLauncher {

    /** @param trigger {@code scheduled}, {@code catch-up} or {@code manual} (as CrawlRun's constants) */
    void launch(String sourceId, String scope, String trigger);

    /**
     * Runs a crawl whose instance died while running it (a clustered store hands its job to a live instance,
     * Quartz's {@code requestsRecovery}): the dead instance's {@code running} record is no reason to wait.
     */
    default void recover(String sourceId, String scope, String trigger) {
        launch(sourceId, scope, trigger);
    }
}
