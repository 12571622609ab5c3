package org.weightscope.source;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.weightscope.shared.Backoff;
import org.weightscope.shared.Sleeper;

/**
 * The one polite HTTP client of every hub: the definition's User-Agent, at most {@code rateLimit} requests per
 * second to each host (a Bucket4j bucket per host), robots.txt obeyed when the definition says so (parsed and matched by crawler-commons,
 * RFC 9309), and the definition's bounded backoff ({@link Backoff}) on connection errors, 429 (honouring
 * {@code Retry-After}), 5xx and bodies a caller finds incomplete. Header values are never put in messages or
 * logs, because one of them is an API key.
 */
public final class Fetcher {

    /** The last answer to a request, after its retries; {@code problem} is what a body check found, if anything. */
    public record Response(URI uri, int status, HttpHeaders headers, byte[] body, int attempts, String problem) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return status >= 200 && status < 300 && problem == null;
        }
    }

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private record Try(Response response, IOException error) {}

    private final SourceDefinition source;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final String agentToken;
    private final Map<String, BaseRobotRules> robots = new ConcurrentHashMap<>();
    private final Map<String, BlockingBucket> buckets = new ConcurrentHashMap<>();

    public Fetcher(SourceDefinition source, HttpClient http, Sleeper sleeper) {
        this.source = source;
        this.http = http;
        this.sleeper = sleeper;
        String ua = source.userAgent().strip();
        int end = 0;
        while (end < ua.length() && ua.charAt(end) != '/' && !Character.isWhitespace(ua.charAt(end))) end++;
        this.agentToken = ua.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** With a real HTTP client (redirects followed, the definition's timeout to connect) and real waits. */
    public static Fetcher of(SourceDefinition source) {
        return new Fetcher(
                source,
                HttpClient.newBuilder()
                        .connectTimeout(source.timeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                Sleeper.REAL);
    }

    public SourceDefinition source() {
        return source;
    }

    /**
     * GET {@code baseUrl + pathAndQuery}; the body of a complete 2xx answer (checked as its Content-Type says,
     * {@link BodyCheck#DECLARED}), else a {@link SourceException} naming URL and status or what was wrong with the body.
     */
    public String get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", source.resolve(pathAndQuery), null, headers);
    }

    /** Any method with an optional JSON body (ModelScope lists with PUT); the body of a 2xx answer. */
    public String send(String method, URI uri, String jsonBody, Map<String, String> headers) {
        Response r = fetch(method, uri, jsonBody, headers, BodyCheck.DECLARED);
        if (!r.ok()) {
            throw new SourceException(source.id() + ": " + method + " " + uri + " answered " + r.status()
                    + (r.problem() != null ? " with " + r.problem() : "")
                    + (r.attempts() > 1 ? " after " + r.attempts() + " attempts" : "")
                    + (r.problem() != null ? "" : HttpAnswers.snippet(HttpAnswers.redact(r.text(), headers))));
        }
        return r.text();
    }

    /**
     * Sends with robots.txt, rate limit and retries and returns the last answer whatever its status.
     *
     * @throws SourceUnavailableException when the last try could not connect at all
     * @throws SourceException            when robots.txt forbids the URL, or the last try failed otherwise
     */
    public Response fetch(String method, URI uri, String jsonBody, Map<String, String> headers, BodyCheck check) {
        checkAllowed(uri);
        return exchange(method, uri, jsonBody, headers, check);
    }

    /** Throws a {@link SourceException} naming the URL and the robots.txt rule when robots.txt forbids it. */
    public void checkAllowed(URI uri) {
        if (!source.robotsTxt()) return;
        BaseRobotRules rules = robots.computeIfAbsent(origin(uri), o -> fetchRobots(uri));
        if (!rules.isAllowed(uri.toString())) {
            throw new SourceException(source.id() + ": robots.txt of " + origin(uri) + " disallows " + uri + " for "
                    + agentToken + rule(rules, uri) + "; not fetched");
        }
    }

    private BaseRobotRules fetchRobots(URI uri) {
        URI robotsUri = URI.create(origin(uri) + "/robots.txt");
        Response r = exchange("GET", robotsUri, null, Map.of(), BodyCheck.NONE);
        int s = r.status();
        if (s >= 200 && s < 300) {
            return new SimpleRobotRulesParser()
                    .parseContent(robotsUri.toString(), r.body(), "text/plain", List.of(agentToken));
        }
        // RFC 9309 2.3.1.3: 4xx means there are no rules; anything else (after retries) means "assume disallowed"
        if (s >= 400 && s < 500) return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        throw new SourceException(source.id() + ": " + robotsUri + " answered " + s + "; refusing to crawl without it");
    }

    /** " (rule 'Disallow: /search')": the longest rule matching the path, for the message only. */
    private static String rule(BaseRobotRules rules, URI uri) {
        if (!(rules instanceof SimpleRobotRules simple)) return "";
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return simple.getRobotRules().stream()
                .filter(r -> !r.isAllow())
                .filter(r -> path.startsWith(r.getPrefix().replaceAll("[*$].*", "")))
                .findFirst()
                .map(r -> " (rule 'Disallow: " + r.getPrefix() + "')")
                .orElse("");
    }

    private Response exchange(String method, URI uri, String jsonBody, Map<String, String> headers, BodyCheck check) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(source.timeout())
                .header("User-Agent", source.userAgent())
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) b.header("Content-Type", "application/json");
        headers.forEach(b::header);
        HttpRequest request = b.build();
        Try last;
        try {
            last = source.retry().run(n -> attempt(request, n, check), sleeper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source.id() + ": interrupted while fetching " + uri, e);
        }
        if (last.error() == null) return last.response();
        IOException e = last.error();
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
            throw new SourceUnavailableException(uri.toString(), e);
        }
        throw new SourceException(
                source.id() + ": " + method + " " + uri + " failed after "
                        + source.retry().attempts() + " attempts: " + HttpAnswers.describe(e),
                e);
    }

    private Backoff.Outcome<Try> attempt(HttpRequest request, int n, BodyCheck check) {
        awaitSlot(request.uri());
        HttpResponse<byte[]> r;
        // the request's own timeout ends when the headers arrive: this deadline bounds the body too (a slow drip)
        CompletableFuture<HttpResponse<byte[]>> answer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            r = answer.get(source.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Backoff.Outcome.retry(
                    new Try(null, new HttpTimeoutException("no complete answer within " + source.timeout())));
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof IOException io) return Backoff.Outcome.retry(new Try(null, io));
            throw new SourceException(
                    source.id() + ": " + request.method() + " " + request.uri() + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException(source.id() + ": interrupted while fetching " + request.uri(), e);
        }
        int s = r.statusCode();
        String problem = s >= 200 && s < 300 ? check.problem(r.body(), r.headers()) : null;
        Try t = new Try(new Response(request.uri(), s, r.headers(), r.body(), n, problem), null);
        if (s == 429)
            return Backoff.Outcome.retryAfter(
                    t, HttpAnswers.retryAfter(r.headers()).orElse(null));
        if (s >= 500 || problem != null) return Backoff.Outcome.retry(t);
        return Backoff.Outcome.done(t);
    }

    /**
     * Per-host rate limit, a Bucket4j token bucket of one token refilled every {@code 1/rate}: each request
     * reserves the next token and waits (through the sleeper) until it is due.
     */
    private void awaitSlot(URI uri) {
        BlockingBucket bucket = buckets.computeIfAbsent(
                uri.getHost() + ":" + uri.getPort(),
                host -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(1)
                                .refillGreedy(
                                        1, Duration.ofNanos(source.rateLimit().intervalNanos()))
                                .build())
                        .build()
                        .asBlocking());
        try {
            bucket.consume(1, nanos -> sleeper.sleep(Duration.ofNanos(nanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source.id() + ": interrupted while waiting", e);
        }
    }

    /** The absolute URL of {@code Link: <…>; rel="next"} (RFC 8288), resolved against {@code base}; null on the last page. */
    public static URI nextLink(HttpHeaders headers, URI base) {
        for (String link : headers.allValues("Link")) {
            for (String part : link.split(",(?=\\s*<)")) {
                Matcher m = NEXT.matcher(part);
                if (m.find()) {
                    return base.resolve(m.group(1).strip());
                }
            }
        }
        return null;
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }
}
