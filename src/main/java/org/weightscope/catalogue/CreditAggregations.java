package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.weightscope.storage.StorageException;

/**
 * The query and aggregation parts the snapshot aggregation ({@link AdoptionIndex}) and the cube ({@link CubeReader})
 * share: both store the origin credit as nested {@code originCredit} entries (view, country, share, downloads) and
 * the other dimensions under the same field names, so a figure is asked for the same way of either.
 */
final class CreditAggregations {

    private CreditAggregations() {}

    /** Adds the query's dimension filters (an origin filter selects by the credit in the query's view). */
    static void dimensionFilters(BoolQuery.Builder bool, Adoption.Query q) {
        dimensionFilters(bool, q.view(), q.filters());
    }

    /** Adds dimension filters (an origin filter selects by the credit in {@code view}). */
    static void dimensionFilters(
            BoolQuery.Builder bool, Adoption.View view, Map<Adoption.Dimension, List<String>> filters) {
        filters.forEach((dimension, values) -> {
            List<FieldValue> accepted = values.stream().map(FieldValue::of).toList();
            if (dimension == Adoption.Dimension.ORIGIN) {
                bool.filter(f -> f.nested(n -> n.path("originCredit")
                        .query(nq -> nq.bool(b -> b.filter(t -> t.term(
                                        tt -> tt.field("originCredit.view").value(view.id())))
                                .filter(t -> t.terms(
                                        tt -> tt.field("originCredit.country").terms(v -> v.value(accepted))))))));
            } else {
                bool.filter(f -> f.terms(
                        t -> t.field(AdoptionIndex.field(dimension, view)).terms(v -> v.value(accepted))));
            }
        });
    }

    /** The key a document without a value of {@code d} is counted under. */
    static String missingKey(Adoption.Dimension d) {
        return d == Adoption.Dimension.ORGANISATION ? AdoptionIndex.UNATTRIBUTED : "unknown";
    }

    /** The credit field a metric sums: a model's share of one (counts) or its credited downloads. */
    static String creditField(Adoption.Metric metric) {
        return metric == Adoption.Metric.MODELS ? "originCredit.share" : "originCredit.downloads30d";
    }

    /** The credit entries of one view: {@code sub} aggregations under a nested → filter(view) pair. */
    static Aggregation inView(Adoption.View view, Map<String, Aggregation> sub) {
        return Aggregation.of(a -> a.nested(n -> n.path("originCredit"))
                .aggregations(
                        "view",
                        v -> v.filter(f ->
                                        f.term(t -> t.field("originCredit.view").value(view.id())))
                                .aggregations(sub)));
    }

    /** Credit entries of one view by country ({@code keys}), ordered by the sub-aggregation {@code orderBy}. */
    static Aggregation byCountry(Adoption.View view, int size, String orderBy, Map<String, Aggregation> sub) {
        return inView(view, Map.of("keys", countryTerms(size, orderBy, sub)));
    }

    /** Credit entries by country, ordered by the sub-aggregation {@code orderBy} (null: by count). */
    static Aggregation countryTerms(int size, String orderBy, Map<String, Aggregation> sub) {
        return Aggregation.of(k -> k.terms(t -> {
                    t.field("originCredit.country").size(size);
                    return orderBy == null ? t : t.order(NamedValue.of(orderBy, SortOrder.Desc));
                })
                .aggregations(sub));
    }

    /** The sum of a metric's credit field. */
    static Aggregation creditSum(Adoption.Metric metric) {
        return sum(creditField(metric));
    }

    /** A sum aggregation. */
    static Aggregation sum(String field) {
        return Aggregation.of(a -> a.sum(s -> s.field(field)));
    }

    /** The view-filtered part of an {@link #inView} answer. */
    static Map<String, Aggregate> viewOf(Aggregate nested) {
        return nested.nested().aggregations().get("view").filter().aggregations();
    }

    /** The country buckets of a {@link #byCountry} answer. */
    static List<StringTermsBucket> countries(Aggregate nested) {
        return viewOf(nested).get("keys").sterms().buckets().array();
    }

