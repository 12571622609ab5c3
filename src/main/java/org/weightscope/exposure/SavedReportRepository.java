package org.weightscope.exposure;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;

/** The {@code saved-reports} index. */
@Component
class SavedReportRepository {

    static final String INDEX = "saved-reports";

    private final Documents<SavedReport> reports;

    SavedReportRepository(ElasticsearchClient client, Indices indices) {
        this.reports = new Documents<>(client, indices, INDEX, SavedReport.class, "saved report");
    }

    void save(SavedReport r) {
        reports.put(r.id(), r, true);
    }

    /** @return false when there was no such report */
    boolean delete(String id) {
        return reports.delete(id);
    }

    Optional<SavedReport> find(String id) {
        return reports.get(id);
    }

    /** Oldest first; saved reports are an admin's handful, 1,000 is far above any real use. */
    List<SavedReport> all() {
        return reports.search(s -> s.size(1000).sort(Queries.asc("createdAt")).sort(Queries.asc("id")));
    }
}
