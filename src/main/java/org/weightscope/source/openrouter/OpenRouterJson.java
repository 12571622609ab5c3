package org.weightscope.source.openrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.weightscope.shared.Json;

/** OpenRouter's JSON answers: a root object with a {@code data} array; errors name the answer ({@code what}). */
final class OpenRouterJson {

    private static final ObjectMapper JSON = Json.mapper();

    private OpenRouterJson() {}

    /** The parsed body (null for an empty one). */
    static JsonNode root(String what, String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new OpenRouterException(what + ": response is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode data(String what, JsonNode root) {
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) throw new OpenRouterException(what + ": response has no \"data\" array");
        return data;
    }
}
