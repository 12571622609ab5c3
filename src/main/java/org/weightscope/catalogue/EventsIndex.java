package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** The {@code events} index: releases, licence and gating changes, removals. */
@Component
class EventsIndex {

    static final String NAME = "events";

    private final ElasticsearchClient client;
    private final Indices indices;

    EventsIndex(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    BulkOperation operation(ModelEvent event) {
        String alias = indices.alias(NAME);
        return BulkOperation.of(o -> o.index(i -> i.index(alias).id(event.id()).document(event)));
    }

    /** Which of these event ids are stored (as of the last refresh). */
    java.util.Set<String> existing(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(NAME))
                                    .size(ids.size())
                                    .source(src -> src.fetch(false))
                                    .query(q -> q.ids(i -> i.values(List.copyOf(ids)))),
                            Void.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::id)
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new StorageException("search of events by id failed", e);
        }
    }

    long count(String type) {
        try {
            return client.count(c -> {
                        c.index(indices.alias(NAME));
                        if (type != null)
                            c.query(q -> q.term(t -> t.field("type").value(type)));
                        return c;
                    })
                    .count();
        } catch (IOException e) {
            throw new StorageException("count of events failed", e);
        }
    }

    List<ModelEvent> search(String type, String modelId, int size) {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(NAME))
                                    .size(size)
                                    .query(q -> q.bool(b -> {
                                        if (type != null)
                                            b.filter(f ->
                                                    f.term(t -> t.field("type").value(type)));
                                        if (modelId != null)
                                            b.filter(f -> f.term(
                                                    t -> t.field("modelId").value(modelId)));
                                        return b;
                                    }))
                                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                            ModelEvent.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("search of events failed", e);
        }
    }

    java.util.Map<String, List<ModelEvent>> ofModels(String type, java.util.Collection<String> modelIds, int perModel) {
        java.util.Map<String, List<ModelEvent>> out = new java.util.HashMap<>();
        if (modelIds.isEmpty()) {
            return out;
        }
        List<co.elastic.clients.elasticsearch._types.FieldValue> ids = modelIds.stream()
                .distinct()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                .toList();
        try {
            List<ModelEvent> found = client
                    .search(
                            s -> s.index(indices.alias(NAME))
                                    .size(Math.min(10_000, ids.size() * perModel))
                                    .query(q -> q.bool(b -> {
                                        if (type != null)
                                            b.filter(f ->
                                                    f.term(t -> t.field("type").value(type)));
                                        return b.filter(f ->
                                                f.terms(t -> t.field("modelId").terms(v -> v.value(ids))));
                                    }))
                                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                            ModelEvent.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
            for (ModelEvent e : found) {
                List<ModelEvent> of = out.computeIfAbsent(e.modelId(), k -> new java.util.ArrayList<>());
                if (of.size() < perModel) of.add(e);
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("search of events failed", e);
        }
    }

    List<ModelEvent> ofRun(String runId, int size) {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(NAME))
                                    .size(size)
                                    .query(q -> q.term(t -> t.field("runId").value(runId)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                            ModelEvent.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("search of the events of run " + runId + " failed", e);
        }
    }

    void refresh() {
        indices.refresh(NAME);
    }
}
