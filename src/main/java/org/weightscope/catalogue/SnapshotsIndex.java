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
}
