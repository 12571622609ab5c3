package org.weightscope.alerts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Watchlists and their alerts: what the admin area and the feeds use. */
@Service
public class WatchlistService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertRepository repository;
    private final WebhookDelivery webhooks;
    private final Clock clock;

    WatchlistService(AlertRepository repository, WebhookDelivery webhooks, Clock clock) {
        this.repository = repository;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * Raises an alert from outside the watch rules (e.g. a saved exposure report) through the same store and
     * delivery: its id is a hash of {@code source} and {@code occurrence}, stored create-if-absent, so raising
     * the same occurrence again does nothing; a new alert goes to the watchlist's webhook if it has one.
     *
     * @param watchlistId whose feed and webhook carry the alert; null for none (the admin alert list only)
     * @param source      stands in for the rule id, e.g. {@code saved-report:<id>}
     * @param type        the alert's kind, shown where the rule type is
     * @return the new alert, or empty when this occurrence was already alerted
     */
    public Optional<Alert> raise(
            String watchlistId,
            String source,
            String type,
            String occurrence,
            String title,
            String summary,
            String modelId,
            Instant at,
            String runId) {
        Watchlist w =
                watchlistId == null ? null : repository.watchlist(watchlistId).orElse(null);
        boolean webhook = w != null && w.hasWebhook();
        Alert alert = Alert.raised(
                watchlistId,
                webhook,
                source,
                type,
                new Alert.Occurrence(occurrence, title, summary, modelId, at),
                clock.instant(),
                runId);
        if (!repository.createIfAbsent(alert)) {
            return Optional.empty();
        }
        if (webhook) {
            webhooks.submit(alert, w);
        }
        return Optional.of(alert);
    }

    /**
     * Creates a watchlist; its id and its rules' ids are random, and a webhook secret is generated when none
     * is given (shown in the answer, then only to admins).
     *
     * @throws IllegalArgumentException naming the first invalid rule or URL
     */
    public Watchlist create(String name, List<WatchRule> rules, String webhookUrl, String secret) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (webhookUrl != null && !webhookUrl.isBlank() && !webhookUrl.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("webhookUrl must be an http(s) URL");
        }
        List<WatchRule> withIds = new ArrayList<>();
        for (WatchRule rule : rules == null ? List.<WatchRule>of() : rules) {
            String problem = rule.problem();
            if (problem != null) {
                throw new IllegalArgumentException("rule " + (withIds.size() + 1) + ": " + problem);
            }
            withIds.add(rule.withId(UUID.randomUUID().toString()));
        }
        String key = secret == null || secret.isBlank() ? newSecret() : secret;
        Watchlist w = new Watchlist(
                UUID.randomUUID().toString(),
                name.strip(),
                withIds,
                webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip(),
                key,
                clock.instant());
        repository.save(w);
        return w;
    }

    public void delete(String id) {
        repository.delete(id);
    }

    public Optional<Watchlist> find(String id) {
        return repository.watchlist(id);
    }

    public List<Watchlist> all() {
        return repository.watchlists();
    }

    /** Alerts of one watchlist (null: all), newest first. */
    public List<Alert> alerts(String watchlistId, int size) {
        return repository.alerts(watchlistId, size);
    }

    private static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
