package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;

/** Releases, licence changes and other model events: newest first, filterable, and counted by origin. */
@Service
public class EventFeed {

    private final Documents<ModelEvent> events;

    private final FigureCache figures;

    EventFeed(ElasticsearchClient client, Indices indices, FigureCache figures) {
        this.figures = figures;
        this.events = new Documents<>(client, indices, EventsIndex.NAME, ModelEvent.class, "event");
    }

    /**
     * @param type   an event type ({@link ModelEvent#RELEASE}, …) or null for any
     * @param origin ISO country in the given view, or null
     * @param from   only events at or after this time, or null
     */
    public record Filter(
            String type, String origin, Adoption.View view, String hub, String licenceClass, Instant from, Instant to) {

        public static Filter of(String type) {
            return new Filter(type, null, Adoption.View.LINEAGE, null, null, null, null);
        }
    }

    public List<ModelEvent> recent(Filter f, int size) {
        return events.search(s -> s.size(size)
                .query(q -> q.bool(query(f)))
                .sort(Queries.desc("at"))
                .sort(Queries.asc("id")));
    }

    public long count(Filter f) {
        return events.count(Query.of(q -> q.bool(query(f))));
    }

    /** Events matching the filter, counted by origin in the filter's view (a model with two countries counts in both). */
    public Map<String, Long> countByOrigin(Filter f) {
        return figures.get(List.of("events-by-origin", f), () -> {
            String field = f.view() == Adoption.View.UPLOADER ? "uploaderOrigin" : "lineageCountries";
            SearchResponse<Void> r = events.response(
                    s -> s.size(0)
                            .query(q -> q.bool(query(f)))
                            .aggregations(
                                    "origin",
                                    a -> a.terms(t -> t.field(field).size(100).missing("unattributed"))),
                    Void.class);
            return CreditAggregations.byKey(r.aggregations().get("origin"), StringTermsBucket::docCount);
        });
    }

    /** The newest event time, the as-of of the feed. */
    public Instant newest() {
        List<ModelEvent> one = recent(new Filter(null, null, Adoption.View.LINEAGE, null, null, null, null), 1);
        return one.isEmpty() ? null : one.get(0).at();
    }

    private static BoolQuery query(Filter f) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        if (f.type() != null) {
            b.filter(q -> q.term(t -> t.field("type").value(f.type())));
        }
        if (f.origin() != null) {
            String field = f.view() == Adoption.View.UPLOADER ? "uploaderOrigin" : "lineageCountries";
            b.filter(q -> q.term(t -> t.field(field).value(f.origin())));
        }
        if (f.hub() != null) {
            b.filter(q -> q.term(t -> t.field("hub").value(f.hub())));
        }
        if (f.licenceClass() != null) {
            b.filter(q -> q.terms(t ->
                    t.field("licenceClass").terms(v -> v.value(List.of(FieldValue.of(f.licenceClass()))))));
        }
        if (f.from() != null || f.to() != null) {
            b.filter(q -> q.range(r -> r.date(d -> {
                d.field("at");
                if (f.from() != null) {
                    d.gte(f.from().toString());
                }
                if (f.to() != null) {
                    d.lte(f.to().toString());
                }
                return d;
            })));
        }
        return b.build();
    }
}
