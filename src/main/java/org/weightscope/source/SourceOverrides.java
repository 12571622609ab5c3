package org.weightscope.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Configured overrides of a definition's fields ({@link SourceSettings#override()}), applied to the file's tree
 * before it is validated, so an overridden value is checked like one written in the file.
 */
final class SourceOverrides {

    private SourceOverrides() {}

    /** Sets {@code dotted} in the tree, matching existing keys ignoring case and dashes (as Spring keys come). */
    static void apply(ObjectNode root, String dotted, String value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String key = existingKey(node, parts[i]);
            if (i == parts.length - 1) {
                node.set(key, scalar(value));
            } else {
                JsonNode child = node.get(key);
                if (!(child instanceof ObjectNode)) {
                    child = node.putObject(key);
                }
                node = (ObjectNode) child;
            }
        }
    }

    private static String existingKey(ObjectNode node, String wanted) {
        String w = normal(wanted);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream()
                .filter(n -> normal(n).equals(w))
                .findFirst()
                .orElseGet(() -> SourceDefinitions.FIELDS.stream()
                        .filter(n -> normal(n).equals(w))
                        .findFirst()
                        .orElse(wanted));
    }

    private static String normal(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static JsonNode scalar(String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value.matches("-?[0-9]{1,9}")) return f.numberNode(Integer.parseInt(value));
        if (value.equals("true") || value.equals("false")) return f.booleanNode(Boolean.parseBoolean(value));
        return f.textNode(value);
    }
}
