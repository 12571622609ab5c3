package org.weightscope.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;

/** The {@code crawl-runs} index: one document per run, rewritten after every stored page. */
@Component
class CrawlRuns {

    static final String NAME = "crawl-runs";

    private final Documents<CrawlRun> runs;

    CrawlRuns(ElasticsearchClient client, Indices indices) {
        this.runs = new Documents<>(client, indices, NAME, CrawlRun.class, "crawl run");
    }

    void save(CrawlRun run) {
        runs.put(run.id(), run, false);
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
