package org.weightscope.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A named set of alert rules and where their alerts go.
 *
 * @param webhookUrl optional: alerts are POSTed there as JSON
 * @param secret     HMAC-SHA256 key of the webhook signature ({@code X-Weightscope-Signature: sha256=<hex>})
 */
public record Watchlist(
        String id, String name, List<WatchRule> rules, String webhookUrl, String secret, Instant createdAt) {

    public Watchlist {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    boolean hasWebhook() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }
}
