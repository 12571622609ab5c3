package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/**
 * Cross-hub links ({@link ModelLink}) and the totals they make possible: per hub and combined without
 * counting a model twice. Which models are the same is decided by the caller (ingest applies the
 * ModelScope rule); this only stores the links and counts.
 */
@Service
public class ModelLinks {

    static final String NAME = "model-links";
    private static final int MAX = 10_000;

    private final ElasticsearchClient client;
    private final Indices indices;
    private final CatalogueService catalogue;

    ModelLinks(ElasticsearchClient client, Indices indices, CatalogueService catalogue) {
        this.client = client;
        this.indices = indices;
        this.catalogue = catalogue;
    }

    public void saveAll(List<ModelLink> links) {
        if (links.isEmpty()) return;
        try {
            var r = client.bulk(b -> {
                links.forEach(l -> b.operations(o ->
                        o.index(i -> i.index(indices.alias(NAME)).id(l.id()).document(l))));
                return b;
            });
            if (r.errors()) throw new StorageException("cannot store model links");
        } catch (IOException e) {
            throw new StorageException("cannot store model links", e);
        }
        indices.refresh(NAME);
    }

    public List<ModelLink> all() {
        try {
            return client.search(s -> s.index(indices.alias(NAME)).size(MAX), ModelLink.class).hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("cannot read model links", e);
        }
    }

    private long count(String hub) {
        try {
            indices.refresh(ModelsIndex.NAME);
            return client.count(c -> c.index(indices.alias(ModelsIndex.NAME))
                            .query(q -> q.term(t -> t.field("hub").value(hub))))
                    .count();
        } catch (IOException e) {
            throw new StorageException("cannot count models of " + hub, e);
        }
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
