package org.weightscope.source.browser;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quartz.CronExpression;

/**
 * One {@code crawlers/<hub>.yaml}: where a hub lives and how politely to crawl it. Bound with Jackson YAML
 * and validated by {@link #load(Path)}, so a broken file stops the crawler at start-up with the file and
 * field named, instead of crawling with a null base URL or an unlimited rate.
 *
 * @param id         hub id ("openrouter", "modelscope", "ollama")
 * @param kind       json | html | browser: how the main listing is read
 * @param baseUrl    scheme + host (+ optional path prefix), no trailing slash needed
 * @param schedule   Quartz cron expression (6 or 7 fields)
 * @param rateLimit  requests per second, &gt; 0 (e.g. 0.5 = one request every two seconds)
 * @param pageSize   items per page where the hub pages; null where it does not
 * @param userAgent  the User-Agent sent with every request (identifies us and a contact URL)
 * @param robotsTxt  whether robots.txt is fetched and obeyed before any other request
 * @param endpoints  named paths relative to baseUrl (e.g. models: /api/v1/models)
 * @param selectors  CSS selectors for HTML and browser pages, by field name
 * @param notes      free text for humans (why the rate, what the page is)
 */
public record SourceDefinition(
        String id,
        String kind,
        URI baseUrl,
        String schedule,
        Double rateLimit,
        Integer pageSize,
        String userAgent,
        Boolean robotsTxt,
        Map<String, String> endpoints,
        Map<String, String> selectors,
        String notes) {

    public static final List<String> KINDS = List.of("json", "html", "browser");

    // Unknown keys fail: a misspelt "rateLimt" must not silently fall back to no limit.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SourceDefinition {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        selectors = selectors == null ? Map.of() : Map.copyOf(selectors);
    }

    /** Reads and validates one source file; any problem is reported with the file and the field. */
    public static SourceDefinition load(Path file) {
        SourceDefinition def;
        try {
            def = YAML.readValue(Files.readString(file), SourceDefinition.class);
        } catch (IOException e) {
            throw new SourceException(file + ": cannot read source definition: " + e.getMessage(), e);
        }
        if (def == null) throw new SourceException(file + ": empty source definition");
        List<String> errors = def.validate();
        if (!errors.isEmpty()) throw new SourceException(file + ": " + String.join("; ", errors));
        return def;
    }

    /** All problems at once, each naming its field; empty when the definition is usable. */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (blank(id)) errors.add("required field 'id' is missing or blank");
        if (blank(kind)) errors.add("required field 'kind' is missing or blank");
        else if (!KINDS.contains(kind.toLowerCase(Locale.ROOT))) errors.add("field 'kind' must be one of " + KINDS + ", was '" + kind + "'");
        if (baseUrl == null || baseUrl.toString().isBlank()) errors.add("required field 'baseUrl' is missing or blank");
        else if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            errors.add("field 'baseUrl' must be an absolute http(s) URL, was '" + baseUrl + "'");
        }
        if (blank(schedule)) errors.add("required field 'schedule' is missing or blank");
        else if (!CronExpression.isValidExpression(schedule)) errors.add("field 'schedule' is not a Quartz cron expression: '" + schedule + "'");
        if (rateLimit == null) errors.add("required field 'rateLimit' is missing");
        else if (!(rateLimit > 0) || rateLimit.isInfinite()) errors.add("field 'rateLimit' must be > 0 requests per second, was " + rateLimit);
        if (pageSize != null && pageSize <= 0) errors.add("field 'pageSize' must be > 0, was " + pageSize);
        if (blank(userAgent)) errors.add("required field 'userAgent' is missing or blank");
        if (robotsTxt == null) errors.add("required field 'robotsTxt' is missing");
        endpoints.forEach((k, v) -> {
            if (blank(v)) errors.add("field 'endpoints." + k + "' is blank");
        });
        selectors.forEach((k, v) -> {
            if (blank(v)) errors.add("field 'selectors." + k + "' is blank");
        });
        return errors;
    }

    /** The selector for {@code field}; a missing one is a configuration error naming the source and field. */
    public String selector(String field) {
        String s = selectors.get(field);
        if (blank(s)) throw new SourceException(id + ".yaml: required field 'selectors." + field + "' is missing or blank");
        return s;
    }

    /** The path of a named endpoint, e.g. "models" → "/api/v1/models". */
    public String endpoint(String name) {
        String s = endpoints.get(name);
        if (blank(s)) throw new SourceException(id + ".yaml: required field 'endpoints." + name + "' is missing or blank");
        return s;
    }

    /** {@code baseUrl} + a path (and query) that starts with '/'. */
    public URI resolve(String pathAndQuery) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    /** Same source pointed elsewhere (tests, mirrors); everything else kept. */
    public SourceDefinition withBaseUrl(URI url) {
        return new SourceDefinition(id, kind, url, schedule, rateLimit, pageSize, userAgent, robotsTxt, endpoints, selectors, notes);
    }

    /** Same source with other selectors (used to prove a changed page fails loudly). */
    public SourceDefinition withSelectors(Map<String, String> replaced) {
        return new SourceDefinition(id, kind, baseUrl, schedule, rateLimit, pageSize, userAgent, robotsTxt, endpoints, replaced, notes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
