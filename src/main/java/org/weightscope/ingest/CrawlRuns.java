package org.weightscope.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** The {@code crawl-runs} index: one document per run, rewritten after every stored page. */
@Component
class CrawlRuns {

    static final String NAME = "crawl-runs";
    private static final Logger log = LoggerFactory.getLogger(CrawlRuns.class);

    private final ElasticsearchClient client;
    private final Indices indices;

    CrawlRuns(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    /**
     * Final records that could not be stored when their run ended (the store itself had failed: killed, or blocked
     * at the flood-stage watermark); written by the next {@link #storeUnsaved()}, so the store says how the run
     * ended instead of showing it running forever.
     */
    private final Map<String, CrawlRun> unsaved = new ConcurrentHashMap<>();

    void save(CrawlRun run) {
        try {
            client.index(i -> i.index(indices.alias(NAME)).id(run.id()).document(run));
        } catch (IOException | RuntimeException e) {
            throw new StorageException("cannot store crawl run " + run.id() + ": " + CrawlRun.reason(e), e);
        }
        unsaved.remove(run.id());
    }

    /** Saves a run's final record, or keeps it for the next {@link #storeUnsaved()} when the store fails; true when stored. */
    boolean saveOrKeep(CrawlRun run) {
        try {
            save(run);
            return true;
        } catch (StorageException e) {
            unsaved.put(run.id(), run);
            log.warn(
                    "Final record of crawl run {} not stored ({}); it is stored before the next run",
                    run.id(),
                    e.getMessage());
            return false;
        }
    }

    /** Stores the final records kept by {@link #saveOrKeep}; throws when the store still fails. */
    void storeUnsaved() {
        for (CrawlRun run : List.copyOf(unsaved.values())) {
            save(run);
            log.info("Stored the final record of crawl run {} ({}: {})", run.id(), run.status(), run.message());
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
