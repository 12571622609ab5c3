package org.weightscope.source.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link HttpClient} with the manners every hub crawler needs: the source's User-Agent, at most
 * {@code rateLimit} requests per second, robots.txt obeyed (when the source says so), and bounded retries
 * on 429 (honouring Retry-After) and 5xx. Anything else that is not 2xx fails at once with the URL and
 * status named. Header values are never put in messages or logs, because one of them is an API key.
 */
public final class PoliteHttpClient {

    /** How long to wait between tries; injectable so tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final int MAX_ATTEMPTS = 4;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    /** No single wait is longer than this, whatever Retry-After asks: a crawl run must end. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final SourceDefinition source;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final long intervalNanos;
    private final String agentToken;
    private final Map<String, RobotsTxt> robots = new ConcurrentHashMap<>();
    private long nextSlot = System.nanoTime();

    public PoliteHttpClient(SourceDefinition source) {
        this(source, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), d -> Thread.sleep(d));
    }

    public PoliteHttpClient(SourceDefinition source, HttpClient http, Sleeper sleeper) {
        this.source = source;
        this.http = http;
        this.sleeper = sleeper;
        this.intervalNanos = (long) (1_000_000_000L / source.rateLimit());
        String ua = source.userAgent().strip();
        int end = 0;
        while (end < ua.length() && ua.charAt(end) != '/' && !Character.isWhitespace(ua.charAt(end))) end++;
        this.agentToken = ua.substring(0, end);
    }

    public SourceDefinition source() {
        return source;
    }

    /** GET {@code baseUrl + pathAndQuery}; returns the body of a 2xx answer. */
    public String get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", source.resolve(pathAndQuery), null, headers);
    }

    /** Any method with an optional JSON body (ModelScope lists with PUT). */
    public String send(String method, URI uri, String jsonBody, Map<String, String> headers) {
        checkAllowed(uri);
        return exchange(method, uri, jsonBody, headers).body();
    }

    /** Throws a {@link SourceException} naming the URL and the robots.txt rule when robots.txt forbids it. */
    public void checkAllowed(URI uri) {
        if (!Boolean.TRUE.equals(source.robotsTxt())) return;
        RobotsTxt rules = robots.computeIfAbsent(origin(uri), o -> fetchRobots(uri));
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!rules.allows(path)) {
            RobotsTxt.Rule r = rules.decidingRule(path);
            throw new SourceException(source.id() + ": robots.txt of " + origin(uri) + " disallows " + uri
                    + " for " + agentToken + " (rule 'Disallow: " + r.pattern() + "'); not fetched");
        }
    }

    private RobotsTxt fetchRobots(URI uri) {
        URI robotsUri = URI.create(origin(uri) + "/robots.txt");
        HttpResponse<String> r = exchangeRaw("GET", robotsUri, null, Map.of());
        int s = r.statusCode();
        if (s >= 200 && s < 300) return RobotsTxt.parse(r.body(), agentToken);
        // RFC 9309 2.3.1.3: 4xx means there are no rules; anything else (after retries) means "assume disallowed".
        if (s >= 400 && s < 500) return RobotsTxt.ALLOW_ALL;
        throw new SourceException(source.id() + ": " + robotsUri + " answered " + s + "; refusing to crawl without it");
    }

    private HttpResponse<String> exchange(String method, URI uri, String jsonBody, Map<String, String> headers) {
        HttpResponse<String> r = exchangeRaw(method, uri, jsonBody, headers);
        int s = r.statusCode();
        if (s < 200 || s >= 300) {
            throw new SourceException(source.id() + ": " + method + " " + uri + " answered " + s + snippet(redact(r.body(), headers)));
        }
        return r;
    }

    /** Sends with rate limit and retries; returns the last response whatever its status. */
    private HttpResponse<String> exchangeRaw(String method, URI uri, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", source.userAgent())
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) b.header("Content-Type", "application/json");
        headers.forEach(b::header);
        HttpRequest request = b.build();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            awaitSlot();
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new SourceException(source.id() + ": " + method + " " + uri + " failed after " + attempt + " attempts: " + e, e);
                }
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_WAIT);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(source.id() + ": interrupted while fetching " + uri, e);
            }
            int s = r.statusCode();
            boolean retryable = s == 429 || s >= 500;
            if (!retryable || attempt >= MAX_ATTEMPTS) return r;
            Duration wait = s == 429 ? retryAfter(r).orElse(backoff) : backoff;
            pause(min(wait, MAX_WAIT));
            backoff = min(backoff.multipliedBy(2), MAX_WAIT);
        }
    }

    private void awaitSlot() {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            waitNanos = slot - now;
        }
        if (waitNanos > 0) pause(Duration.ofNanos(waitNanos));
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source.id() + ": interrupted while waiting", e);
        }
    }

    /** Retry-After as delta-seconds or HTTP-date (RFC 9110 10.2.3). */
    static Optional<Duration> retryAfter(HttpResponse<?> r) {
        Optional<String> v = r.headers().firstValue("Retry-After");
        if (v.isEmpty()) return Optional.empty();
        String s = v.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    /** Error bodies may echo the request (WireMock, proxies do): header values such as the API key are cut out. */
    static String redact(String text, Map<String, String> headers) {
        if (text == null) return null;
        String out = text;
        for (String v : headers.values()) {
            for (String part : v.split("\\s+")) {
                if (part.length() >= 8) out = out.replace(part, "[redacted]");
            }
        }
        return out;
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) return "";
        String s = body.strip().replaceAll("\\s+", " ");
        return ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }
}
