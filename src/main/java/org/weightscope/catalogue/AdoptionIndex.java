package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.weightscope.storage.StorageException;

/**
 * Aggregations behind {@link AdoptionService}: plain terms/nested/sum aggregations only, which the
 * embedded minimal Elasticsearch and any full cluster both run.
 */
@Component
class AdoptionIndex {

    static final String UNATTRIBUTED = Attribution.UNATTRIBUTED;
    private final ElasticsearchClient client;

    AdoptionIndex(ElasticsearchClient client) {
        this.client = client;
    }

    record Result(double total, List<Adoption.Figure> figures, Instant asOf) {}

    Result aggregate(String index, Adoption.Query q, Query scope) {
        Query filter = filters(q, scope);
        try {
            SearchResponse<Void> response = client.search(s -> s.index(index).size(0).query(filter)
                    .ignoreUnavailable(true).allowNoIndices(true).trackTotalHits(t -> t.enabled(true))
                    .aggregations("asOf", a -> a.max(m -> m.field("asOf")))
                    .aggregations("by", breakdown(q))
                    .aggregations("total", total(q)), Void.class);
            double total = q.by() != Adoption.Dimension.ORIGIN && q.metric() == Adoption.Metric.MODELS
                    ? response.hits().total().value() : totalOf(response.aggregations().get("total"), q);
            List<Adoption.Figure> figures = new ArrayList<>();
            for (StringTermsBucket b : buckets(response.aggregations().get("by"), q)) {
                double value = valueOf(b, q);
                figures.add(new Adoption.Figure(b.key().stringValue(), value, total == 0 ? 0 : value / total));
            }
            figures.sort((a, b) -> Double.compare(b.value(), a.value()));
            var max = response.aggregations().get("asOf").max();
            Instant asOf = max.valueAsString() == null ? null : Instant.ofEpochMilli((long) max.value());
            return new Result(total, figures, asOf);
        } catch (IOException e) {
            throw new StorageException("adoption aggregation failed", e);
        }
    }

