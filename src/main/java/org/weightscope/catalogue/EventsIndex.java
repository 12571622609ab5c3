package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;

/** The {@code events} index: releases, licence and gating changes, removals. */
@Component
class EventsIndex {

    static final String NAME = "events";

    private final Documents<ModelEvent> events;

    EventsIndex(ElasticsearchClient client, Indices indices) {
        this.events = new Documents<>(client, indices, NAME, ModelEvent.class, "event");
    }

    BulkOperation operation(ModelEvent event) {
        return events.operation(event.id(), event);
    }

    /** Which of these event ids are stored (as of the last refresh). */
    Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return events
                .response(
                        s -> s.size(ids.size())
                                .source(src -> src.fetch(false))
                                .query(q -> q.ids(i -> i.values(List.copyOf(ids)))),
                        Void.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::id)
                .collect(Collectors.toSet());
    }

    long count(String type) {
        return events.count(Queries.terms("type", type));
    }

    List<ModelEvent> search(String type, String modelId, int size) {
        return events.search(s -> s.size(size)
                .query(Queries.terms("type", type, "modelId", modelId))
                .sort(Queries.desc("at"))
                .sort(Queries.asc("id")));
    }

    Map<String, List<ModelEvent>> ofModels(String type, Collection<String> modelIds, int perModel) {
        Map<String, List<ModelEvent>> out = new HashMap<>();
        if (modelIds.isEmpty()) {
            return out;
        }
        List<FieldValue> ids = modelIds.stream().distinct().map(FieldValue::of).toList();
        List<ModelEvent> found = events.search(s -> s.size(Math.min(10_000, ids.size() * perModel))
                .query(q -> q.bool(b -> b.filter(Queries.terms("type", type))
                        .filter(f -> f.terms(t -> t.field("modelId").terms(v -> v.value(ids))))))
                .sort(Queries.desc("at"))
                .sort(Queries.asc("id")));
        for (ModelEvent e : found) {
            List<ModelEvent> of = out.computeIfAbsent(e.modelId(), k -> new ArrayList<>());
            if (of.size() < perModel) of.add(e);
        }
        return out;
    }

    List<ModelEvent> ofRun(String runId, int size) {
        return events.search(
                s -> s.size(size).query(Queries.terms("runId", runId)).sort(Queries.asc("id")));
    }

    void refresh() {
        events.refresh();
    }
}
