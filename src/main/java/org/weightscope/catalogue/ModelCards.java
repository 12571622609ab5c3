package org.weightscope.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.weightscope.shared.Json;

/** Splits a hub model card (README.md) into its YAML front matter and markdown body. */
public final class ModelCards {

    private static final ObjectMapper YAML = Json.yaml();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private ModelCards() {}

    /**
     * The front matter as a map (HF calls it cardData); empty if the card has none or it is not valid YAML,
     * because a broken card must not stop a crawl.
     */
    public static Map<String, Object> frontMatter(String markdown) {
        int[] span = span(markdown);
        if (span == null) return Map.of();
        String yaml = markdown.substring(span[0], span[1]);
        if (yaml.isBlank()) return Map.of();
        try {
            Map<String, Object> m = YAML.readValue(yaml, MAP);
            return m == null ? Map.of() : m;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The markdown after the front matter (the whole text if there is none). */
    public static String body(String markdown) {
        if (markdown == null) return null;
        int[] span = span(markdown);
        if (span == null) return markdown;
        int end = markdown.indexOf('\n', span[1]);
        return end < 0 ? "" : markdown.substring(end + 1);
    }

    /** [start, end) of the YAML between the opening "---" line and the closing "---" line, or null. */
    private static int[] span(String md) {
        if (md == null) return null;
        int start = md.startsWith("\uFEFF") ? 1 : 0;
        if (!md.startsWith("---", start)) return null;
        int firstNl = md.indexOf('\n', start);
        if (firstNl < 0 || !md.substring(start, firstNl).strip().equals("---")) return null;
        int pos = firstNl + 1;
        while (pos < md.length()) {
            int nl = md.indexOf('\n', pos);
            int lineEnd = nl < 0 ? md.length() : nl;
            String line = md.substring(pos, lineEnd).strip();
            if (line.equals("---") || line.equals("...")) return new int[] {firstNl + 1, pos};
            if (nl < 0) break;
            pos = nl + 1;
        }
        return null;
    }
}
