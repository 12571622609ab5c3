package org.weightscope.source;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;
import org.weightscope.shared.Backoff;
import org.weightscope.shared.Json;

/**
 * Every source definition {@code <dir>/<id>.yaml}, each read and validated once at start-up (the one loader):
 * a bad file stops the app with an error naming the file and the field. Configured overrides
 * ({@link SourceSettings#override()}) are applied to a file's tree before it is validated.
 */
@Component
public class SourceDefinitions {

    private static final Logger log = LoggerFactory.getLogger(SourceDefinitions.class);
    private static final ObjectMapper YAML = Json.strictYaml();
    /** The generic fields; besides them a file may hold only its hub's own section (the key named like the file). */
    static final Set<String> FIELDS = Set.of(
            "id",
            "kind",
            "baseUrl",
            "schedule",
            "rateLimit",
            "pageSize",
            "userAgent",
            "robotsTxt",
            "retry",
            "timeout",
            "endpoints",
            "selectors",
            "scopes",
            "listing",
            "notes");

    static final Backoff DEFAULT_RETRY = new Backoff(4, Duration.ofSeconds(2), Duration.ofMinutes(2));
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, SourceDefinition> byId;

    @org.springframework.beans.factory.annotation.Autowired
    public SourceDefinitions(SourceSettings settings) {
        this.byId = loadAll(settings.dir(), settings.override());
    }

    public SourceDefinitions(Path dir) {
        this(new SourceSettings(dir, Map.of()));
    }

