package org.weightscope.source.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code /api/v1/models}; fields OpenRouter added over time (benchmarks, reasoning, alias_target) are ignored. */
final class CatalogueParser {

    private CatalogueParser() {}

    static List<RouterModel> parse(String body) {
        JsonNode data = OpenRouterJson.data("models", OpenRouterJson.root("models", body));
        List<RouterModel> out = new ArrayList<>(data.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode m = data.get(i);
            String id = text(m, "id");
            if (id == null) throw new OpenRouterException("models: data[" + i + "] has no id");
            if (!seen.add(id)) throw new OpenRouterException("models: id " + id + " listed twice");
            JsonNode arch = m.path("architecture");
            JsonNode pricing = m.path("pricing");
            out.add(new RouterModel(
                    id,
                    text(m, "canonical_slug"),
                    text(m, "hugging_face_id"),
                    text(m, "name"),
                    m.hasNonNull("created")
                            ? Instant.ofEpochSecond(m.get("created").asLong())
                            : null,
                    price(pricing, "prompt", id),
                    price(pricing, "completion", id),
                    m.hasNonNull("context_length") ? m.get("context_length").asLong() : null,
                    text(arch, "modality"),
                    strings(arch.path("input_modalities")),
                    strings(arch.path("output_modalities"))));
        }
        return out;
    }

    /** USD per token from the decimal string; "-1" (router: price of whatever it routes to) becomes null. */
    private static BigDecimal price(JsonNode pricing, String field, String id) {
        JsonNode n = pricing.get(field);
        if (n == null || n.isNull()) return null;
        try {
            // textValue keeps the exact digits; numbers (not seen so far) go through their decimal text too
            BigDecimal v = new BigDecimal(n.isTextual() ? n.textValue().strip() : n.asText());
            return v.signum() < 0 ? null : v;
        } catch (NumberFormatException e) {
            throw new OpenRouterException(
                    "models: " + id + " pricing." + field + " is not a number: '" + n.asText() + "'");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr.isArray()) arr.forEach(v -> out.add(v.asText()));
        return out;
    }
}
