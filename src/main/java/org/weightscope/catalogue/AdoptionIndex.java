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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.weightscope.storage.StorageException;

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
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(index)
                            .size(0)
                            .query(filter)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .aggregations(
                                    "points",
                                    a -> a.filters(f -> f.filters(b -> b.keyed(points)))
                                            .aggregations(pointAggregations(q, withIds)))
                            .aggregations("stale", a -> a.filters(f -> f.filters(b -> b.keyed(stale)))),
                    Void.class);
            if (response.aggregations().get("points") == null) {
                days.forEach(d -> out.put(d, AdoptionResult.empty(0)));
                return out;
            }
            Map<String, FiltersBucket> pointBuckets =
                    response.aggregations().get("points").filters().buckets().keyed();
            Map<String, FiltersBucket> staleBuckets =
                    response.aggregations().get("stale").filters().buckets().keyed();
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
        } catch (IOException e) {
            throw new StorageException("adoption aggregation failed", e);
        }
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
        List<Adoption.Figure> figures =
                CreditAggregations.figures(buckets(aggs.get("by"), q), b -> valueOf(b, q), q.metric(), total);
        Instant asOf = CreditAggregations.newest(aggs.get("asOf"));
        Map<String, Long> sources = new LinkedHashMap<>();
        aggs.get("sources")
                .sterms()
                .buckets()
                .array()
                .forEach(b -> sources.put(b.key().stringValue(), b.docCount()));
        var top = aggs.get("top").sterms().buckets().array();
        String topModel = top.isEmpty() ? null : top.get(0).key().stringValue();
        double topValue =
                top.isEmpty() ? 0 : top.get(0).aggregations().get("value").sum().value();
        Set<String> ids = new LinkedHashSet<>();
        if (withIds) {
            aggs.get("ids")
                    .sterms()
                    .buckets()
                    .array()
                    .forEach(b -> ids.add(b.key().stringValue()));
        }
        total = CreditAggregations.shown(q.metric(), total);
        return new AdoptionResult(
                total,
                figures,
                asOf,
                models,
                Math.round(aggs.get("downloads").sum().value()),
                CreditAggregations.day(aggs.get("from")),
                CreditAggregations.day(aggs.get("to")),
                leftOut,
                sources,
                topModel,
                topValue,
                ids);
    }

    /** Origin × another dimension as of one day: for each key of {@code split}, the metric by country. */
    Map<String, Map<String, Double>> cross(
            String index, Adoption.Query q, Adoption.Dimension split, LocalDate at, int window) {
        Query filter = Query.of(x -> x.bool(b -> b.filter(filters(q, null)).filter(AsOfRule.counted(at, window))));
        Aggregation credit = CreditAggregations.byCountry(
                q.view(), 50, null, Map.of("value", CreditAggregations.creditSum(q.metric())));
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(index)
                            .size(0)
                            .query(filter)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .aggregations(
                                    "split",
                                    a -> a.terms(t -> t.field(field(split, q.view()))
                                                    .size(q.top())
                                                    .missing(CreditAggregations.missingKey(split)))
                                            .aggregations("credit", credit)),
                    Void.class);
            return CreditAggregations.cross(response.aggregations().get("split"));
        } catch (IOException e) {
            throw new StorageException("adoption aggregation failed", e);
        }
    }

    /** The newest capture day on or before {@code day} of snapshots that carry the metric, if any. */
    java.util.Optional<LocalDate> newestDay(String index, Adoption.Metric metric, LocalDate day) {
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(index)
                            .size(0)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(x -> x.bool(b -> {
                                b.filter(f ->
                                        f.range(r -> r.date(d -> d.field("day").lte(day.toString()))));
                                if (metric == Adoption.Metric.DOWNLOADS_30D) {
                                    b.filter(f -> f.exists(e -> e.field("downloads30d")));
                                }
                                return b;
                            }))
                            .aggregations("newest", a -> a.max(m -> m.field("day"))),
                    Void.class);
            Aggregate newest = response.aggregations().get("newest");
            return newest == null
                    ? java.util.Optional.empty()
                    : java.util.Optional.ofNullable(CreditAggregations.day(newest));
        } catch (IOException e) {
            throw new StorageException("snapshot days query failed", e);
        }
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

    private static List<StringTermsBucket> buckets(Aggregate by, Adoption.Query q) {
        return q.by() == Adoption.Dimension.ORIGIN
                ? CreditAggregations.countries(by)
                : by.sterms().buckets().array();
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
