package org.weightscope.source.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weightscope.source.SourceDefinition;
import org.weightscope.source.SourceUnavailableException;

/**
 * HTTP to the Hub, as a good citizen: a User-Agent naming us, the optional token as Bearer (never logged),
 * a per-host rate limit, and a bounded backoff for 429 (honouring {@code Retry-After}), 5xx, timeouts and
 * bodies that are not complete JSON. Listing pages are followed through the {@code Link: <…>; rel="next"}
 * header, never with {@code skip}.
 */
public class HuggingFaceClient {

    private static final Logger log = LoggerFactory.getLogger(HuggingFaceClient.class);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HuggingFaceSettings settings;
    private final String token;
    private final long intervalNanos;
    private final HttpClient http;
    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

    /** A listing page: its items and the absolute URL of the next page (null on the last). */
    public record ListPage(URI url, List<JsonNode> items, URI next) {}

    /** A page given up on after every retry; {@link #next} is known when only the body was broken. */
    public static class PageException extends RuntimeException {
        private final URI next;

        PageException(String reason, URI next) {
            super(reason);
            this.next = next;
        }

        public Optional<URI> next() {
            return Optional.ofNullable(next);
        }
    }

    public HuggingFaceClient(SourceDefinition definition, HuggingFaceSettings settings, Function<String, String> env) {
        this.baseUrl = definition.baseUrl();
        this.settings = settings;
        String t = settings.tokenEnv() == null ? null : env.apply(settings.tokenEnv());
        this.token = t == null || t.isBlank() ? null : t.strip();
        this.intervalNanos = definition.rateLimit().intervalNanos();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.timeoutMs()))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        log.info("Hugging Face client for {} ({} req/s, token {})", baseUrl, definition.rateLimit().perSecond(),
                token == null ? "absent" : "present");
    }

    /** {@code /api/models?<query>&limit=<n>&expand[]=…} */
    public URI listUrl(Map<String, String> query, int limit) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(enc(v)));
        q.append(q.isEmpty() ? "" : "&").append("limit=").append(limit);
        for (String field : settings.expand()) {
            q.append("&expand%5B%5D=").append(enc(field));
        }
        return baseUrl.resolve("/api/models?" + q);
    }

    /** Fetches one listing page (retrying as configured). */
    public ListPage list(URI url) {
        Fetched f = fetch(url);
        URI next = nextLink(f.response);
        JsonNode body = f.body;
        if (body == null || !body.isArray()) {
            throw new PageException("body is not a JSON array", next);
        }
        List<JsonNode> items = new ArrayList<>(body.size());
        body.forEach(items::add);
        return new ListPage(url, items, next);
    }

    /**
     * {@code /api/models/{id}?blobs=true} (the file listing with each file's size, for the hardware class), or
     * empty when the Hub does not know it (404).
     */
    public Optional<JsonNode> model(String repoId) {
        URI url = baseUrl.resolve("/api/models/" + repoId + "?blobs=true");
        try {
            return Optional.of(fetch(url).body);
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private record Fetched(HttpResponse<byte[]> response, JsonNode body) {}

    private static final class NotFound extends PageException {
        NotFound() {
            super("404", null);
        }
    }

    /** GET with the retry policy; body read whole and checked to be complete JSON before it counts. */
    private Fetched fetch(URI url) {
        HuggingFaceSettings.Retry retry = settings.retry();
        long backoff = retry.backoffMs();
        String lastReason = null;
        IOException unreachable = null;
        URI next = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            long wait = backoff;
            try {
                HttpResponse<byte[]> response = send(url);
                int status = response.statusCode();
                if (status == 200) {
                    next = nextLink(response);
                    try {
                        JsonNode body = JSON.readTree(response.body());
                        if (body == null) {
                            throw new IOException("empty body");
                        }
                        return new Fetched(response, body);
                    } catch (IOException e) {
                        lastReason = "broken JSON (" + response.body().length + " bytes): " + firstLine(e.getMessage());
                    }
                } else if (status == 404) {
                    throw new NotFound();
                } else if (status == 429 || status >= 500) {
                    lastReason = "HTTP " + status;
                    if (status == 429) {
                        wait = Math.max(wait, retryAfterMs(response).orElse(backoff));
                    }
                } else {
                    throw new PageException("HTTP " + status, null);
                }
                unreachable = null;
            } catch (HttpConnectTimeoutException | ConnectException e) {
                unreachable = e;
                lastReason = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (IOException e) {
                unreachable = null;
                lastReason = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PageException("interrupted", null);
            }
            if (attempt < retry.attempts()) {
                long bounded = Math.min(wait, retry.maxBackoffMs());
                log.debug("{} failed ({}), attempt {}/{}; retrying in {} ms", url, lastReason, attempt, retry.attempts(), bounded);
                sleep(bounded);
                backoff = Math.min(backoff * 2, retry.maxBackoffMs());
            }
        }
        if (unreachable != null) {
            throw new SourceUnavailableException(url.toString(), unreachable);
        }
        throw new PageException(lastReason + " after " + retry.attempts() + " attempts", next);
    }

    private HttpResponse<byte[]> send(URI url) throws IOException, InterruptedException {
        throttle(url.getHost() + ":" + url.getPort());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .timeout(Duration.ofMillis(settings.timeoutMs()))
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Per-host rate limit: each request takes the next free slot, {@code 1/rate} apart. */
    private void throttle(String host) {
        long now = System.nanoTime();
        long slot = nextSlot.merge(host, now + intervalNanos, (prev, ignored) -> Math.max(prev, now) + intervalNanos)
                - intervalNanos;
        long waitNanos = slot - now;
        if (waitNanos > 0) {
            sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    private URI nextLink(HttpResponse<?> response) {
        for (String link : response.headers().allValues("Link")) {
            for (String part : link.split(",(?=\\s*<)")) {
                Matcher m = NEXT.matcher(part);
                if (m.find()) {
                    return baseUrl.resolve(m.group(1).strip());
                }
            }
        }
        return null;
    }

    static Optional<Long> retryAfterMs(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty()) return Optional.empty();
        String v = value.get().strip();
        try {
            return Optional.of(Long.parseLong(v) * 1000);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Math.max(0, Duration.between(ZonedDateTime.now(), at).toMillis()));
            } catch (RuntimeException e2) {
                return Optional.empty();
            }
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void sleep(long millis) {
        sleep(millis, 0);
    }

    private static void sleep(long millis, int nanos) {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