    /** Origin × another dimension: for each key of {@code split}, the metric by country in the query's view. */
    java.util.Map<String, java.util.Map<String, Double>> cross(String index, Adoption.Query q, Adoption.Dimension split) {
        Query filter = filters(q, null);
        String valueField = q.metric() == Adoption.Metric.MODELS ? "originCredit.share" : "originCredit.downloads30d";
        try {
            SearchResponse<Void> response = client.search(s -> s.index(index).size(0).query(filter)
                    .aggregations("split", a -> a.terms(t -> t.field(field(split, q.view())).size(q.top())
                                    .missing(split == Adoption.Dimension.ORGANISATION ? UNATTRIBUTED : "unknown"))
                            .aggregations("credit", c -> c.nested(n -> n.path("originCredit"))
                                    .aggregations("view", v -> v.filter(f -> f.term(t -> t.field("originCredit.view")
                                                    .value(q.view().id())))
                                            .aggregations("keys", k -> k.terms(t -> t.field("originCredit.country").size(50))
                                                    .aggregations("value", x -> x.sum(m -> m.field(valueField))))))), Void.class);
            java.util.Map<String, java.util.Map<String, Double>> out = new java.util.LinkedHashMap<>();
            for (StringTermsBucket b : response.aggregations().get("split").sterms().buckets().array()) {
                java.util.Map<String, Double> byCountry = new java.util.LinkedHashMap<>();
                for (StringTermsBucket c : b.aggregations().get("credit").nested().aggregations().get("view").filter()
                        .aggregations().get("keys").sterms().buckets().array()) {
                    byCountry.put(c.key().stringValue(), c.aggregations().get("value").sum().value());
                }
                out.put(b.key().stringValue(), byCountry);
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("adoption aggregation failed", e);
        }
    }

    /** The days that have snapshots in [from, to], ascending. */
    List<java.time.LocalDate> days(String index, java.time.LocalDate from, java.time.LocalDate to) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(index).size(0).ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .query(q -> q.range(r -> r.date(d -> d.field("day").gte(from.toString()).lte(to.toString()))))
                    .aggregations("days", a -> a.dateHistogram(h -> h.field("day")
                            .calendarInterval(co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval.Day)
                            .minDocCount(1))), Void.class);
            if (response.aggregations().get("days") == null) {
                return List.of();
            }
            return response.aggregations().get("days").dateHistogram().buckets().array().stream()
                    .map(b -> java.time.Instant.ofEpochMilli(b.key()).atZone(java.time.ZoneOffset.UTC).toLocalDate())
                    .toList();
        } catch (IOException e) {
            throw new StorageException("snapshot days query failed", e);
        }
    }

    /** The query's breakdown on each of the given snapshot days: day → result. */
    java.util.Map<java.time.LocalDate, Result> onDays(String index, Adoption.Query q, List<java.time.LocalDate> days) {
        java.util.Map<java.time.LocalDate, Result> out = new java.util.LinkedHashMap<>();
        for (java.time.LocalDate day : days) {
            Query scope = Query.of(x -> x.term(t -> t.field("day").value(day.toString())));
            out.put(day, aggregate(index, q, scope));
        }
        return out;
    }

    static String field(Adoption.Dimension d, Adoption.View view) {
        return switch (d) {
            case ORIGIN -> "originCredit.country";
            case ORGANISATION -> view == Adoption.View.UPLOADER ? "attribution.uploaderOrg" : "attribution.developerOrgs";
            case SECTOR -> "attribution.sectors";
            case HARDWARE_CLASS -> "attribution.hardware.clazz";
            case LICENCE_CLASS -> "attribution.licence.effectiveClass"; // the terms that bind along the lineage (issue 12)
            case HUB -> "hub";
        };
    }

    private static Query filters(Adoption.Query q, Query scope) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (scope != null) {
            bool.filter(scope);
        }
        q.filters().forEach((dimension, values) -> {
            List<FieldValue> accepted = values.stream().map(FieldValue::of).toList();
            if (dimension == Adoption.Dimension.ORIGIN) {
                bool.filter(f -> f.nested(n -> n.path("originCredit").query(nq -> nq.bool(b -> b
                        .filter(t -> t.term(tt -> tt.field("originCredit.view").value(q.view().id())))
                        .filter(t -> t.terms(tt -> tt.field("originCredit.country").terms(v -> v.value(accepted))))))));
            } else {
                bool.filter(f -> f.terms(t -> t.field(field(dimension, q.view())).terms(v -> v.value(accepted))));
            }
        });
        return Query.of(b -> b.bool(bool.build()));
    }

    private static Aggregation breakdown(Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return Aggregation.of(a -> a.nested(n -> n.path("originCredit"))
                    .aggregations("view", v -> v.filter(f -> f.term(t -> t.field("originCredit.view").value(q.view().id())))
                            .aggregations("keys", k -> k.terms(t -> t.field("originCredit.country").size(q.top())
                                            .order(NamedValue.of("value", SortOrder.Desc)))
                                    .aggregations("value", creditValue(q)))));
        }
        return Aggregation.of(a -> a.terms(t -> t.field(field(q.by(), q.view())).size(q.top())
                        .missing(q.by() == Adoption.Dimension.ORGANISATION ? UNATTRIBUTED : "unknown")
                        .order(NamedValue.of(q.metric() == Adoption.Metric.MODELS ? "_count" : "value", SortOrder.Desc)))
                .aggregations("value", a2 -> a2.sum(s -> s.field("downloads30d"))));
    }

    private static Aggregation creditValue(Adoption.Query q) {
        String field = q.metric() == Adoption.Metric.MODELS ? "originCredit.share" : "originCredit.downloads30d";
        return Aggregation.of(a -> a.sum(s -> s.field(field)));
    }

    private static Aggregation total(Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return Aggregation.of(a -> a.nested(n -> n.path("originCredit"))
                    .aggregations("view", v -> v.filter(f -> f.term(t -> t.field("originCredit.view").value(q.view().id())))
                            .aggregations("value", creditValue(q))));
        }
        return Aggregation.of(a -> a.sum(s -> s.field("downloads30d")));
    }

    private static List<StringTermsBucket> buckets(Aggregate by, Adoption.Query q) {
        Aggregate terms = q.by() == Adoption.Dimension.ORIGIN
                ? by.nested().aggregations().get("view").filter().aggregations().get("keys") : by;
        return terms.sterms().buckets().array();
    }

    private static double valueOf(StringTermsBucket b, Adoption.Query q) {
        if (q.by() != Adoption.Dimension.ORIGIN && q.metric() == Adoption.Metric.MODELS) {
            return b.docCount();
        }
        return b.aggregations().get("value").sum().value();
    }

    private static double totalOf(Aggregate total, Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return total.nested().aggregations().get("view").filter().aggregations().get("value").sum().value();
        }
        return total.sum().value();
    }
}
