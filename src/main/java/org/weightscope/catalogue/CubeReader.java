package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.weightscope.storage.Queries;
import org.weightscope.storage.StorageException;

/**
 * Reads figures from the adoption cube ({@link AdoptionCube}) behind {@code alias}, built under {@code rules} and
 * the freshness {@code window}: one search per request, answered from its groups. {@code scope} names a set of groups
 * built for one request only (a sample of models, or the cube switched off): "" for the cube itself.
 */
record CubeReader(ElasticsearchClient client, String alias, AttributionRules rules, int window, String scope) {

    /** The reader of the groups of another scope. */
    CubeReader scoped(String other) {
        return new CubeReader(client, alias, rules, window, other);
    }

    /** A request's answer from the cube, with each point's model-set fingerprint (count and two hash sums). */
    record Answer(Map<LocalDate, AdoptionResult> results, Map<LocalDate, List<Long>> fingerprints) {}

    /**
     * The query as of each of {@code days}, in one search; empty when the cube is off or does not hold every one of
     * the days (the caller then asks the snapshots).
     */
    Optional<Answer> asOf(Adoption.Query q, List<LocalDate> days) {
        Query filter = filters(q);
        Map<String, Query> points = new LinkedHashMap<>();
        Map<String, Query> stale = new LinkedHashMap<>();
        Map<String, Query> markers = new LinkedHashMap<>();
        String rule = rules.version();
        Query marker = Queries.terms("ruleVersion", rule, "window", String.valueOf(window));
        for (LocalDate d : days) {
            String day = d.toString();
            points.put(day, kindOn(AdoptionCube.COUNTED + scope, day, filter));
            stale.put(day, kindOn(AdoptionCube.STALE + scope, day, filter));
            markers.put(day, kindOn(AdoptionCube.DAY + scope, day, marker));
        }
        List<FieldValue> dayValues =
                days.stream().map(d -> FieldValue.of(d.toString())).toList();
        Query daysAndSpan = Query.of(x ->
                x.bool(b -> b.should(o -> o.terms(t -> t.field("day").terms(v -> v.value(dayValues))))
                        .should(o -> o.term(t -> t.field("kind").value(AdoptionCube.SPAN)))));
        Map<String, Aggregation> request = new LinkedHashMap<>();
        request.put("markers", Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(markers)))));
        request.put(
                "earliest",
                Aggregation.of(a -> a.filter(f -> f.term(t -> t.field("kind").value(AdoptionCube.SPAN)))
                        .aggregations("day", x -> x.min(m -> m.field("day")))));
        request.put(
                "points",
                Aggregation.of(
                        a -> a.filters(f -> f.filters(b -> b.keyed(points))).aggregations(pointAggregations(q))));
        request.put(
                "stale",
                Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(stale)))
                        .aggregations("models", x -> x.sum(m -> m.field("models")))));
        SearchResponse<Void> response =
                CreditAggregations.aggregate(client, alias, daysAndSpan, request, "adoption cube aggregation");
        if (response.aggregations().get("markers") == null) {
            return Optional.empty();
        }
        Map<String, FiltersBucket> markerBuckets = CreditAggregations.filterBuckets(response, "markers");
        LocalDate first = CreditAggregations.day(
                response.aggregations().get("earliest").filter().aggregations().get("day"));
        Set<LocalDate> before = new java.util.HashSet<>();
        for (LocalDate d : days) {
            if (first != null && d.isBefore(first)) {
                before.add(d); // before every capture: nothing to count, nothing stale
            } else if (markerBuckets.get(d.toString()).docCount() == 0) {
                return Optional.empty();
            }
        }
        Map<String, FiltersBucket> pointBuckets = CreditAggregations.filterBuckets(response, "points");
        Map<String, FiltersBucket> staleBuckets = CreditAggregations.filterBuckets(response, "stale");
        Map<LocalDate, AdoptionResult> out = new LinkedHashMap<>();
        Map<LocalDate, List<Long>> prints = new LinkedHashMap<>();
        for (LocalDate d : days) {
            if (before.contains(d)) {
                out.put(d, AdoptionResult.empty(0));
                prints.put(d, List.of(0L, 0L, 0L));
                continue;
            }
            long leftOut = Math.round(staleBuckets
                    .get(d.toString())
                    .aggregations()
                    .get("models")
                    .sum()
                    .value());
            Map<String, Aggregate> aggs = pointBuckets.get(d.toString()).aggregations();
            long models = Math.round(aggs.get("models").sum().value());
            out.put(d, models == 0 ? AdoptionResult.empty(leftOut) : result(aggs, models, q, leftOut));
            prints.put(
                    d,
                    List.of(
                            models,
                            Math.round(aggs.get("f1").sum().value()),
                            Math.round(aggs.get("f2").sum().value())));
        }
        return Optional.of(new Answer(out, prints));
    }

    /** Origin × another dimension as of one day, from the cube; empty when it does not hold the day. */
    Optional<Map<String, Map<String, Double>>> cross(Adoption.Query q, Adoption.Dimension split, LocalDate at) {
        if (!built(at)) {
            return Optional.empty();
        }
        String day = at.toString();
        Query filter = kindOn(AdoptionCube.COUNTED + scope, day, filters(q));
        Aggregation credit = CreditAggregations.byCountry(
                q.view(),
                50,
                "models",
                Map.of(
                        "models", CreditAggregations.sum("originCredit.models"),
                        "value", CreditAggregations.creditSum(q.metric())));
        Aggregation splitBy = Aggregation.of(a -> a.terms(t -> t.field(AdoptionIndex.field(split, q.view()))
                        .size(q.top())
                        .order(NamedValue.of("models", SortOrder.Desc))
                        .missing(CreditAggregations.missingKey(split)))
                .aggregations("models", CreditAggregations.sum("models"))
                .aggregations("credit", credit));
        SearchResponse<Void> response = CreditAggregations.aggregate(
                client, alias, filter, Map.of("split", splitBy), "adoption cube aggregation");
        return Optional.of(CreditAggregations.cross(response.aggregations().get("split")));
    }

    /** Cube documents of one kind and day that also match {@code and}. */
    private static Query kindOn(String kind, String day, Query and) {
        return Query.of(x ->
                x.bool(b -> b.filter(Queries.terms("kind", kind, "day", day)).filter(and)));
    }

    /** The newest day before {@code day} the cube holds under the rules and window, if any. */
    Optional<LocalDate> newestBuiltBefore(LocalDate day) {
        Query markers = Query.of(x -> x.bool(b -> b.filter(Queries.terms(
                        "kind",
                        AdoptionCube.DAY + scope,
                        "ruleVersion",
                        rules.version(),
                        "window",
                        String.valueOf(window)))
                .filter(f -> f.range(r -> r.date(d -> d.field("day").lt(day.toString()))))));
        Aggregate newest = CreditAggregations.aggregate(
                        client,
                        alias,
                        markers,
                        Map.of("newest", Aggregation.of(a -> a.max(m -> m.field("day")))),
                        "adoption cube days query")
                .aggregations()
                .get("newest");
        return newest == null ? Optional.empty() : Optional.ofNullable(CreditAggregations.day(newest));
    }

    boolean built(LocalDate day) {
        try {
            var r = client.get(g -> g.index(alias).id(AdoptionCube.markerId(day) + scope), Map.class);
            return r.found()
                    && r.source() != null
                    && rules.version().equals(r.source().get("ruleVersion"))
                    && Integer.valueOf(window).equals(r.source().get("window"));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) return false;
            throw e;
        } catch (IOException e) {
            throw new StorageException("reading the adoption cube failed", e);
        }
    }

    /** The query's filters on cube documents (a downloads metric: groups of captures that carry a 30-day count). */
    private static Query filters(Adoption.Query q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.metric() == Adoption.Metric.DOWNLOADS_30D) {
            bool.filter(f -> f.term(t -> t.field("hasDownloads").value(true)));
        }
        CreditAggregations.dimensionFilters(bool, q);
        return Query.of(b -> b.bool(bool.build()));
    }

    private static Map<String, Aggregation> pointAggregations(Adoption.Query q) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        Aggregation creditValue = CreditAggregations.creditSum(q.metric());
        if (q.by() == Adoption.Dimension.ORIGIN) {
            Aggregation keys = CreditAggregations.countryTerms(q.top(), "value", Map.of("value", creditValue));
            // the view's total credit beside its countries
            aggs.put("by", CreditAggregations.inView(q.view(), Map.of("keys", keys, "value", creditValue)));
        } else {
            String valueField = q.metric() == Adoption.Metric.MODELS ? "models" : "downloads30d";
            aggs.put(
                    "by",
                    Aggregation.of(a -> a.terms(t -> t.field(AdoptionIndex.field(q.by(), q.view()))
                                    .size(q.top())
                                    .missing(CreditAggregations.missingKey(q.by()))
                                    .order(NamedValue.of("value", SortOrder.Desc)))
                            .aggregations("value", CreditAggregations.sum(valueField))));
        }
        aggs.put("models", Aggregation.of(a -> a.sum(m -> m.field("models"))));
        aggs.put("downloads", Aggregation.of(a -> a.sum(m -> m.field("downloads30d"))));
        aggs.put("asOf", Aggregation.of(a -> a.max(m -> m.field("asOf"))));
        aggs.put("from", Aggregation.of(a -> a.min(m -> m.field("from"))));
        aggs.put("to", Aggregation.of(a -> a.max(m -> m.field("to"))));
        aggs.put("f1", Aggregation.of(a -> a.sum(m -> m.field("fingerprint1"))));
        aggs.put("f2", Aggregation.of(a -> a.sum(m -> m.field("fingerprint2"))));
        aggs.put(
                "sources",
                Aggregation.of(a -> a.terms(t -> t.field("source").size(100))
                        .aggregations("models", x -> x.sum(m -> m.field("models")))));
        aggs.put(
                "top",
                Aggregation.of(a -> a.topHits(h -> h.size(1)
                        .source(src -> src.filter(f -> f.includes("topModel", "topDownloads")))
                        .sort(o -> o.field(f -> f.field("topDownloads").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("topModel").order(SortOrder.Asc))))));
        return aggs;
    }

    private static AdoptionResult result(Map<String, Aggregate> aggs, long models, Adoption.Query q, long leftOut) {
        boolean origin = q.by() == Adoption.Dimension.ORIGIN;
        double total = !origin && q.metric() == Adoption.Metric.MODELS
                ? models
                : origin
                        ? CreditAggregations.viewOf(aggs.get("by"))
                                .get("value")
                                .sum()
                                .value()
                        : aggs.get("downloads").sum().value();
        var top = aggs.get("top").topHits().hits().hits();
        String topModel = null;
        double topValue = 0;
        if (!top.isEmpty() && top.get(0).source() != null) {
            var src = top.get(0).source().toJson().asJsonObject();
            if (src.containsKey("topModel")) {
                topModel = src.getString("topModel");
                topValue = src.getJsonNumber("topDownloads").doubleValue();
            }
        }
        var reading = new CreditAggregations.Reading(
                total,
                b -> b.aggregations().get("value").sum().value(),
                CreditAggregations.byKey(
                        aggs.get("sources"),
                        b -> Math.round(b.aggregations().get("models").sum().value())),
                topModel,
                topValue);
        return CreditAggregations.result(q, aggs, models, leftOut, reading, new LinkedHashSet<>());
    }
}
