package org.weightscope.source.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weightscope.shared.Json;
import org.weightscope.source.BodyCheck;
import org.weightscope.source.Fetcher;
import org.weightscope.source.SourceException;

/**
 * The Hub's API over the polite {@link Fetcher}: the optional token as Bearer (never logged), bodies that are
 * not complete JSON retried like a 5xx. Listing pages are followed through the {@code Link: <…>; rel="next"}
 * header, never with {@code skip}.
 */
public class HuggingFaceClient {

    private static final Logger log = LoggerFactory.getLogger(HuggingFaceClient.class);
    private static final ObjectMapper JSON = Json.mapper();

    private final Fetcher fetcher;
    private final URI baseUrl;
    private final HuggingFaceSettings settings;
    private final Map<String, String> headers = new LinkedHashMap<>();

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

    public HuggingFaceClient(Fetcher fetcher, HuggingFaceSettings settings, Function<String, String> env) {
        this.fetcher = fetcher;
        this.baseUrl = fetcher.source().baseUrl();
        this.settings = settings;
        String t = settings.tokenEnv() == null ? null : env.apply(settings.tokenEnv());
        headers.put("Accept", "application/json");
        if (t != null && !t.isBlank()) headers.put("Authorization", "Bearer " + t.strip());
        log.info(
                "Hugging Face client for {} ({} req/s, token {})",
                baseUrl,
                fetcher.source().rateLimit().perSecond(),
                headers.containsKey("Authorization") ? "present" : "absent");
    }

    /** {@code /api/models?<query>&limit=<n>&expand[]=…} */
    public URI listUrl(Map<String, String> query, int limit) {
        StringBuilder q = new StringBuilder();
        query.forEach(
                (k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(enc(v)));
        q.append(q.isEmpty() ? "" : "&").append("limit=").append(limit);
        for (String field : settings.expand()) {
            q.append("&expand%5B%5D=").append(enc(field));
        }
        return baseUrl.resolve("/api/models?" + q);
    }

    /** Fetches one listing page (retrying as configured). */
    public ListPage list(URI url) {
        Fetcher.Response r = fetch(url);
        URI next = Fetcher.nextLink(r.headers(), baseUrl);
        if (r.status() == 404) throw new PageException("HTTP 404", null);
        JsonNode body = json(r, next);
        if (!body.isArray()) {
            throw new PageException("body is not a JSON array", next);
        }
        List<JsonNode> items = new ArrayList<>(body.size());
        body.forEach(items::add);
        return new ListPage(url, items, next);
    }

    /** {@code /api/models/{id}}, or empty when the Hub does not know it (404). */
    public Optional<JsonNode> model(String repoId) {
        Fetcher.Response r = fetch(baseUrl.resolve("/api/models/" + repoId));
        return r.status() == 404 ? Optional.empty() : Optional.of(json(r, null));
    }

    private Fetcher.Response fetch(URI url) {
        try {
            return fetcher.fetch("GET", url, null, headers, BodyCheck.JSON);
        } catch (SourceException e) {
            // timeouts and resets after every retry: this page is given up on, the walk goes on
            throw new PageException(e.getMessage(), null);
        }
    }

    /** The body of a complete 200, else the page is given up on with why (and the next page where known). */
    private static JsonNode json(Fetcher.Response r, URI next) {
        if (r.status() == 200 && r.problem() == null) {
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new PageException("broken JSON: " + firstLine(e.getMessage()), next);
            }
        }
        boolean retried = r.problem() != null || r.status() == 429 || r.status() >= 500;
        String reason = r.problem() != null ? r.problem() : "HTTP " + r.status();
        throw new PageException(
                retried ? reason + " after " + r.attempts() + " attempts" : reason, r.problem() != null ? next : null);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
