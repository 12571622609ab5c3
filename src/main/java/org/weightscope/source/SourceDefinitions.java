package org.weightscope.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Every source definition {@code <dir>/<id>.yaml}, read and validated once at start-up: a bad file stops
 * the app with an error naming the file and the field.
 */
@Component
public class SourceDefinitions {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, SourceDefinition> byId;

    @org.springframework.beans.factory.annotation.Autowired
    SourceDefinitions(SourceSettings settings) {
        this(settings.dir());
    }

    public SourceDefinitions(Path dir) {
        this.byId = loadAll(dir);
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

    static Map<String, SourceDefinition> loadAll(Path dir) {
        Map<String, SourceDefinition> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                SourceDefinition d = load(file);
                out.put(d.id(), d);
            }
        } catch (IOException e) {
            throw new SourceDefinitionException(dir, "cannot list the source definitions", e);
        }
        return out;
    }

    /** Reads and validates one file (the generic fields). */
    public static SourceDefinition load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new SourceDefinitionException(file, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SourceDefinitionException(file, "(root)", "must be a mapping");
        }
        String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String id = required(file, root, "id");
        if (!id.equals(expectedId)) {
            throw new SourceDefinitionException(file, "id", "'" + id + "' must equal the file name '" + expectedId + "'");
        }
        String kind = required(file, root, "kind");
        String base = required(file, root, "baseUrl");
        URI baseUrl;
        try {
            baseUrl = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(file, "baseUrl", "'" + base + "' is not a URL");
        }
        if (!baseUrl.isAbsolute() || !List.of("http", "https").contains(baseUrl.getScheme()) || baseUrl.getHost() == null) {
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
        // optional: a source whose pages have a fixed size (an HTML listing) has none
        JsonNode size = root.get("pageSize");
        int pageSize = 0;
        if (size != null) {
            if (!size.canConvertToInt() || size.asInt() < 1 || size.asInt() > 10_000) {
                throw new SourceDefinitionException(file, "pageSize", "must be an integer in 1..10000, was " + size);
            }
            pageSize = size.asInt();
        }
        return new SourceDefinition(id, kind, baseUrl, schedule, rateLimit, pageSize, file, root);
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
            throw new SourceDefinitionException(file, field, "'" + cron + "' is not a Quartz cron expression (" + why
                    + "), e.g. \"0 0 3 * * ?\"");
        }
    }

    /**
     * Binds one section of a definition (its hub-specific part) to a record; unknown fields and values a
     * record's constructor rejects are reported with the file and the field path.
     */
    public static <T> T bind(SourceDefinition definition, String section, Class<T> type) {
        JsonNode node = definition.raw().get(section);
        if (node == null || node.isNull()) {
            throw new SourceDefinitionException(definition.file(), section, "is required");
        }
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String path = section + e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce("", String::concat);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
            throw new SourceDefinitionException(definition.file(), path, message);
        } catch (IOException e) {
            throw new SourceDefinitionException(definition.file(), section, e.getMessage());
        }
    }

    private static String required(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw new SourceDefinitionException(file, field, "is required");
        }
        return n.asText();
    }
}
