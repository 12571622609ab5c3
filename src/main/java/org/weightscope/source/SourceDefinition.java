package org.weightscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.weightscope.shared.Backoff;

/**
 * One source definition file {@code crawlers/<id>.yaml}, read and validated by {@link SourceDefinitions}: where
 * the source lives, how politely to fetch it, its scopes, and (for a hub that needs no Java) how its listing
 * maps to {@link RawItem} fields. A hub with code of its own binds its own section, the one named like the
 * file, with {@link #bind}.
 *
 * @param id        the file's base name, e.g. {@code huggingface}
 * @param kind      how the listing is read: {@code json} (HTTP, JSON paths), {@code html} (HTTP, CSS
 *                  selectors) or {@code browser} (Chromium, CSS selectors)
 * @param baseUrl   absolute http(s) URL every path is resolved against
 * @param schedule  Quartz cron of a scope that names none
 * @param rateLimit requests per second against each host
 * @param pageSize  items per listing page; 0 where the source's pages have a fixed size
 * @param userAgent sent with every request (names us and a contact URL)
 * @param robotsTxt whether robots.txt is fetched and obeyed before any other request
 * @param retry     tries and waits for 429 (Retry-After honoured), 5xx, timeouts and broken bodies
 * @param timeout   per request (and to connect)
 * @param endpoints named paths relative to the base URL ({@code models: /api/v1/models})
 * @param selectors CSS selectors of HTML and browser pages, by field name
 * @param scopes    what can be crawled, by name; a {@link Scope#complete() complete} scope is the whole
 *                  listing, so ingest records what it no longer lists as removed
 * @param listing   the generic listing mapping; null for a hub with its own code
 * @param file      the file it was read from (for messages)
 * @param raw       the whole file as a tree (after overrides), for {@link #bind}
 */
public record SourceDefinition(
        String id,
        Kind kind,
        URI baseUrl,
        String schedule,
        RateLimit rateLimit,
        int pageSize,
        String userAgent,
        boolean robotsTxt,
        Backoff retry,
        Duration timeout,
        Map<String, String> endpoints,
        Map<String, String> selectors,
        Map<String, Scope> scopes,
        Listing listing,
        Path file,
        JsonNode raw) {

    public enum Kind {
        JSON,
        HTML,
        BROWSER;

        static Kind parse(String text) {
            return Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param schedule Quartz cron; the definition's {@code schedule} when absent
     * @param complete true when a finished crawl of this scope is the source's whole listing
     */
    public record Scope(String schedule, boolean complete) {}

    /**
     * The generic listing mapping: a simple hub declared as data.
     *
     * @param endpoint   name of the endpoint listed
     * @param items      JSON: dot path of the item array ({@code data}; empty for the root); HTML: CSS selector
     *                   of one item
     * @param next       {@code link}: follow {@code Link: <…>; rel="next"}; absent: one page
     * @param fields     {@link RawItem} field → JSON dot path in an item, or CSS selector ({@code sel@attr} for
     *                   an attribute); {@code repoId} is required
     * @param recordings where the bundled captures of this listing are; null when there are none
     */
    public record Listing(
            String endpoint, String items, String next, Map<String, String> fields, Recordings recordings) {

        public Listing {
            items = items == null ? "" : items;
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /**
     * Captures {@code <recordings dir>/<folder>/<prefix>[…_]<yyyy-MM-dd>[T…]<suffix>} (crawlers/fixtures/PROVENANCE.md).
     *
     * @param complete whether each capture is the whole listing of its day
     */
    public record Recordings(String folder, String prefix, String suffix, boolean complete) {}

    /** {@code "5/s"}, {@code "300/min"}, {@code "10000/h"} or a bare number of requests per second. */
    public record RateLimit(double perSecond) {

        public static RateLimit parse(String text) {
            String t = text.strip();
            if (t.matches("[0-9]+(\\.[0-9]+)?")) t = t + "/s";
            int slash = t.indexOf('/');
            if (slash < 1) {
                throw new IllegalArgumentException("'" + text + "' is not <requests>/<s|min|h> or requests per second");
            }
            double n;
            try {
                n = Double.parseDouble(t.substring(0, slash).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not <requests>/<s|min|h> or requests per second");
            }
            double seconds = switch (t.substring(slash + 1).strip()) {
                case "s", "sec", "second" -> 1;
                case "min", "minute" -> 60;
                case "h", "hour" -> 3600;
                default -> throw new IllegalArgumentException("'" + text + "': unit must be s, min or h");
            };
            if (!(n > 0) || Double.isInfinite(n)) {
                throw new IllegalArgumentException("'" + text + "': requests must be > 0");
            }
            return new RateLimit(n / seconds);
        }

        /** Minimum gap between two requests to a host, in nanoseconds. */
        public long intervalNanos() {
            return (long) (1_000_000_000L / perSecond);
        }
    }

    public SourceDefinition {
        endpoints = Map.copyOf(endpoints);
        selectors = Map.copyOf(selectors);
        scopes = Map.copyOf(scopes);
    }

    /** The path of a named endpoint; a missing one is a definition error naming the file and field. */
    public String endpoint(String name) {
        String s = endpoints.get(name);
        if (s == null || s.isBlank()) throw new SourceDefinitionException(file, "endpoints." + name, "is required");
        return s;
    }

    /** The selector of {@code field}; a missing one is a definition error naming the file and field. */
    public String selector(String field) {
        String s = selectors.get(field);
        if (s == null || s.isBlank()) throw new SourceDefinitionException(file, "selectors." + field, "is required");
        return s;
    }

    /** {@code baseUrl} + a path (and query). */
    public URI resolve(String pathAndQuery) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    public Scope scope(String name) {
        Scope s = scopes.get(name);
        if (s == null) {
            throw new IllegalArgumentException("source " + id + " has no scope '" + name + "' " + scopes.keySet());
        }
        return s;
    }

    /** The definition's scope names, sorted. */
    public List<String> scopeNames() {
        return scopes.keySet().stream().sorted().toList();
    }

    /**
     * Binds this hub's own section (the key named like the file, e.g. {@code huggingface:}) to a record;
     * unknown fields and values its constructor rejects are reported with the file and the field path.
     */
    public <T> T bind(Class<T> type) {
        return DefinitionFields.convert(file, id, raw.get(id), type);
    }

    /** The same source with other selectors (to prove a changed page fails loudly). */
    public SourceDefinition withSelectors(Map<String, String> replaced) {
        return new SourceDefinition(
                id, kind, baseUrl, schedule, rateLimit, pageSize, userAgent, robotsTxt, retry, timeout, endpoints,
                replaced, scopes, listing, file, raw);
    }
}
