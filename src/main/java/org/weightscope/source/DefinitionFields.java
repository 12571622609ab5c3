package org.weightscope.source;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quartz.CronExpression;
import org.springframework.boot.convert.DurationStyle;
import org.weightscope.shared.Backoff;

/** Reading one field of a source definition file: each error names the file and the field. */
final class DefinitionFields {

    private DefinitionFields() {}

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
            return SourceDefinitions.YAML.treeToValue(node, type);
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

    static Map<String, SourceDefinition.Scope> scopes(Path file, JsonNode root, String schedule) {
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

    static Backoff retry(Path file, JsonNode node) {
        RetryFields r = convert(file, "retry", node, RetryFields.class);
        try {
            return new Backoff(
                    r.attempts() == null ? SourceDefinitions.DEFAULT_RETRY.attempts() : r.attempts(),
                    r.backoff() == null
                            ? SourceDefinitions.DEFAULT_RETRY.first()
                            : duration(file, "retry.backoff", r.backoff()),
                    r.maxBackoff() == null
                            ? SourceDefinitions.DEFAULT_RETRY.max()
                            : duration(file, "retry.maxBackoff", r.maxBackoff()));
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(file, "retry", e.getMessage());
        }
    }

    static Duration duration(Path file, String field, JsonNode node) {
        return duration(file, field, node.asText());
    }

    /** "2s", "500ms", "5m" (or ISO-8601 "PT2S"). */
    static Duration duration(Path file, String field, String text) {
        try {
            Duration d = DurationStyle.detectAndParse(text.strip());
            if (d.isNegative()) throw new IllegalArgumentException("negative");
            return d;
        } catch (IllegalArgumentException e) {
            throw new SourceDefinitionException(
                    file, field, "'" + text + "' is not a duration such as 2s, 500ms or 5m");
        }
    }

    static Map<String, String> strings(Path file, JsonNode root, String field) {
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

    static String required(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw new SourceDefinitionException(file, field, "is required");
        }
        return n.asText();
    }
}