    /**
     * Origin × another dimension: for each key of {@code split}, the {@code value} sum by country of its
     * {@code credit} sub-aggregation (a {@link #byCountry}).
     */
    static Map<String, Map<String, Double>> cross(Aggregate split) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (split == null) {
            return out;
        }
        for (StringTermsBucket b : split.sterms().buckets().array()) {
            Map<String, Double> byCountry = new LinkedHashMap<>();
            for (StringTermsBucket c : countries(b.aggregations().get("credit"))) {
                byCountry.put(
                        c.key().stringValue(),
                        c.aggregations().get("value").sum().value());
            }
            out.put(b.key().stringValue(), byCountry);
        }
        return out;
    }

    /** The day of a min or max aggregation over a date field, or null when there were no documents. */
    static LocalDate day(Aggregate minOrMax) {
        String text = minOrMax.isMin()
                ? minOrMax.min().valueAsString()
                : minOrMax.max().valueAsString();
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    /** Figures of a breakdown's buckets, largest first; each bucket's value by {@code value}, its share of the total. */
    static List<Adoption.Figure> figures(
            List<StringTermsBucket> buckets,
            java.util.function.ToDoubleFunction<StringTermsBucket> value,
            Adoption.Metric metric,
            double total) {
        List<Adoption.Figure> figures = new java.util.ArrayList<>();
        for (StringTermsBucket b : buckets) {
            double v = value.applyAsDouble(b);
            figures.add(new Adoption.Figure(b.key().stringValue(), shown(metric, v), total == 0 ? 0 : v / total));
        }
        figures.sort((a, b) -> Double.compare(b.value(), a.value()));
        return figures;
    }

    /** The time of a max aggregation over a date field, or null when there were no documents. */
    static java.time.Instant newest(Aggregate max) {
        var m = max.max();
        return m.valueAsString() == null ? null : java.time.Instant.ofEpochMilli((long) m.value());
    }

    /** Downloads read as whole numbers (a split credit can leave halves); counts keep two decimals (merges). */
    static double shown(Adoption.Metric metric, double value) {
        return metric == Adoption.Metric.MODELS ? Math.round(value * 100) / 100.0 : Math.round(value);
    }

    /** Aggregations only (no hits) over the documents of {@code index} matching {@code query}; a missing index is empty. */
    static SearchResponse<Void> aggregate(
            ElasticsearchClient client, String index, Query query, Map<String, Aggregation> aggregations, String what) {
        try {
            return client.search(
                    s -> s.index(index)
                            .size(0)
                            .query(query)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .aggregations(aggregations),
                    Void.class);
        } catch (IOException e) {
            throw new StorageException(what + " failed", e);
        }
    }

    /** The buckets of a keyed {@code filters} aggregation of an answer, by key. */
    static Map<String, FiltersBucket> filterBuckets(SearchResponse<Void> response, String name) {
        return response.aggregations().get(name).filters().buckets().keyed();
    }

    /** Each bucket of a terms answer, by key, with {@code value} of it, in the answer's order. */
    static Map<String, Long> byKey(Aggregate terms, ToLongFunction<StringTermsBucket> value) {
        Map<String, Long> out = new LinkedHashMap<>();
        terms.sterms().buckets().array().forEach(b -> out.put(b.key().stringValue(), value.applyAsLong(b)));
        return out;
    }

    /** The breakdown's buckets of a point: countries in the query's view, or the terms of another dimension. */
    static List<StringTermsBucket> buckets(Aggregate by, Adoption.Query q) {
        return q.by() == Adoption.Dimension.ORIGIN
                ? countries(by)
                : by.sterms().buckets().array();
    }

    /**
     * What the snapshot aggregation and the cube read differently about one point: the total (before it is rounded
     * for show), each breakdown bucket's value, its sources' model counts and its most downloaded model.
     */
    record Reading(
            double total,
            ToDoubleFunction<StringTermsBucket> value,
            Map<String, Long> sources,
            String topModel,
            double topValue) {}

    /**
     * A point's result from its aggregations: the figures of the breakdown {@code by}, and what both stores answer
     * under the same names ({@code asOf}, {@code downloads}, {@code from}, {@code to}).
     */
    static AdoptionResult result(
            Adoption.Query q, Map<String, Aggregate> aggs, long models, long leftOut, Reading r, Set<String> ids) {
        return new AdoptionResult(
                shown(q.metric(), r.total()),
                figures(buckets(aggs.get("by"), q), r.value(), q.metric(), r.total()),
                newest(aggs.get("asOf")),
                models,
                Math.round(aggs.get("downloads").sum().value()),
                day(aggs.get("from")),
                day(aggs.get("to")),
                leftOut,
                r.sources(),
                r.topModel(),
                r.topValue(),
                ids);
    }
}
