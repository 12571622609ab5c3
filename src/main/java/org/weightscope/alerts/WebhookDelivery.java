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
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.weightscope.shared.Backoff;
import org.weightscope.shared.Json;
import org.weightscope.shared.Sleeper;

/**
 * POSTs an alert as JSON to its watchlist's webhook, signed with the watchlist's secret, on a background
 * thread (a crawl never waits for a receiver). A try fails on a connection error or a non-2xx answer and
 * is repeated with the app's one bounded backoff ({@link Backoff}: {@code backoff}, doubled each time up to
 * {@code maxBackoff}, {@code attempts} tries in all); every try is written to the alert record (attempts, last
 * error), so failures show on the alerts page.
 */
@Component
class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    static final String SIGNATURE = "X-Weightscope-Signature";
    private static final ObjectMapper JSON = Json.mapper();

    private final AlertRepository repository;
    private final AlertSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDelivery(AlertRepository repository, AlertSettings settings, Optional<Sleeper> sleeper, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.sleeper = sleeper.orElse(Sleeper.REAL);
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void submit(Alert alert, Watchlist watchlist) {
        background.submit(() -> deliver(alert, watchlist));
    }

    Alert deliver(Alert alert, Watchlist watchlist) {
        byte[] body = payload(alert, watchlist);
        String signature = "sha256=" + sign(body, watchlist.secret());
        Backoff backoff =
                new Backoff(settings.webhookAttempts(), settings.webhookBackoff(), settings.webhookMaxBackoff());
        Alert[] current = {alert};
        try {
            return backoff.run(
                    attempt -> {
                        String error = post(watchlist.webhookUrl(), signature, body);
                        var now = clock.instant();
                        boolean last = attempt == backoff.attempts();
                        String status = error == null
                                ? Alert.Delivery.DELIVERED
                                : last ? Alert.Delivery.FAILED : Alert.Delivery.RETRYING;
                        current[0] = current[0].withDelivery(
                                new Alert.Delivery(status, attempt, error, now, error == null ? now : null));
                        repository.update(current[0]);
                        if (error == null) {
                            return Backoff.Outcome.done(current[0]);
                        }
                        log.warn(
                                "Webhook of alert {} to {}: try {} of {} failed: {}",
                                alert.id(),
                                watchlist.webhookUrl(),
                                attempt,
                                backoff.attempts(),
                                error);
                        return Backoff.Outcome.retry(current[0]);
                    },
                    sleeper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return current[0];
        }
    }

    /** One try: null when the receiver answered 2xx, else why not. */
    private String post(String url, String signature, byte[] body) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(settings.webhookTimeout())
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Weightscope-Webhook/1")
                            .header(SIGNATURE, signature)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    static byte[] payload(Alert a, Watchlist w) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id())
                .put("watchlist", w.id())
                .put("watchlistName", w.name())
                .put("rule", a.ruleId())
                .put("ruleType", a.ruleType())
                .put("occurrence", a.occurrence())
                .put("title", a.title())
                .put("summary", a.summary())
                .put("modelId", a.modelId())
                .put("at", a.at() == null ? null : a.at().toString())
                .put("raisedAt", a.raisedAt() == null ? null : a.raisedAt().toString())
                .put("runId", a.runId());
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
