package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
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

    /** The write that makes the snapshot of {@code modelId} on {@code day} name attribution version {@code version}. */
    BulkOperation naming(String modelId, java.time.LocalDate day, String version) {
        String index = indices.indexFor(NAME, day);
        Map<String, Object> doc = Map.of("version", version);
        return BulkOperation.of(
                o -> o.update(u -> u.index(index).id(modelId + ":" + day).action(x -> x.doc(doc))));
    }

    List<String> deleteMonthsBefore(java.time.LocalDate from) {
        return indices.deleteMonthsBefore(NAME, from);
    }

    void refresh() {
        snapshots.refresh();
    }
}
