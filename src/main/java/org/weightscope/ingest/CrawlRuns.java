package org.weightscope.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;
import org.weightscope.storage.StorageException;

/** The {@code crawl-runs} index: one document per run, rewritten after every stored page. */
@Component
class CrawlRuns {

    static final String NAME = "crawl-runs";
    private static final Logger log = LoggerFactory.getLogger(CrawlRuns.class);

    private final Documents<CrawlRun> runs;

    CrawlRuns(ElasticsearchClient client, Indices indices) {
        this.runs = new Documents<>(client, indices, NAME, CrawlRun.class, "crawl run");
    }

    /**
     * Final records that could not be stored when their run ended (the store itself had failed: killed, or blocked
     * at the flood-stage watermark); written by the next {@link #storeUnsaved()}, so the store says how the run
     * ended instead of showing it running forever.
     */
    private final Map<String, CrawlRun> unsaved = new ConcurrentHashMap<>();

    void save(CrawlRun run) {
        try {
            runs.put(run.id(), run, false);
        } catch (RuntimeException e) {
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
        return runs.get(id);
    }

    /** Latest runs of a source and scope (null: any), newest first. */
    List<CrawlRun> latest(String sourceId, String scope, int size) {
        runs.refresh();
        return runs.search(s -> s.size(size)
                .query(Queries.terms("sourceId", sourceId, "scope", scope))
                .sort(Queries.desc("startedAt")));
    }

    long count() {
        runs.refresh();
        return runs.count(null);
    }
}