    public Optional<SourceDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public SourceDefinition get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no source definition '" + id + "'"));
    }

    public List<SourceDefinition> all() {
        return List.copyOf(byId.values());
    }

    static Map<String, SourceDefinition> loadAll(Path dir, Map<String, Map<String, String>> overrides) {
        Map<String, SourceDefinition> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                SourceDefinition d = load(file, overrides.getOrDefault(id, Map.of()));
                out.put(d.id(), d);
            }
        } catch (IOException e) {
            throw new SourceDefinitionException(dir, "cannot list the source definitions", e);
        }
        overrides.keySet().stream()
                .filter(id -> !out.containsKey(id))
                .forEach(id -> log.warn("Overrides for source '{}' ignored: no {}/{}.yaml", id, dir, id));
        return out;
    }

    public static SourceDefinition load(Path file) {
        return load(file, Map.of());
    }

    /** Reads one file, applies {@code overrides} (dotted path → value) and validates it. */
    public static SourceDefinition load(Path file, Map<String, String> overrides) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new SourceDefinitionException(file, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SourceDefinitionException(file, "(root)", "must be a mapping");
        }
        overrides.forEach((path, value) -> SourceOverrides.apply((ObjectNode) root, path, value));
        String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String id = required(file, root, "id");
        if (!id.equals(expectedId)) {
            throw new SourceDefinitionException(
                    file, "id", "'" + id + "' must equal the file name '" + expectedId + "'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !name.equals(id)) {
                throw new SourceDefinitionException(
                        file,
                        name,
                        "unknown field (known: " + FIELDS.stream().sorted().toList() + " and the hub's own section '"
                                + id + "')");
            }
        }
        String kindText = required(file, root, "kind");
        SourceDefinition.Kind kind;
        try {
            kind = SourceDefinition.Kind.parse(kindText);
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(
                    file, "kind", "must be one of json, html, browser, was '" + kindText + "'");
        }
        String base = required(file, root, "baseUrl");
        URI baseUrl;
        try {
            baseUrl = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(file, "baseUrl", "'" + base + "' is not a URL");
        }
        if (!baseUrl.isAbsolute()
                || !List.of("http", "https").contains(baseUrl.getScheme())
                || baseUrl.getHost() == null) {
            throw new SourceDefinitionException(file, "baseUrl", "'" + base + "' must be an absolute http(s) URL");
        }
        String schedule = required(file, root, "schedule");
        checkCron(file, "schedule", schedule);
        SourceDefinition.RateLimit rateLimit;
        try {
            rateLimit = SourceDefinition.RateLimit.parse(required(file, root, "rateLimit"));
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(file, "rateLimit", e.getMessage());
        }
        JsonNode size = root.get("pageSize");
        int pageSize = 0;
        if (size != null) {
            if (!size.canConvertToInt() || size.asInt() < 1 || size.asInt() > 10_000) {
                throw new SourceDefinitionException(file, "pageSize", "must be an integer in 1..10000, was " + size);
            }
            pageSize = size.asInt();
        }
        String userAgent = required(file, root, "userAgent");
        JsonNode robots = root.get("robotsTxt");
        if (robots == null || !robots.isBoolean()) {
            throw new SourceDefinitionException(file, "robotsTxt", "is required: true or false");
        }
        Backoff retry = root.has("retry") ? retry(file, root.get("retry")) : DEFAULT_RETRY;
        Duration timeout = root.has("timeout") ? duration(file, "timeout", root.get("timeout")) : DEFAULT_TIMEOUT;
        Map<String, String> endpoints = strings(file, root, "endpoints");
        Map<String, String> selectors = strings(file, root, "selectors");
        Map<String, SourceDefinition.Scope> scopes = scopes(file, root, schedule);
        SourceDefinition.Listing listing = root.has("listing")
                ? convert(file, "listing", root.get("listing"), SourceDefinition.Listing.class)
                : null;
        if (listing != null) {
            if (listing.endpoint() == null || !endpoints.containsKey(listing.endpoint())) {
                throw new SourceDefinitionException(
                        file, "listing.endpoint", "must name one of endpoints " + endpoints.keySet());
            }
            if (!listing.fields().containsKey("repoId")) {
                throw new SourceDefinitionException(file, "listing.fields.repoId", "is required");
            }
            for (String field : listing.fields().keySet()) {
                if (!RawItem.FIELDS.contains(field)) {
                    throw new SourceDefinitionException(
                            file, "listing.fields." + field, "is not a field of an item " + RawItem.FIELDS);
                }
            }
            if (listing.next() != null && !listing.next().equals("link")) {
                throw new SourceDefinitionException(
                        file, "listing.next", "must be 'link' or absent, was '" + listing.next() + "'");
            }
        }
        return new SourceDefinition(
                id,
                kind,
                baseUrl,
                schedule,
                rateLimit,
                pageSize,
                userAgent,
                robots.asBoolean(),
                retry,
                timeout,
                endpoints,
                selectors,
                scopes,
                listing,
                file,
                root);
    }

    /** Validates a Quartz cron expression; the error names the file and field. */
    public static void checkCron(Path file, String field, String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            String why;
            try {
                CronExpression.validateExpression(cron);
                why = "invalid";
            } catch (java.text.ParseException e) {
                why = e.getMessage();
            }
            throw new SourceDefinitionException(
                    file, field, "'" + cron + "' is not a Quartz cron expression (" + why + "), e.g. \"0 0 3 * * ?\"");
        }
    }

    /** Binds {@code node} (at {@code path} of the file) to a record; errors name the file and the field path. */
    static <T> T convert(Path file, String path, JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            throw new SourceDefinitionException(file, path, "is required");
        }
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String at = path
                    + e.getPath().stream()
                            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                            .reduce("", String::concat);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
            throw new SourceDefinitionException(file, at, message);
        } catch (IOException e) {
            throw new SourceDefinitionException(file, path, e.getMessage());
        }
    }

    private static Map<String, SourceDefinition.Scope> scopes(Path file, JsonNode root, String schedule) {
        JsonNode node = root.get("scopes");
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new SourceDefinitionException(
                    file, "scopes", "is required: at least one scope, e.g. full: {complete: true}");
        }
        Map<String, SourceDefinition.Scope> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String at = "scopes." + e.getKey();
            JsonNode s = e.getValue() == null || e.getValue().isNull()
                    ? JsonNodeFactory.instance.objectNode()
                    : e.getValue();
            SourceDefinition.Scope scope = convert(file, at, s, SourceDefinition.Scope.class);
            String cron = scope.schedule() == null ? schedule : scope.schedule();
            checkCron(file, at + ".schedule", cron);
            out.put(e.getKey(), new SourceDefinition.Scope(cron, scope.complete()));
        });
        return out;
    }

    private record RetryFields(Integer attempts, String backoff, String maxBackoff) {}

    private static Backoff retry(Path file, JsonNode node) {
        RetryFields r = convert(file, "retry", node, RetryFields.class);
        try {
            return new Backoff(
                    r.attempts() == null ? DEFAULT_RETRY.attempts() : r.attempts(),
                    r.backoff() == null ? DEFAULT_RETRY.first() : duration(file, "retry.backoff", r.backoff()),
                    r.maxBackoff() == null ? DEFAULT_RETRY.max() : duration(file, "retry.maxBackoff", r.maxBackoff()));
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(file, "retry", e.getMessage());
        }
    }

    private static Duration duration(Path file, String field, JsonNode node) {
        return duration(file, field, node.asText());
    }

    /** "2s", "500ms", "5m" (or ISO-8601 "PT2S"). */
    private static Duration duration(Path file, String field, String text) {
        try {
            Duration d = DurationStyle.detectAndParse(text.strip());
            if (d.isNegative()) throw new IllegalArgumentException("negative");
            return d;
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(
                    file, field, "'" + text + "' is not a duration such as 2s, 500ms or 5m");
        }
    }

    private static Map<String, String> strings(Path file, JsonNode root, String field) {
        JsonNode node = root.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw new SourceDefinitionException(file, field, "must be a mapping of names to text");
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().asText().isBlank()) {
                throw new SourceDefinitionException(file, field + "." + e.getKey(), "is blank");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static String required(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw new SourceDefinitionException(file, field, "is required");
        }
        return n.asText();
    }
}
