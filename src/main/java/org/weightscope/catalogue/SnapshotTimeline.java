package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/**
 * Keeps each snapshot's {@code until} true: the day of the model's next capture, or the day a complete crawl saw
 * the model removed. That field is what lets "as of D" be a plain range filter ({@link AsOfRule}) that every
 * aggregation, on the embedded minimal server too, can run without scripts.
 */
@Component
class SnapshotTimeline {

    private static final Logger log = LoggerFactory.getLogger(SnapshotTimeline.class);
    private final ElasticsearchClient client;
    private final Indices indices;

    SnapshotTimeline(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    /** A model's newest capture before a day (and that capture's end), and its first capture after the day. */
    record Neighbours(LocalDate before, LocalDate beforeUntil, LocalDate after) {
        static final Neighbours NONE = new Neighbours(null, null, null);
    }

    /**
     * The writes that place fresh snapshots of {@code day} in their models' timelines: each fresh snapshot ends
     * at the model's next stored capture (when an older day is imported late), and the model's previous capture
     * ends at {@code day} unless it ended earlier (a removal). Returns the fresh snapshots' index operations and
     * the previous captures' updates.
     *
     * <p>{@code known}: the neighbours of models the caller knows from the models index (a daily crawl: the newest
     * capture is the day before, nothing comes after). Only the others are searched, after a refresh, so a daily
     * crawl's page costs no search and no refresh of the snapshots.
     */
    List<BulkOperation> place(
            List<ModelSnapshot> fresh, LocalDate day, SnapshotsIndex snapshots, Map<String, Neighbours> known) {
        List<String> unknown = fresh.stream()
                .map(ModelSnapshot::modelId)
                .filter(id -> !known.containsKey(id))
                .toList();
        Map<String, Neighbours> around = new HashMap<>(known);
        if (!unknown.isEmpty()) {
            // the previous page or day may have been written a moment ago: make it searchable first, or its
            // capture would keep standing next to this one
            indices.refresh(SnapshotsIndex.NAME);
            around.putAll(neighbours(unknown, day));
        }
        List<BulkOperation> ops = new ArrayList<>(fresh.size() * 2);
        for (ModelSnapshot s : fresh) {
            Neighbours n = around.get(s.modelId());
            ops.add(snapshots.operation(s.until(n == null ? null : n.after())));
            if (n != null
                    && n.before() != null
                    && (n.beforeUntil() == null || n.beforeUntil().isAfter(day))) {
                ops.add(until(indices, s.modelId(), n.before(), day));
            }
        }
        return ops;
    }

    /** The writes that end the newest capture of each model at {@code day} (seen removed by a complete crawl). */
    List<BulkOperation> end(Collection<String> modelIds, LocalDate day) {
        if (modelIds.isEmpty()) {
            return List.of();
        }
        List<FieldValue> ids = modelIds.stream().map(FieldValue::of).toList();
        indices.refresh(SnapshotsIndex.NAME);
        try {
            SearchResponse<ModelSnapshot> r = client.search(
                    s -> s.index(indices.alias(SnapshotsIndex.NAME))
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(ids.size() * 2)
                            .source(src -> src.filter(f -> f.includes("modelId", "day")))
                            .query(q -> q.bool(b -> b.filter(
                                            f -> f.terms(t -> t.field("modelId").terms(v -> v.value(ids))))
                                    .filter(f -> f.range(
                                            g -> g.date(d -> d.field("day").lt(day.toString()))))
                                    .mustNot(m -> m.exists(e -> e.field("until"))))),
                    ModelSnapshot.class);
            List<BulkOperation> ops = new ArrayList<>();
            for (Hit<ModelSnapshot> h : r.hits().hits()) {
                if (h.source() != null) {
                    ops.add(until(indices, h.source().modelId(), h.source().day(), day));
                }
            }
            return ops;
        } catch (IOException e) {
            throw new StorageException("search of current snapshots failed", e);
        }
    }

    /** The write that ends a capture at {@code until}. */
    static BulkOperation until(Indices indices, String modelId, LocalDate snapshotDay, LocalDate until) {
        String index = indices.indexFor(SnapshotsIndex.NAME, snapshotDay);
        Map<String, Object> doc = Map.of("until", until.toString(), "linked", true);
        return BulkOperation.of(o ->
                o.update(u -> u.index(index).id(modelId + ":" + snapshotDay).action(a -> a.doc(doc))));
    }

    /** For each model: its newest stored capture before {@code day} (and that capture's end), its first after. */
    private Map<String, Neighbours> neighbours(List<String> modelIds, LocalDate day) {
        Map<String, Neighbours> out = new HashMap<>();
        if (modelIds.isEmpty()) {
            return out;
        }
        List<FieldValue> ids = modelIds.stream().distinct().map(FieldValue::of).toList();
        try {
            SearchResponse<Void> r = client.search(
                    s -> s.index(indices.alias(SnapshotsIndex.NAME))
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(0)
                            .query(q -> q.bool(b -> b.filter(
                                            f -> f.terms(t -> t.field("modelId").terms(v -> v.value(ids))))
                                    .mustNot(m -> m.term(t -> t.field("day").value(day.toString())))))
                            .aggregations(
                                    "model",
                                    a -> a.terms(t -> t.field("modelId").size(ids.size()))
                                            .aggregations(
                                                    "before",
                                                    b -> b.filter(f -> f.range(g -> g.date(d -> d.field("day")
                                                                    .lt(day.toString()))))
                                                            .aggregations(
                                                                    "newest",
                                                                    x -> x.topHits(h -> h.size(1)
                                                                            .sort(o -> o.field(f -> f.field("day")
                                                                                    .order(SortOrder.Desc)))
                                                                            .source(src -> src.filter(
                                                                                    f -> f.includes("day", "until"))))))
                                            .aggregations(
                                                    "after",
                                                    b -> b.filter(f -> f.range(g -> g.date(d -> d.field("day")
                                                                    .gt(day.toString()))))
                                                            .aggregations("first", x -> x.min(m -> m.field("day"))))),
                    Void.class);
            if (r.aggregations().get("model") == null) {
                return out;
            }
            for (StringTermsBucket b :
                    r.aggregations().get("model").sterms().buckets().array()) {
                LocalDate before = null;
                LocalDate beforeUntil = null;
                var hits = b.aggregations()
                        .get("before")
                        .filter()
                        .aggregations()
                        .get("newest")
                        .topHits()
                        .hits()
                        .hits();
                if (!hits.isEmpty() && hits.get(0).source() != null) {
                    var src = hits.get(0).source().toJson().asJsonObject();
                    before = LocalDate.parse(src.getString("day"));
                    beforeUntil = src.containsKey("until") && !src.isNull("until")
                            ? LocalDate.parse(src.getString("until"))
                            : null;
                }
                var first = b.aggregations()
                        .get("after")
                        .filter()
                        .aggregations()
                        .get("first")
                        .min();
                LocalDate after = first.valueAsString() == null
                        ? null
                        : LocalDate.parse(first.valueAsString().substring(0, 10));
                out.put(b.key().stringValue(), new Neighbours(before, beforeUntil, after));
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("search of neighbouring snapshots failed", e);
        }
    }
}
