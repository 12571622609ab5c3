package org.weightscope.alerts;

import java.time.Instant;

/**
 * One occurrence of a rule. {@code id} is a hash of rule id and occurrence key (e.g. the catalogue event id),
 * so evaluating the same crawl again finds it already stored and raises nothing new.
 *
 * @param at       when it happened (the event's time)
 * @param raisedAt when the alert was created
 */
public record Alert(
        String id,
        String watchlistId,
        String ruleId,
        String ruleType,
        String occurrence,
        String title,
        String summary,
        String modelId,
        Instant at,
        Instant raisedAt,
        String runId,
        Delivery delivery) {

    /**
     * @param status {@link #NONE} (no webhook), {@link #PENDING}, {@link #RETRYING}, {@link #DELIVERED} or
     *               {@link #FAILED} (attempts exhausted)
     */
    public record Delivery(String status, int attempts, String lastError, Instant lastAttemptAt, Instant deliveredAt) {
        public static final String NONE = "none";
        public static final String PENDING = "pending";
        public static final String RETRYING = "retrying";
        public static final String DELIVERED = "delivered";
        public static final String FAILED = "failed";
    }

    /** What happened, as an alert tells it: its key (which makes the alert's id), words, model and time. */
    record Occurrence(String key, String title, String summary, String modelId, Instant at) {}

    /**
     * A new alert of a rule (or a source standing in for one), identified by {@link AlertEvaluator#alertId}:
     * pending delivery when its watchlist has a webhook, otherwise none.
     */
    static Alert raised(
            String watchlistId,
            boolean webhook,
            String ruleId,
            String ruleType,
            Occurrence o,
            Instant raisedAt,
            String runId) {
        return new Alert(
                AlertEvaluator.alertId(ruleId, o.key()),
                watchlistId,
                ruleId,
                ruleType,
                o.key(),
                o.title(),
                o.summary(),
                o.modelId(),
                o.at(),
                raisedAt,
                runId,
                new Delivery(webhook ? Delivery.PENDING : Delivery.NONE, 0, null, null, null));
    }

    Alert withDelivery(Delivery d) {
        return new Alert(
                id, watchlistId, ruleId, ruleType, occurrence, title, summary, modelId, at, raisedAt, runId, d);
    }
}
