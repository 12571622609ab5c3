package org.weightscope.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POSTs an alert as JSON to its watchlist's webhook, signed with the watchlist's secret, on a background
 * thread (a crawl never waits for a receiver). A try fails on a connection error or a non-2xx answer and
 * is repeated after {@code backoff}, doubled each time up to {@code maxBackoff}, {@code attempts} times in
 * all; every try is written to the alert record (attempts, last error), so failures show on the alerts page.
 */
@Component
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    static final String SIGNATURE = "X-Weightscope-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertRepository repository;
    private final AlertSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDelivery(AlertRepository repository, AlertSettings settings, Optional<Sleeper> sleeper, Optional<Clock> clock) {
        this.repository = repository;
        this.settings = settings;
        this.sleeper = sleeper.orElse(Sleeper.REAL);
        this.clock = clock.orElse(Clock.systemUTC());
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void submit(Alert alert, Watchlist watchlist) {
        background.submit(() -> deliver(alert, watchlist));
    }

    Alert deliver(Alert alert, Watchlist watchlist) {
        byte[] body = payload(alert, watchlist);
        String signature = "sha256=" + sign(body, watchlist.secret());
        Duration wait = settings.webhookBackoff();
        Alert current = alert;
        for (int attempt = 1; attempt <= settings.webhookAttempts(); attempt++) {
            String error;
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(watchlist.webhookUrl()))
                        .timeout(settings.webhookTimeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Weightscope-Webhook/1")
                        .header(SIGNATURE, signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                error = status / 100 == 2 ? null : "HTTP " + status;
            } catch (IOException | IllegalArgumentException e) {
                error = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            var now = clock.instant();
            boolean last = attempt == settings.webhookAttempts();
            String status = error == null ? Alert.Delivery.DELIVERED : last ? Alert.Delivery.FAILED : Alert.Delivery.RETRYING;
            current = current.withDelivery(new Alert.Delivery(status, attempt, error, now, error == null ? now : null));
            repository.update(current);
            if (error == null) {
                return current;
            }
            log.warn("Webhook of alert {} to {}: try {} of {} failed: {}", alert.id(), watchlist.webhookUrl(), attempt,
                    settings.webhookAttempts(), error);
            if (!last) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return current;
                }
                wait = wait.multipliedBy(2).compareTo(settings.webhookMaxBackoff()) > 0 ? settings.webhookMaxBackoff()
                        : wait.multipliedBy(2);
            }
        }
        return current;
    }

    static byte[] payload(Alert a, Watchlist w) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id()).put("watchlist", w.id()).put("watchlistName", w.name()).put("rule", a.ruleId())
                .put("ruleType", a.ruleType()).put("occurrence", a.occurrence()).put("title", a.title())
                .put("summary", a.summary()).put("modelId", a.modelId())
                .put("at", a.at() == null ? null : a.at().toString())
                .put("raisedAt", a.raisedAt() == null ? null : a.raisedAt().toString()).put("runId", a.runId());
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex HMAC-SHA256 of the body with the secret. */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
