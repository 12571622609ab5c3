package org.weightscope.exposure;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** The {@code saved-reports} index. */
@Component
class SavedReportRepository {

    static final String INDEX = "saved-reports";

    private final ElasticsearchClient client;
    private final Indices indices;

    SavedReportRepository(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    void save(SavedReport r) {
        try {
            client.index(
                    i -> i.index(indices.alias(INDEX)).id(r.id()).document(r).refresh(Refresh.True));
        } catch (IOException e) {
            throw new StorageException("cannot store saved report " + r.id(), e);
        }
    }

    /** @return false when there was no such report */
    boolean delete(String id) {
        try {
            return client.delete(d -> d.index(indices.alias(INDEX)).id(id).refresh(Refresh.True))
                            .result()
                    == co.elastic.clients.elasticsearch._types.Result.Deleted;
        } catch (IOException e) {
            throw new StorageException("cannot delete saved report " + id, e);
        }
    }

    Optional<SavedReport> find(String id) {
        try {
            var r = client.get(g -> g.index(indices.alias(INDEX)).id(id), SavedReport.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot read saved report " + id, e);
        }
    }

    /** Oldest first; saved reports are an admin's handful, 1,000 is far above any real use. */
    List<SavedReport> all() {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(INDEX))
                                    .size(1000)
                                    .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Asc)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                            SavedReport.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("cannot list saved reports", e);
        }
    }
}
