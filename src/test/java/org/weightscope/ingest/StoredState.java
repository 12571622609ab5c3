package org.weightscope.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.weightscope.storage.Indices;

/**
 * What a crawl left in the store, for comparing two crawls document by document: every model, snapshot, event,
 * usage row and cross-hub link, keyed by index and document id, with its whole source. Only what differs between
 * two runs of the same day by construction is masked: the run's id and its as-of instant (the run's start time,
 * carried by every observation), each replaced by a placeholder wherever it occurs as a value, and the wall-clock
 * time a usage row was written ({@code storedAt}).
 */
final class StoredState {

    /** The indices a crawl writes (the run records themselves are compared apart). */
    static final List<String> DATA = List.of("models", "snapshots", "events", "router-usage", "model-links");

    /** Fields holding the wall-clock time of the write itself. */
    static final Set<String> WRITE_TIMES = Set.of("storedAt");

    private final ElasticsearchClient client;
    private final Indices indices;

    StoredState(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    /** Over the app's client and indices. */
    static StoredState of(org.springframework.context.ApplicationContext app) {
        return new StoredState(app.getBean(ElasticsearchClient.class), app.getBean(Indices.class));
    }

    /** {@code <index>/<id> → normalised source}. */
    Map<String, String> read() {
        try {
            Set<String> runIds = new HashSet<>();
            Set<String> asOfs = new HashSet<>();
            for (JsonNode run : sources(CrawlRuns.NAME).values()) {
                runIds.add(run.path("id").asText());
                asOfs.add(run.path("asOf").asText());
            }
            Map<String, String> out = new TreeMap<>();
            for (String name : DATA) {
                sources(name)
                        .forEach((id, doc) -> out.put(
                                name + "/" + id, mask(doc, runIds, asOfs).toString()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents of {@code name}. */
    long count(String name) {
        try {
            return sources(name).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, JsonNode> sources(String name) throws IOException {
        String alias = indices.alias(name);
        client.indices().refresh(r -> r.index(alias).ignoreUnavailable(true).allowNoIndices(true));
        Map<String, JsonNode> out = new TreeMap<>();
        client.search(
                        s -> s.index(alias)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .size(10_000),
                        ObjectNode.class)
                .hits()
                .hits()
                .forEach(h -> out.put(h.id(), h.source()));
        return out;
    }

    private static JsonNode mask(JsonNode node, Set<String> runIds, Set<String> asOfs) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = o.objectNode();
            toMap(o).forEach((k, v) ->
                    copy.set(k, WRITE_TIMES.contains(k) ? TextNode.valueOf("<written>") : mask(v, runIds, asOfs)));
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = a.arrayNode();
            a.forEach(v -> copy.add(mask(v, runIds, asOfs)));
            return copy;
        }
        if (node != null && node.isTextual()) {
            if (runIds.contains(node.asText())) return TextNode.valueOf("<run>");
            if (asOfs.contains(node.asText())) return TextNode.valueOf("<run as-of>");
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(ObjectNode o) {
        Map<String, JsonNode> m = new TreeMap<>();
        o.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** Empties every index a crawl writes, and the run records (the embedded distribution has no delete-by-query). */
    void clear() {
        try {
            client.indices()
                    .delete(d -> d.index(indices.prefix() + "-snapshots-v*").allowNoIndices(true));
            for (String name : List.of("models", "events", "crawl-runs", "router-usage", "model-links")) {
                String alias = indices.alias(name);
                client.indices()
                        .refresh(r -> r.index(alias).ignoreUnavailable(true).allowNoIndices(true));
                var hits = client.search(
                                s -> s.index(alias)
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .size(10_000)
                                        .source(src -> src.fetch(false)),
                                Void.class)
                        .hits()
                        .hits();
                if (!hits.isEmpty()) {
                    client.bulk(b -> {
                        hits.forEach(h -> b.operations(
                                o -> o.delete(x -> x.index(h.index()).id(h.id()))));
                        return b.refresh(Refresh.True);
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
