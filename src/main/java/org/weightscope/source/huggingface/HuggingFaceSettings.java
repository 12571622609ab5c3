package org.weightscope.source.huggingface;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub-specific section {@code huggingface:} of {@code crawlers/huggingface.yaml}.
 *
 * @param expand    fields requested with {@code expand[]=} on every listing
 * @param userAgent sent with every request
 * @param tokenEnv  environment variable holding an optional access token (sent as Bearer, never logged)
 * @param scopes    {@code tracked} (registry namespaces + top N by downloads) and {@code full}
 * @param detail    when to ask {@code /api/models/{id}} for an item the listing left incomplete
 * @param retry     bounded backoff for 429 (honouring {@code Retry-After}), 5xx, timeouts and broken bodies
 * @param timeoutMs per-request timeout
 */
public record HuggingFaceSettings(List<String> expand, String userAgent, String tokenEnv, Map<String, Scope> scopes,
        Detail detail, Retry retry, int timeoutMs) {

    public static final Set<String> SCOPES = Set.of("tracked", "full");

    @JsonCreator
    public HuggingFaceSettings(@JsonProperty("expand") List<String> expand,
            @JsonProperty("userAgent") String userAgent, @JsonProperty("tokenEnv") String tokenEnv,
            @JsonProperty("scopes") Map<String, Scope> scopes, @JsonProperty("detail") Detail detail,
            @JsonProperty("retry") Retry retry, @JsonProperty("timeoutMs") int timeoutMs) {
        if (expand == null || expand.isEmpty()) throw new IllegalArgumentException("expand: at least one field is required");
        if (userAgent == null || userAgent.isBlank()) throw new IllegalArgumentException("userAgent is required");
        if (scopes == null || !scopes.keySet().equals(SCOPES)) {
            throw new IllegalArgumentException("scopes must be exactly " + SCOPES + ", was " + (scopes == null ? null : scopes.keySet()));
        }
        if (scopes.get("tracked").topN() < 0) throw new IllegalArgumentException("scopes.tracked.topN must be >= 0");
        if (timeoutMs <= 0) throw new IllegalArgumentException("timeoutMs must be > 0");
        this.expand = List.copyOf(expand);
        this.userAgent = userAgent;
        this.tokenEnv = tokenEnv;
        this.scopes = Map.copyOf(scopes);
        this.detail = detail == null ? new Detail(List.of(), List.of()) : detail;
        this.retry = retry == null ? new Retry(5, 1000, 60_000) : retry;
        this.timeoutMs = timeoutMs;
    }

    /** @param topN how many of the most downloaded models the tracked scope adds (0: none) */
    public record Scope(String schedule, int topN) {
        public Scope {
            if (schedule == null || schedule.isBlank()) throw new IllegalArgumentException("schedule is required");
        }
    }

    /** @param scopes where details are fetched; @param whenMissing fields whose absence triggers it */
    public record Detail(List<String> scopes, List<String> whenMissing) {
        public Detail {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            whenMissing = whenMissing == null ? List.of() : List.copyOf(whenMissing);
        }
    }

    /**
     * @param attempts     tries per request (first one included)
     * @param backoffMs    first wait; doubled after each failure
     * @param maxBackoffMs bound of any wait, {@code Retry-After} included
     */
    public record Retry(int attempts, long backoffMs, long maxBackoffMs) {
        public Retry {
            if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1");
            if (backoffMs < 0 || maxBackoffMs < backoffMs) throw new IllegalArgumentException("need 0 <= backoffMs <= maxBackoffMs");
        }
    }
}
