package org.weightscope.source.huggingface;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.weightscope.shared.HubFigures;
import org.weightscope.shared.Json;
import org.weightscope.source.RawItem;

/** One Hub model body (list item, {@code /api/models/{id}} or a trending entry's repoData) as a raw item. */
final class HubItems {

    static final String HUB = "huggingface";
    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private HubItems() {}

    static RawItem item(JsonNode item) {
        String repoId = item.path("id").asText(item.path("modelId").asText());
        List<String> tags = new ArrayList<>();
        item.path("tags").forEach(t -> tags.add(t.asText()));
        Map<String, Object> cardData =
                item.path("cardData").isObject() ? JSON.convertValue(item.get("cardData"), MAP) : Map.of();
        Map<String, Long> dtypes = new LinkedHashMap<>();
        JsonNode safetensors = item.path("safetensors");
        safetensors
                .path("parameters")
                .fields()
                .forEachRemaining(e -> dtypes.put(e.getKey(), e.getValue().asLong()));
        Long total = null;
        if (safetensors.hasNonNull("total")) {
            total = safetensors.get("total").asLong();
        } else if (item.path("gguf").hasNonNull("total")) {
            total = item.get("gguf").get("total").asLong();
        } else if (item.hasNonNull("numParameters")) {
            total = item.get("numParameters").asLong();
        }
        return new RawItem(
                HUB,
                repoId,
                text(item, "author"),
                text(item, "pipeline_tag"),
                text(item, "library_name"),
                tags,
                cardData,
                dtypes,
                total,
                null,
                null,
                new HubFigures(
                        item.has("gated") && !item.get("gated").isNull()
                                ? item.get("gated").asText()
                                : null,
                        text(item, "sha"),
                        instant(item, "createdAt"),
                        instant(item, "lastModified"),
                        number(item, "downloads"),
                        number(item, "downloadsAllTime"),
                        number(item, "likes")));
    }

    private static Long number(JsonNode item, String field) {
        return item.hasNonNull(field) && item.get(field).isNumber()
                ? item.get(field).asLong()
                : null;
    }

    private static String text(JsonNode item, String field) {
        return item.hasNonNull(field) ? item.get(field).asText() : null;
    }

    private static Instant instant(JsonNode item, String field) {
        if (!item.hasNonNull(field)) return null;
        try {
            return Instant.parse(item.get(field).asText());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
