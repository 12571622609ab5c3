package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Bulk;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;
import org.weightscope.storage.StorageException;

/** Daily snapshots, one monthly index each ({@code <prefix>-snapshots-v1-YYYY.MM}), read through the alias. */
@Component
class SnapshotsIndex {

    static final String NAME = "snapshots";

    private final ElasticsearchClient client;
    private final Indices indices;
    private final Documents<ModelSnapshot> snapshots;

    private final int freshnessDays;

    SnapshotsIndex(ElasticsearchClient client, Indices indices, Optional<FigureSettings> figures) {
        this.client = client;
        this.indices = indices;
        this.snapshots = new Documents<>(client, indices, NAME, ModelSnapshot.class, "snapshot");
        this.freshnessDays = figures.orElse(FigureSettings.defaults()).freshnessDays();
    }

    BulkOperation operation(ModelSnapshot snapshot) {
        String index = indices.indexFor(NAME, snapshot.day());
        return BulkOperation.of(
                o -> o.index(i -> i.index(index).id(snapshot.id()).document(snapshot)));
    }

    long count() {
        try {
            return client.count(c ->
                            c.index(snapshots.alias()).ignoreUnavailable(true).allowNoIndices(true))
                    .count();
        } catch (IOException e) {
            throw new StorageException("count of snapshots failed", e);
        }
    }

    Optional<ModelSnapshot> get(String modelId, java.time.LocalDate day) {
        try {
            var r = client.get(g -> g.index(indices.indexFor(NAME, day)).id(modelId + ":" + day), ModelSnapshot.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        } catch (IOException e) {
            throw new StorageException("get of snapshot failed", e);
        }
    }

    java.util.Map<String, ModelSnapshot> latestWithDownloads(java.util.Map<String, java.time.LocalDate> onOrBefore) {
        java.util.Map<java.time.LocalDate, List<String>> byDay = new java.util.TreeMap<>();
        onOrBefore.forEach((id, day) ->
                byDay.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(id));
        java.util.Map<String, ModelSnapshot> out = new java.util.HashMap<>();
        for (var e : byDay.entrySet()) {
            String day = e.getKey().toString();
            // the as-of rule: a capture in the freshness window ending that day, never an older one
            String from = e.getKey().minusDays(freshnessDays - 1L).toString();
            List<co.elastic.clients.elasticsearch._types.FieldValue> ids = e.getValue().stream()
                    .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                    .toList();
            snapshots
                    .search(s -> s.ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(ids.size())
                            .query(q -> q.bool(b -> b.filter(
                                            f -> f.terms(t -> t.field("modelId").terms(v -> v.value(ids))))
                                    .filter(f -> f.range(r ->
                                            r.date(d -> d.field("day").gte(from).lte(day))))
                                    .filter(f -> f.exists(x -> x.field("downloads30d")))))
                            .collapse(c -> c.field("modelId"))
                            .sort(Queries.desc("day")))
                    .forEach(snapshot -> out.putIfAbsent(snapshot.modelId(), snapshot));
        }
        return out;
    }

    List<ModelSnapshot> ofModel(String modelId, int size) {
        return snapshots.search(s -> s.ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(size)
                .query(Queries.terms("modelId", modelId))
                .sort(Queries.asc("day")));
    }

    /** What re-attribution reads of a snapshot: whose, which day, its downloads and the licence it was taken under. */
    record Captured(String modelId, java.time.LocalDate day, Long downloads30d, Taken attribution) {
        record Taken(Attribution.Licence licence, Attribution.Lineage lineage) {}

        /** What it was taken under, or null when it holds no attribution. */
        DayFacts facts() {
            return attribution == null ? null : DayFacts.of(attribution.licence(), attribution.lineage());
        }
    }

    /**
     * Writes the models' new attributions into every one of their snapshots (or those of {@code onlyDay}), with the
     * credit recomputed from that snapshot's own downloads, so figures over the past follow a rule change without a
     * re-crawl. {@code attributionOf} gives a snapshot's attribution from what it was taken under (its licence then,
     * which may not be the model's licence now).
     */
    void reattribute(
            java.util.Collection<String> modelIds,
            java.time.LocalDate onlyDay,
            java.util.function.Function<Captured, Attribution> attributionOf) {
        if (modelIds.isEmpty()) {
            return;
        }
        List<co.elastic.clients.elasticsearch._types.FieldValue> ids = modelIds.stream()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                .toList();
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        try {
            while (true) {
                List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
                var r = client.search(
                        s -> {
                            s.index(indices.alias(NAME))
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(2000)
                                    .source(src -> src.filter(f -> f.includes(
                                            "modelId",
                                            "day",
                                            "downloads30d",
                                            "attribution.licence",
                                            "attribution.lineage")))
                                    .query(q -> q.bool(b -> {
                                        b.filter(f ->
                                                f.terms(t -> t.field("modelId").terms(v -> v.value(ids))));
                                        return onlyDay == null
                                                ? b
                                                : b.filter(f -> f.term(
                                                        t -> t.field("day").value(onlyDay.toString())));
                                    }))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            return from == null ? s : s.searchAfter(from);
                        },
                        Captured.class);
                var hits = r.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                List<BulkOperation> ops = new java.util.ArrayList<>(hits.size());
                for (Hit<Captured> h : hits) {
                    Captured snap = h.source();
                    if (snap == null) continue;
                    Attribution a = attributionOf.apply(snap);
                    java.util.Map<String, Object> doc = new java.util.HashMap<>();
                    doc.put("attribution", a);
                    doc.put("originCredit", OriginCredit.of(a, snap.downloads30d()));
                    String index = indices.indexFor(NAME, snap.day());
                    ops.add(BulkOperation.of(
                            o -> o.update(u -> u.index(index).id(h.id()).action(x -> x.doc(doc)))));
                }
                Bulk.execute(client, ops, "re-attributed snapshots");
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new StorageException("re-attribution of snapshots failed", e);
        }
    }

    List<String> deleteMonthsBefore(java.time.LocalDate from) {
        return indices.deleteMonthsBefore(NAME, from);
    }

    void refresh() {
        snapshots.refresh();
    }
}
