package org.weightscope.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Full-text search over the catalogue with facets, and one model with its derivatives. */
@Service
public class ModelSearch {

    public static final int MAX_SIZE = 200;
    private final ModelsIndex models;

    ModelSearch(ModelsIndex models) {
        this.models = models;
    }

    /**
     * @param text    words to find in repo ids, organisations and card text (simple query syntax; never an error)
     * @param filters dimension → accepted keys; origin filters apply in {@code view}
     */
    public record Query(String text, Map<Adoption.Dimension, List<String>> filters, Adoption.View view, int from,
            int size) {

        public Query {
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            view = view == null ? Adoption.View.LINEAGE : view;
            if (from < 0 || from > 10_000) {
                throw new IllegalArgumentException("from must be between 0 and 10000");
            }
            if (size < 0 || size > MAX_SIZE) {
                throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE);
            }
        }
    }

    public record Facet(String key, long count) {}

    public record Result(long total, List<CatalogueModel> models, Map<String, List<Facet>> facets, Instant asOf) {}

    public Result search(Query query) {
        return models.search(query);
    }

    public Optional<CatalogueModel> find(String hub, String repoId) {
        String id = CatalogueModel.idPrefix(hub) + ":" + repoId;
        return Optional.ofNullable(models.getAll(List.of(id)).get(id));
    }

    /** Models that name this one as a parent (fine-tunes, adapters, quantisations, merges), most downloaded first. */
    public Result derivatives(String repoId, int size) {
        return models.derivatives(repoId, size);
    }
}
