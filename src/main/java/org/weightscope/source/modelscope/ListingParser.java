package org.weightscope.source.modelscope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.weightscope.shared.Json;

/**
 * Reads the dolphin listing envelope {@code {"Code":200,"Data":{"Model":{"Models":[…],"TotalCount":n}},"Success":true}}.
 * Only the fields we store are read; the card text, widget config and personal fields are left alone.
 */
final class ListingParser {

    private static final ObjectMapper JSON = Json.mapper();

    private ListingParser() {}

    static ListingPage parse(String body, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ModelScopeException(where + ": response is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new ModelScopeException(where + ": response is not a JSON object");
        if (root.has("Success") && !root.get("Success").asBoolean()) {
            throw new ModelScopeException(where + ": ModelScope says Success=false, Code="
                    + root.path("Code").asText() + ", Message="
                    + root.path("Message").asText());
        }
        JsonNode models = root.path("Data").path("Model").path("Models");
        if (!models.isArray()) throw new ModelScopeException(where + ": response has no Data.Model.Models array");
        List<ScopeModel> out = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            JsonNode m = models.get(i);
            String at = where + ": Models[" + i + "]";
            String name = text(m, "Name");
            String path = text(m, "Path");
            if (name == null || path == null) throw new ModelScopeException(at + " has no Name or Path");
            out.add(new ScopeModel(
                    name,
                    path,
                    count(m, "Downloads", at),
                    count(m, "Stars", at),
                    text(m, "License"),
                    time(m, "CreatedTime"),
                    time(m, "LastUpdatedTime"),
                    strings(m.path("BaseModel")),
                    text(m, "BaseModelRelation"),
                    tasks(m.path("Tasks")),
                    text(m.path("Organization"), "Name")));
        }
        return new ListingPage(
                out, root.path("Data").path("Model").path("TotalCount").asLong(-1));
    }

    private static long count(JsonNode m, String field, String at) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull()) return 0; // absent counter: nothing counted yet
        if (!v.canConvertToLong() || v.asLong() < 0)
            throw new ModelScopeException(at + "." + field + " is not a count: " + v);
        return v.asLong();
    }

    private static Instant time(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v == null || v.isNull() || v.asLong() <= 0 ? null : Instant.ofEpochSecond(v.asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }

    /** BaseModel is a list; tolerate a bare string too. */
    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) out.add(v.asText().strip());
            });
        } else if (n.isTextual() && !n.asText().isBlank()) {
            out.add(n.asText().strip());
        }
        return out;
    }

    private static List<String> tasks(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(t -> {
                String name = t.isTextual() ? t.asText() : t.path("Name").asText("");
                if (!name.isBlank()) out.add(name.strip());
            });
        }
        return out;
    }
}
