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
import java.util.ArrayList;
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

    /** The figures as of one day and what they were computed over (raw: before the service adds warnings). */
    record Result(
            double total,
            List<Adoption.Figure> figures,
            Instant asOf,
            long models,
            long downloads,
            LocalDate capturedFrom,
            LocalDate capturedTo,
            long leftOutStale,
            Map<String, Long> sources,
            String topModel,
            double topValue,
            Set<String> modelIds) {}

    /**
     * The query as of each of {@code days} under the as-of rule, in one search.
     *
     * @param onlyModels restrict to these model ids (a constant sample), or null
     * @param withIds    also return each point's model ids (at most {@link #MAX_SAMPLE})
     */
    Map<LocalDate, Result> asOf(
            String index,
            Adoption.Query q,
            List<LocalDate> days,
            int window,
            Collection<String> onlyModels,
            boolean withIds) {
        Map<LocalDate, Result> out = new LinkedHashMap<>();
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
                days.forEach(d -> out.put(d, empty(0)));
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
                                ? empty(leftOut)
                                : result(b.aggregations(), b.docCount(), q, leftOut, withIds));
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("adoption aggregation failed", e);
        }
    }

    private static Result empty(long leftOut) {
        return new Result(0, List.of(), null, 0, 0, null, null, leftOut, Map.of(), null, 0, Set.of());
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

    private static Result result(
            Map<String, Aggregate> aggs, long models, Adoption.Query q, long leftOut, boolean withIds) {
        double total = q.by() != Adoption.Dimension.ORIGIN && q.metric() == Adoption.Metric.MODELS
                ? models
                : totalOf(aggs.get("total"), q);
        List<Adoption.Figure> figures = new ArrayList<>();
        for (StringTermsBucket b : buckets(aggs.get("by"), q)) {
            double value = valueOf(b, q);
            // downloads read as whole numbers (a split credit can leave halves); counts keep two decimals (merges)
            double shown = q.metric() == Adoption.Metric.MODELS ? Math.round(value * 100) / 100.0 : Math.round(value);
            figures.add(new Adoption.Figure(b.key().stringValue(), shown, total == 0 ? 0 : value / total));
        }
        figures.sort((a, b) -> Double.compare(b.value(), a.value()));
        var max = aggs.get("asOf").max();
        Instant asOf = max.valueAsString() == null ? null : Instant.ofEpochMilli((long) max.value());
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
        total = q.metric() == Adoption.Metric.MODELS ? Math.round(total * 100) / 100.0 : Math.round(total);
        return new Result(
                total,
                figures,
                asOf,
                models,
                Math.round(aggs.get("downloads").sum().value()),
                day(aggs.get("from")),
                day(aggs.get("to")),
                leftOut,
                sources,
                topModel,
                topValue,
                ids);
    }

    private static LocalDate day(Aggregate minOrMax) {
        String text = minOrMax.isMin()
                ? minOrMax.min().valueAsString()
                : minOrMax.max().valueAsString();
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    /** Origin × another dimension as of one day: for each key of {@code split}, the metric by country. */
    Map<String, Map<String, Double>> cross(
            String index, Adoption.Query q, Adoption.Dimension split, LocalDate at, int window) {
        Query filter = Query.of(x -> x.bool(b -> b.filter(filters(q, null)).filter(AsOfRule.counted(at, window))));
        String valueField = q.metric() == Adoption.Metric.MODELS ? "originCredit.share" : "originCredit.downloads30d";
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
                                                    .missing(
                                                            split == Adoption.Dimension.ORGANISATION
                                                                    ? UNATTRIBUTED
                                                                    : "unknown"))
                                            .aggregations(
                                                    "credit",
                                                    c -> c.nested(n -> n.path("originCredit"))
                                                            .aggregations(
                                                                    "view",
                                                                    v -> v.filter(f -> f.term(
                                                                                    t -> t.field("originCredit.view")
                                                                                            .value(q.view()
                                                                                                    .id())))
                                                                            .aggregations(
                                                                                    "keys",
                                                                                    k -> k.terms(t -> t.field(
                                                                                                            "originCredit.country")
                                                                                                    .size(50))
                                                                                            .aggregations(
                                                                                                    "value",
                                                                                                    x -> x.sum(
                                                                                                            m ->
                                                                                                                    m
                                                                                                                            .field(
                                                                                                                                    valueField))))))),
                    Void.class);
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            if (response.aggregations().get("split") == null) {
                return out;
            }
            for (StringTermsBucket b :
                    response.aggregations().get("split").sterms().buckets().array()) {
                Map<String, Double> byCountry = new LinkedHashMap<>();
                for (StringTermsBucket c : b.aggregations()
                        .get("credit")
                        .nested()
                        .aggregations()
                        .get("view")
                        .filter()
                        .aggregations()
                        .get("keys")
                        .sterms()
                        .buckets()
                        .array()) {
                    byCountry.put(
                            c.key().stringValue(),
                            c.aggregations().get("value").sum().value());
                }
                out.put(b.key().stringValue(), byCountry);
            }
            return out;
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
            return newest == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(day(newest));
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
        q.filters().forEach((dimension, values) -> {
            List<FieldValue> accepted = values.stream().map(FieldValue::of).toList();
            if (dimension == Adoption.Dimension.ORIGIN) {
                bool.filter(f -> f.nested(n -> n.path("originCredit")
                        .query(nq -> nq.bool(b -> b.filter(t -> t.term(tt -> tt.field("originCredit.view")
                                        .value(q.view().id())))
                                .filter(t -> t.terms(
                                        tt -> tt.field("originCredit.country").terms(v -> v.value(accepted))))))));
            } else {
                bool.filter(f ->
                        f.terms(t -> t.field(field(dimension, q.view())).terms(v -> v.value(accepted))));
            }
        });
        return Query.of(b -> b.bool(bool.build()));
    }

    private static Aggregation breakdown(Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return Aggregation.of(a -> a.nested(n -> n.path("originCredit"))
                    .aggregations(
                            "view",
                            v -> v.filter(f -> f.term(t -> t.field("originCredit.view")
                                            .value(q.view().id())))
                                    .aggregations(
                                            "keys",
                                            k -> k.terms(t -> t.field("originCredit.country")
                                                            .size(q.top())
                                                            .order(NamedValue.of("value", SortOrder.Desc)))
                                                    .aggregations("value", creditValue(q)))));
        }
        return Aggregation.of(a -> a.terms(t -> t.field(field(q.by(), q.view()))
                        .size(q.top())
                        .missing(q.by() == Adoption.Dimension.ORGANISATION ? UNATTRIBUTED : "unknown")
                        .order(NamedValue.of(
                                q.metric() == Adoption.Metric.MODELS ? "_count" : "value", SortOrder.Desc)))
                .aggregations("value", a2 -> a2.sum(s -> s.field("downloads30d"))));
    }

    private static Aggregation creditValue(Adoption.Query q) {
        String field = q.metric() == Adoption.Metric.MODELS ? "originCredit.share" : "originCredit.downloads30d";
        return Aggregation.of(a -> a.sum(s -> s.field(field)));
    }

    private static Aggregation total(Adoption.Query q) {
        if (q.by() == Adoption.Dimension.ORIGIN) {
            return Aggregation.of(a -> a.nested(n -> n.path("originCredit"))
                    .aggregations(
                            "view",
                            v -> v.filter(f -> f.term(t -> t.field("originCredit.view")
                                            .value(q.view().id())))
                                    .aggregations("value", creditValue(q))));
        }
        return Aggregation.of(a -> a.sum(s -> s.field("downloads30d")));
    }

    private static List<StringTermsBucket> buckets(Aggregate by, Adoption.Query q) {
        Aggregate terms = q.by() == Adoption.Dimension.ORIGIN
                ? by.nested().aggregations().get("view").filter().aggregations().get("keys")
                : by;
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
            return total.nested()
                    .aggregations()
                    .get("view")
                    .filter()
                    .aggregations()
                    .get("value")
                    .sum()
                    .value();
        }
        return total.sum().value();
    }
}
