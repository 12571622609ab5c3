package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** Daily snapshots, one monthly index each ({@code <prefix>-snapshots-v1-YYYY.MM}), read through the alias. */
@Component
class SnapshotsIndex {

    static final String NAME = "snapshots";

    private final ElasticsearchClient client;
    private final Indices indices;

    SnapshotsIndex(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    BulkOperation operation(ModelSnapshot snapshot) {
        String index = indices.indexFor(NAME, snapshot.day());
        return BulkOperation.of(o -> o.index(i -> i.index(index).id(snapshot.id()).document(snapshot)));
    }

    long count() {
        try {
            return client.count(c -> c.index(indices.alias(NAME)).ignoreUnavailable(true).allowNoIndices(true)).count();
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

    List<ModelSnapshot> ofModel(String modelId, int size) {
        try {
            return client.search(s -> s.index(indices.alias(NAME)).ignoreUnavailable(true).allowNoIndices(true)
                            .size(size).query(q -> q.term(t -> t.field("modelId").value(modelId)))
                            .sort(o -> o.field(f -> f.field("day").order(SortOrder.Asc))), ModelSnapshot.class)
                    .hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new StorageException("search of snapshots failed", e);
        }
    }

    void refresh() {
        indices.refresh(NAME);
    }

    /** Streams every snapshot in pages of {@code size}, in id order (search_after: no scroll context). */
    void forEachPage(int size, java.util.function.Consumer<List<ModelSnapshot>> page) {
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            try {
                var response = client.search(s -> {
                    s.index(indices.alias(NAME)).ignoreUnavailable(true).allowNoIndices(true).size(size)
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (from != null) s.searchAfter(from);
                    return s;
                }, ModelSnapshot.class);
                List<Hit<ModelSnapshot>> hits = response.hits().hits();
                if (hits.isEmpty()) return;
                page.accept(hits.stream().map(Hit::source).filter(Objects::nonNull).toList());
                after = hits.get(hits.size() - 1).sort();
            } catch (IOException e) {
                throw new StorageException("reading snapshots failed", e);
            }
        }
    }

    /** Writes snapshots back to their own day's index (ids unchanged, so nothing is counted twice). */
    void saveAll(List<ModelSnapshot> batch) {
        if (batch.isEmpty()) return;
        try {
            var bulk = new co.elastic.clients.elasticsearch.core.BulkRequest.Builder();
            for (ModelSnapshot s : batch) bulk.operations(operation(s));
            var response = client.bulk(bulk.build());
            if (response.errors()) throw new StorageException("bulk write of snapshots had errors");
        } catch (IOException e) {
            throw new StorageException("bulk write of snapshots failed", e);
        }
    }
}
