package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;

/**
 * Cross-hub links ({@link ModelLink}) and the totals they make possible: per hub and combined without
 * counting a model twice. Which models are the same is decided by the caller (ingest applies the
 * ModelScope rule); this only stores the links and counts.
 */
@Service
public class ModelLinks {

    static final String NAME = "model-links";
    private static final int MAX = 10_000;

    private final Documents<ModelLink> links;
    private final Documents<CatalogueModel> models;
    private final CatalogueService catalogue;

    ModelLinks(ElasticsearchClient client, Indices indices, CatalogueService catalogue) {
        this.links = new Documents<>(client, indices, NAME, ModelLink.class, "model link");
        this.models = new Documents<>(client, indices, ModelsIndex.NAME, CatalogueModel.class, "model");
        this.catalogue = catalogue;
    }

    public void saveAll(List<ModelLink> links) {
        this.links.putAll(links, ModelLink::id);
    }

    public List<ModelLink> all() {
        return links.search(s -> s.size(MAX));
    }

    private long count(String hub) {
        models.refresh();
        return models.count(Queries.terms("hub", hub));
    }

    /** Links of one model, either side. */
    public List<ModelLink> of(String modelId) {
        return all().stream()
                .filter(l -> l.modelId().equals(modelId) || l.canonicalId().equals(modelId))
                .toList();
    }

    /** Models per hub and combined; a link counts only when both of its models are stored. */
    public HubTotals totals(List<String> hubs) {
        Map<String, Long> byHub = new LinkedHashMap<>();
        long sum = 0;
        for (String hub : hubs) {
            long n = count(hub);
            byHub.put(hub, n);
            sum += n;
        }
        List<ModelLink> links = all();
        List<String> ids = new ArrayList<>();
        links.forEach(l -> {
            ids.add(l.modelId());
            ids.add(l.canonicalId());
        });
        Set<String> stored = ids.isEmpty() ? Set.of() : catalogue.findAll(ids).keySet();
        Set<String> copies = new HashSet<>();
        for (ModelLink l : links) {
            if (stored.contains(l.modelId())
                    && stored.contains(l.canonicalId())
                    && hubs.contains(l.modelHub())
                    && hubs.contains(l.canonicalHub())) {
                copies.add(l.modelId()); // a copy linked twice still counts once
            }
        }
        return new HubTotals(byHub, copies.size(), sum - copies.size());
    }
}
