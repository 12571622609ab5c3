package org.weightscope.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.weightscope.shared.HubFigures;
import org.weightscope.shared.Json;

/**
 * Reads one listing page with a definition's {@code listing:} mapping: {@code kind: json} takes the item array
 * at a dot path and each field at a dot path within an item; {@code kind: html} takes the items matching a CSS
 * selector and each field's text (or {@code selector@attribute}). Counts are whole numbers or human ones
 * ("2.5M"), times ISO-8601 or epoch seconds. An item without {@code repoId} fails the page, naming the
 * field, so a changed layout is never stored as a page of nothing.
 */
final class ListingMapper {

    private static final ObjectMapper JSON = Json.mapper();

    private final SourceDefinition source;
    private final SourceDefinition.Listing listing;

    ListingMapper(SourceDefinition source) {
        this.source = source;
        this.listing = source.listing();
    }

    List<RawItem> items(String body, URI url) {
        return source.kind() == SourceDefinition.Kind.HTML ? html(body, url) : json(body, url);
    }

    private List<RawItem> json(String body, URI url) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SourceException(source.id() + ": " + url + " is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode array = at(root, listing.items());
        if (array == null || !array.isArray()) {
            throw new SourceException(
                    source.id() + ": " + url + " has no array at listing.items '" + listing.items() + "'");
        }
        List<RawItem> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            Map<String, Object> values = new HashMap<>();
            listing.fields().forEach((field, path) -> {
                JsonNode v = at(item, path);
                if (v != null && !v.isNull()) values.put(field, value(field, v));
            });
            out.add(item(values, url, i));
        }
        return out;
    }

    private List<RawItem> html(String body, URI url) {
        List<Element> items = Jsoup.parse(body, url.toString()).select(listing.items());
        if (items.isEmpty()) {
            throw new SourceException(source.id() + ": selector '" + listing.items()
                    + "' (listing.items) found nothing in " + url + "; the page layout changed, nothing was stored");
        }
        List<RawItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            Map<String, Object> values = new HashMap<>();
            listing.fields().forEach((field, selector) -> {
                int at = selector.lastIndexOf('@');
                String css = at > 0 ? selector.substring(0, at) : selector;
                List<String> texts = item.select(css).stream()
                        .map(e -> at > 0 ? e.attr(selector.substring(at + 1)) : e.text())
                        .filter(t -> !t.isBlank())
                        .toList();
                if (texts.isEmpty()) return;
                values.put(
                        field,
                        field.equals("tags")
                                ? texts
                                : value(field, JSON.getNodeFactory().textNode(texts.getFirst())));
            });
            out.add(item(values, url, i));
        }
        return out;
    }

    private RawItem item(Map<String, Object> v, URI url, int i) {
        if (!(v.get("repoId") instanceof String repoId)) {
            throw new SourceException(source.id() + ": " + url + ": item " + (i + 1) + " has no listing.fields.repoId '"
                    + listing.fields().get("repoId") + "'; nothing was stored");
        }
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) v.getOrDefault("tags", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> card = (Map<String, Object>) v.getOrDefault("cardData", Map.of());
        return new RawItem(
                source.id(),
                repoId,
                (String) v.get("author"),
                (String) v.get("pipelineTag"),
                (String) v.get("libraryName"),
                tags,
                card,
                Map.of(),
                (Long) v.get("totalParameters"),
                null,
                (String) v.get("cardText"),
                new HubFigures(
                        (String) v.get("gated"),
                        (String) v.get("sha"),
                        (Instant) v.get("createdAt"),
                        (Instant) v.get("lastModified"),
                        (Long) v.get("downloads30d"),
                        (Long) v.get("downloadsAllTime"),
                        (Long) v.get("likes")));
    }

    private Object value(String field, JsonNode v) {
        try {
            return switch (field) {
                case "totalParameters", "downloads30d", "downloadsAllTime", "likes" ->
                    v.isNumber() ? (Object) v.asLong() : (Object) HumanNumber.parse(v.asText());
                case "createdAt", "lastModified" ->
                    v.isNumber()
                            ? Instant.ofEpochSecond(v.asLong())
                            : Instant.parse(v.asText().strip());
                case "tags" -> {
                    List<String> tags = new ArrayList<>();
                    if (v.isArray()) v.forEach(t -> tags.add(t.asText()));
                    else tags.add(v.asText());
                    yield tags;
                }
                case "cardData" -> v.isObject() ? JSON.convertValue(v, LinkedHashMap.class) : Map.of();
                default -> v.asText();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new SourceException(source.id() + ": listing.fields." + field + " '"
                    + listing.fields().get(field) + "' holds '" + v.asText() + "', not a "
                    + (field.endsWith("At") || field.equals("lastModified") ? "time" : "count"));
        }
    }

    /** The node at a dot path ({@code a.b.c}); the node itself for an empty path. */
    private static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        if (path == null || path.isEmpty()) return n;
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }
}
