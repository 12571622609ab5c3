package org.weightscope.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** The {@code crawl-runs} index: one document per run, rewritten after every stored page. */
@Component
class CrawlRuns {

    static final String NAME = "crawl-runs";

    private final ElasticsearchClient client;
    private final Indices indices;

    CrawlRuns(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    void save(CrawlRun run) {
        try {
            client.index(i -> i.index(indices.alias(NAME)).id(run.id()).document(run));
        } catch (IOException e) {
            throw new StorageException("cannot store crawl run " + run.id(), e);
        }
    }

    Optional<CrawlRun> get(String id) {
        try {
            var r = client.get(g -> g.index(indices.alias(NAME)).id(id), CrawlRun.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot read crawl run " + id, e);
        }
    }

    /** Latest runs of a source and scope (null: any), newest first. */
    List<CrawlRun> latest(String sourceId, String scope, int size) {
        indices.refresh(NAME);
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(NAME))
                                    .size(size)
                                    .query(q -> q.bool(b -> {
                                        if (sourceId != null)
                                            b.filter(f -> f.term(
                                                    t -> t.field("sourceId").value(sourceId)));
                                        if (scope != null)
                                            b.filter(f ->
                                                    f.term(t -> t.field("scope").value(scope)));
                                        return b;
                                    }))
                                    .sort(o -> o.field(f -> f.field("startedAt").order(SortOrder.Desc))),
                            CrawlRun.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("cannot search crawl runs", e);
        }
    }

    long count() {
        indices.refresh(NAME);
        try {
            return client.count(c -> c.index(indices.alias(NAME))).count();
        } catch (IOException e) {
            throw new StorageException("cannot count crawl runs", e);
        }
    }
}
