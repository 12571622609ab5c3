package org.weightscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    static final ObjectMapper YAML = Json.strictYaml();
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
        String id = DefinitionFields.required(file, root, "id");
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
        String kindText = DefinitionFields.required(file, root, "kind");
        SourceDefinition.Kind kind;
        try {
            kind = SourceDefinition.Kind.parse(kindText);
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(
                    file, "kind", "must be one of json, html, browser, was '" + kindText + "'");
        }
        String base = DefinitionFields.required(file, root, "baseUrl");
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
        String schedule = DefinitionFields.required(file, root, "schedule");
        DefinitionFields.checkCron(file, "schedule", schedule);
        SourceDefinition.RateLimit rateLimit;
        try {
            rateLimit = SourceDefinition.RateLimit.parse(DefinitionFields.required(file, root, "rateLimit"));
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
        String userAgent = DefinitionFields.required(file, root, "userAgent");
        JsonNode robots = root.get("robotsTxt");
        if (robots == null || !robots.isBoolean()) {
            throw new SourceDefinitionException(file, "robotsTxt", "is required: true or false");
        }
        Backoff retry = root.has("retry") ? DefinitionFields.retry(file, root.get("retry")) : DEFAULT_RETRY;
        Duration timeout =
                root.has("timeout") ? DefinitionFields.duration(file, "timeout", root.get("timeout")) : DEFAULT_TIMEOUT;
        Map<String, String> endpoints = DefinitionFields.strings(file, root, "endpoints");
        Map<String, String> selectors = DefinitionFields.strings(file, root, "selectors");
        Map<String, SourceDefinition.Scope> scopes = DefinitionFields.scopes(file, root, schedule);
        SourceDefinition.Listing listing = root.has("listing")
                ? DefinitionFields.convert(file, "listing", root.get("listing"), SourceDefinition.Listing.class)
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
}
