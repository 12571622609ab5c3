package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Bulk;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/**
 * Links the snapshots stored before {@code until} existed, once, at start-up (see {@link SnapshotTimeline}): each
 * model's captures in day order end at the next one, or at the first removal after them.
 */
@Component
class SnapshotLinker {

    private static final Logger log = LoggerFactory.getLogger(SnapshotLinker.class);
    private final ElasticsearchClient client;
    private final Indices indices;

    private final FigureCache figures;

    SnapshotLinker(ElasticsearchClient client, Indices indices, FigureCache figures) {
        this.figures = figures;
        this.client = client;
        this.indices = indices;
    }

    /**
     * Snapshots written before {@code until} existed are linked once: each model's captures in day order end at
     * the next one, or at the first removal after them.
     */
    @EventListener(ApplicationReadyEvent.class)
    void linkUnlinked() {
        Set<String> models = unlinkedModels();
        if (models.isEmpty()) {
            return;
        }
        log.info("Linking the snapshots of {} models (computing each capture's end day)", models.size());
        List<String> all = new ArrayList<>(models);
        for (int i = 0; i < all.size(); i += 500) {
            relink(all.subList(i, Math.min(all.size(), i + 500)));
        }
        indices.refresh(SnapshotsIndex.NAME);
        figures.changed();
    }

    private Set<String> unlinkedModels() {
        Set<String> out = new LinkedHashSet<>();
        String after = null;
        try {
            while (true) {
                String from = after;
                SearchResponse<Void> r = client.search(
                        s -> s.index(indices.alias(SnapshotsIndex.NAME))
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .size(0)
                                .query(q -> q.bool(b -> b.mustNot(
                                        m -> m.term(t -> t.field("linked").value(true)))))
                                .aggregations(
                                        "models",
                                        a -> a.composite(c -> {
                                            c.size(1000)
                                                    .sources(List.of(Map.of(
                                                            "m",
                                                            co.elastic.clients.elasticsearch._types.aggregations
                                                                    .CompositeAggregationSource.of(
                                                                    x -> x.terms(t -> t.field("modelId"))))));
                                            return from == null ? c : c.after(Map.of("m", FieldValue.of(from)));
                                        })),
                        Void.class);
                if (r.aggregations().get("models") == null) {
                    return out;
                }
                var buckets =
                        r.aggregations().get("models").composite().buckets().array();
                if (buckets.isEmpty()) {
                    return out;
                }
                buckets.forEach(b -> out.add(b.key().get("m").stringValue()));
                after = buckets.get(buckets.size() - 1).key().get("m").stringValue();
            }
        } catch (IOException e) {
            throw new StorageException("search of unlinked snapshots failed", e);
        }
    }

    private void relink(List<String> modelIds) {
        List<FieldValue> ids = modelIds.stream().map(FieldValue::of).toList();
        try {
            Map<String, List<LocalDate>> days = new HashMap<>();
            List<co.elastic.clients.elasticsearch._types.FieldValue> searchAfter = null;
            while (true) {
                List<FieldValue> sa = searchAfter;
                SearchResponse<ModelSnapshot> r = client.search(
                        s -> {
                            s.index(indices.alias(SnapshotsIndex.NAME))
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(5000)
                                    .source(src -> src.filter(f -> f.includes("modelId", "day")))
                                    .query(q -> q.terms(t -> t.field("modelId").terms(v -> v.value(ids))))
                                    .sort(o -> o.field(f -> f.field("modelId").order(SortOrder.Asc)))
                                    .sort(o -> o.field(f -> f.field("day").order(SortOrder.Asc)));
                            return sa == null ? s : s.searchAfter(sa);
                        },
                        ModelSnapshot.class);
                var hits = r.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                for (Hit<ModelSnapshot> h : hits) {
                    if (h.source() != null) {
                        days.computeIfAbsent(h.source().modelId(), k -> new ArrayList<>())
                                .add(h.source().day());
                    }
                }
                searchAfter = hits.get(hits.size() - 1).sort();
            }
            Map<String, List<LocalDate>> removals = removalDays(ids);
            List<BulkOperation> ops = new ArrayList<>();
            days.forEach((model, list) -> {
                List<LocalDate> removed = removals.getOrDefault(model, List.of());
                for (int i = 0; i < list.size(); i++) {
                    LocalDate day = list.get(i);
                    LocalDate end = i + 1 < list.size() ? list.get(i + 1) : null;
                    for (LocalDate r : removed) {
                        if (r.isAfter(day) && (end == null || r.isBefore(end))) {
                            end = r;
                            break;
                        }
                    }
                    String index = indices.indexFor(SnapshotsIndex.NAME, day);
                    Map<String, Object> doc = new HashMap<>();
                    doc.put("until", end == null ? null : end.toString());
                    doc.put("linked", true);
                    ops.add(BulkOperation.of(o ->
                            o.update(u -> u.index(index).id(model + ":" + day).action(a -> a.doc(doc)))));
                }
            });
            Bulk.execute(client, ops, "snapshot links");
        } catch (IOException e) {
            throw new StorageException("relinking snapshots failed", e);
        }
    }

    /** Days on which a complete crawl saw each model removed, ascending. */
    private Map<String, List<LocalDate>> removalDays(List<FieldValue> ids) throws IOException {
        SearchResponse<ModelEvent> r = client.search(
                s -> s.index(indices.alias(EventsIndex.NAME))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(10_000)
                        .source(src -> src.filter(f -> f.includes("modelId", "day")))
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.terms(t -> t.field("modelId").terms(v -> v.value(ids))))
                                .filter(f -> f.terms(t -> t.field("type")
                                        .terms(v -> v.value(List.of(
                                                FieldValue.of(ModelEvent.REMOVED),
                                                FieldValue.of(ModelEvent.ROUTER_MODEL_REMOVED))))))))
                        .sort(o -> o.field(f -> f.field("day").order(SortOrder.Asc))),
                ModelEvent.class);
        Map<String, List<LocalDate>> out = new HashMap<>();
        for (Hit<ModelEvent> h : r.hits().hits()) {
            if (h.source() != null && h.source().day() != null) {
                out.computeIfAbsent(h.source().modelId(), k -> new ArrayList<>())
                        .add(h.source().day());
            }
        }
        return out;
    }
}
