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
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Aggregations behind {@link AdoptionService} over the daily snapshots: plain filters/terms/nested/sum
 * aggregations only, which the embedded minimal Elasticsearch and any full cluster both run. Every as-of day of
 * a request is one bucket of a {@code filters} aggregation, so a whole series is one search.
 */
@Component
class AdoptionIndex {

    static final String UNATTRIBUTED = Attribution.UNATTRIBUTED;
    /** The licence class figures are keyed on (issue 12 moves it to the effective class: change it here only). */
    static final String LICENCE_CLASS_FIELD =
            "attribution.licence.effectiveClass"; // the terms that bind along the lineage
    /** Most model ids a constant-sample series keeps track of per point. */
    static final int MAX_SAMPLE = 20_000;

    private final ElasticsearchClient client;

    AdoptionIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The query as of each of {@code days} under the as-of rule, in one search.
     *
     * @param onlyModels restrict to these model ids (a constant sample), or null
     * @param withIds    also return each point's model ids (at most {@link #MAX_SAMPLE})
     */
    Map<LocalDate, AdoptionResult> asOf(
            String index,
            Adoption.Query q,
            List<LocalDate> days,
            int window,
            Collection<String> onlyModels,
            boolean withIds) {
        Map<LocalDate, AdoptionResult> out = new LinkedHashMap<>();
        if (days.isEmpty()) {
            return out;
        }
        Query filter = filters(q, onlyModels);
        Map<String, Query> points = new LinkedHashMap<>();
        Map<String, Query> stale = new LinkedHashMap<>();
        for (LocalDate d : days) {
            points.put(d.toString(), AsOfRule.counted(d, window));
            stale.put(d.toString(), AsOfRule.stale(d, window));
        }
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put(
                "points",
                Aggregation.of(a ->
                        a.filters(f -> f.filters(b -> b.keyed(points))).aggregations(pointAggregations(q, withIds))));
        aggs.put("stale", Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(stale)))));
        SearchResponse<Void> response =
                CreditAggregations.aggregate(client, index, filter, aggs, "adoption aggregation");
        if (response.aggregations().get("points") == null) {
            days.forEach(d -> out.put(d, AdoptionResult.empty(0)));
            return out;
        }
        Map<String, FiltersBucket> pointBuckets = CreditAggregations.filterBuckets(response, "points");
        Map<String, FiltersBucket> staleBuckets = CreditAggregations.filterBuckets(response, "stale");
        for (LocalDate d : days) {
            long leftOut = staleBuckets.get(d.toString()).docCount();
            FiltersBucket b = pointBuckets.get(d.toString());
            out.put(
                    d,
                    b.docCount() == 0
                            ? AdoptionResult.empty(leftOut)
                            : result(b.aggregations(), b.docCount(), q, leftOut, withIds));
        }
        return out;
    }

    /**
     * The ids of the models each of {@code days} counts under the as-of rule (at most {@link #MAX_SAMPLE} a day),
     * in one search: a constant sample's models, when the figures themselves come from the cube.
     */
    Map<LocalDate, Set<String>> idsAsOf(String index, Adoption.Query q, List<LocalDate> days, int window) {
        Map<LocalDate, Set<String>> out = new LinkedHashMap<>();
        if (days.isEmpty()) {
            return out;
        }
        Map<String, Query> points = new LinkedHashMap<>();
        days.forEach(d -> points.put(d.toString(), AsOfRule.counted(d, window)));
        Aggregation ids = Aggregation.of(a -> a.terms(t -> t.field("modelId").size(MAX_SAMPLE)));
        Aggregation byPoint = Aggregation.of(
                a -> a.filters(f -> f.filters(b -> b.keyed(points))).aggregations("ids", ids));
        SearchResponse<Void> response = CreditAggregations.aggregate(
                client, index, filters(q, null), Map.of("points", byPoint), "constant sample query");
        if (response.aggregations().get("points") == null) {
            days.forEach(d -> out.put(d, Set.of()));
            return out;
        }
        Map<String, FiltersBucket> buckets = CreditAggregations.filterBuckets(response, "points");
        for (LocalDate d : days) {
            Aggregate terms = buckets.get(d.toString()).aggregations().get("ids");
            out.put(
                    d,
                    new LinkedHashSet<>(CreditAggregations.byKey(terms, StringTermsBucket::docCount)
                            .keySet()));
        }
        return out;
    }

    private static Map<String, Aggregation> pointAggregations(Adoption.Query q, boolean withIds) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("by", breakdown(q));
        aggs.put("total", total(q));
        aggs.put("asOf", Aggregation.of(a -> a.max(m -> m.field("asOf"))));
        aggs.put("from", Aggregation.of(a -> a.min(m -> m.field("day"))));
        aggs.put("to", Aggregation.of(a -> a.max(m -> m.field("day"))));
        aggs.put("downloads", Aggregation.of(a -> a.sum(m -> m.field("downloads30d"))));
        aggs.put("sources", Aggregation.of(a -> a.terms(t -> t.field("source").size(100))));
        aggs.put(
                "top",
                Aggregation.of(a -> a.terms(
                                t -> t.field("modelId").size(1).order(NamedValue.of("value", SortOrder.Desc)))
                        .aggregations("value", x -> x.sum(m -> m.field("downloads30d")))));
        if (withIds) {
            aggs.put("ids", Aggregation.of(a -> a.terms(t -> t.field("modelId").size(MAX_SAMPLE))));
        }
        return aggs;
    }

    private static AdoptionResult result(
            Map<String, Aggregate> aggs, long models, Adoption.Query q, long leftOut, boolean withIds) {
        double total = q.by() != Adoption.Dimension.ORIGIN && q.metric() == Adoption.Metric.MODELS
                ? models
                : totalOf(aggs.get("total"), q);
        var top = aggs.get("top").sterms().buckets().array();
        var reading = new CreditAggregations.Reading(
                total,
                b -> valueOf(b, q),
                CreditAggregations.byKey(aggs.get("sources"), StringTermsBucket::docCount),
                top.isEmpty() ? null : top.get(0).key().stringValue(),
                top.isEmpty() ? 0 : top.get(0).aggregations().get("value").sum().value());
        Set<String> ids = withIds
                ? new LinkedHashSet<>(CreditAggregations.byKey(aggs.get("ids"), StringTermsBucket::docCount)
                        .keySet())
                : new LinkedHashSet<>();
        return CreditAggregations.result(q, aggs, models, leftOut, reading, ids);
    }

    /** Origin × another dimension as of one day: for each key of {@code split}, the metric by country. */
    Map<String, Map<String, Double>> cross(
            String index, Adoption.Query q, Adoption.Dimension split, LocalDate at, int window) {
        Query filter = Query.of(x -> x.bool(b -> b.filter(filters(q, null)).filter(AsOfRule.counted(at, window))));
        Aggregation credit = CreditAggregations.byCountry(
                q.view(), 50, null, Map.of("value", CreditAggregations.creditSum(q.metric())));
        Aggregation splitBy = Aggregation.of(a -> a.terms(t ->
                        t.field(field(split, q.view())).size(q.top()).missing(CreditAggregations.missingKey(split)))
                .aggregations("credit", credit));
        return CreditAggregations.cross(
                CreditAggregations.aggregate(client, index, filter, Map.of("split", splitBy), "adoption aggregation")
                        .aggregations()
                        .get("split"));
    }

    /** The newest capture day on or before {@code day} of snapshots that carry the metric, if any. */
    Optional<LocalDate> newestDay(String index, Adoption.Metric metric, LocalDate day) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.range(r -> r.date(d -> d.field("day").lte(day.toString()))));
        if (metric == Adoption.Metric.DOWNLOADS_30D) {
            bool.filter(f -> f.exists(e -> e.field("downloads30d")));
        }
        Aggregate newest = CreditAggregations.aggregate(
                        client,
                        index,
                        Query.of(x -> x.bool(bool.build())),
                        Map.of("newest", Aggregation.of(a -> a.max(m -> m.field("day")))),
                        "snapshot days query")
                .aggregations()
                .get("newest");
        return newest == null ? Optional.empty() : Optional.ofNullable(CreditAggregations.day(newest));
    }

    static String field(Adoption.Dimension d, Adoption.View view) {
        return switch (d) {
            case ORIGIN -> "originCredit.country";
            case ORGANISATION ->
                view == Adoption.View.UPLOADER ? "attribution.uploaderOrg" : "attribution.developerOrgs";
            case SECTOR -> "attribution.sectors";
            case HARDWARE_CLASS -> "attribution.hardware.clazz";
            case LICENCE_CLASS -> LICENCE_CLASS_FIELD;
            case HUB -> "hub";
        };
    }

    /** The query's filters; a downloads metric counts only captures that carry a 30-day download count. */
    private static Query filters(Adoption.Query q, Collection<String> onlyModels) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.metric() == Adoption.Metric.DOWNLOADS_30D) {
            bool.filter(f -> f.exists(e -> e.field("downloads30d")));
        }
        if (onlyModels != null) {
            List<FieldValue> ids = onlyModels.stream().map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field("modelId").terms(v -> v.value(ids))));
        }
        CreditAggregations.dimensionFilters(bool, q);
        return Query.of(b -> b.bool(bool.build()));
    }

    private static Aggregation breakdown(Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return CreditAggregations.byCountry(
                    q.view(), q.top(), "value", Map.of("value", CreditAggregations.creditSum(q.metric())));
        }
        return Aggregation.of(a -> a.terms(t -> t.field(field(q.by(), q.view()))
                        .size(q.top())
                        .missing(CreditAggregations.missingKey(q.by()))
                        .order(NamedValue.of(
                                q.metric() == Adoption.Metric.MODELS ? "_count" : "value", SortOrder.Desc)))
                .aggregations("value", CreditAggregations.sum("downloads30d")));
    }

    private static Aggregation total(Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return CreditAggregations.inView(q.view(), Map.of("value", CreditAggregations.creditSum(q.metric())));
        }
        return CreditAggregations.sum("downloads30d");
    }

    private static double valueOf(StringTermsBucket b, Adoption.Query q) {
        if (q.by() != Adoption.Dimension.ORIGIN && q.metric() == Adoption.Metric.MODELS) {
            return b.docCount();
        }
        return b.aggregations().get("value").sum().value();
    }

    private static double totalOf(Aggregate total, Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return CreditAggregations.viewOf(total).get("value").sum().value();
        }
        return total.sum().value();
    }
}
