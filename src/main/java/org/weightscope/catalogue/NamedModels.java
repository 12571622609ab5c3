package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Models found by their repo name without the namespace (a base a card names as {@code Llama-3.1-8B}), case-
 * insensitively: a term query on the stored {@code repoName}, so the lookup costs the same at 2.5 M models as at a
 * thousand. Documents written before that field existed are found by a wildcard over the repo ids (a scan of every
 * id) as long as any is left; the next crawl or re-attribution rewrites them.
 */
@Component
class NamedModels {

    private final ModelsIndex models;
    private volatile long checkedAt;
    private volatile boolean checked;
    private volatile boolean legacy = true;

    NamedModels(ModelsIndex models) {
        this.models = models;
    }

    List<CatalogueModel> named(String hub, String name, int size) {
        Query byName = Query.of(q ->
                q.bool(b -> b.filter(f -> f.term(t -> t.field("hub").value(hub)))
                        .filter(f -> f.term(t -> t.field("repoName").value(CatalogueModel.repoName(name))))));
        if (!legacyLeft()) {
            return models.find(byName, size);
        }
        String pattern = "*/" + name.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
        return models.find(
                Query.of(q ->
                        q.bool(b -> b.filter(f -> f.term(t -> t.field("hub").value(hub)))
                                .filter(f -> f.wildcard(
                                        w -> w.field("repoId").value(pattern).caseInsensitive(true))))),
                size);
    }

    /** Whether documents without {@code repoName} are left (asked at most once a minute until none is). */
    private boolean legacyLeft() {
        long now = System.nanoTime();
        if (legacy && (!checked || now - checkedAt > 60_000_000_000L)) {
            checkedAt = now;
            checked = true;
            legacy = models.countWithout("repoName") > 0;
        }
        return legacy;
    }
}
