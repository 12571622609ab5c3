package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;
import org.weightscope.storage.StorageException;

/** The {@code models} index: the latest state of each model. */
@Component
class ModelsIndex {

    static final String NAME = "models";

    private final ElasticsearchClient client;
    private final Documents<CatalogueModel> models;

    ModelsIndex(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.models = new Documents<>(client, indices, NAME, CatalogueModel.class, "model");
    }

    void saveAll(List<CatalogueModel> list) {
        models.putAll(list, CatalogueModel::id);
    }

    BulkOperation operation(CatalogueModel model) {
        return models.operation(model.id(), model);
    }

    /** The write that notes the model's newest capture ended on {@code day} (a complete crawl saw it removed). */
    BulkOperation captureEnded(CatalogueModel model, java.time.LocalDate day) {
        Map<String, Object> capture =
                Map.of("capture", Map.of("day", model.capture().day().toString(), "ended", day.toString()));
        return BulkOperation.of(
                o -> o.update(u -> u.index(models.alias()).id(model.id()).action(a -> a.doc(capture))));
    }

    /** Models of {@code hub} last reported before {@code before}, in id order after {@code afterId} (null: from the start). */
    List<CatalogueModel> seenBefore(String hub, Instant before, String afterId, int size) {
        return models.search(s -> {
            s.size(size)
                    .query(q -> q.bool(b -> b.filter(Queries.terms("hub", hub))
                            .filter(f ->
                                    f.range(r -> r.untyped(u -> u.field("asOf").lt(JsonData.of(before.toString())))))))
                    .sort(Queries.asc("id"));
            if (afterId != null) s.searchAfter(a -> a.stringValue(afterId));
            return s;
        });
    }

    void refresh() {
        models.refresh();
    }

    /** The stored models with these ids (missing ones are left out). */
    java.util.Set<String> existing(Collection<String> ids) {
        return models.existing(ids);
    }

    Map<String, CatalogueModel> getAll(Collection<String> ids) {
        return models.getAll(ids);
    }

    /** Streams every stored model in pages of {@code size}, in id order (search_after: no scroll context). */
    void forEachPage(int size, Consumer<List<CatalogueModel>> page) {
        models.forEachPage(size, "id", null, page);
    }

    ModelSearch.Result search(ModelSearch.Query q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.text() != null && !q.text().isBlank()) {
            bool.must(m -> m.simpleQueryString(t -> t.query(q.text())
                    .fields("repoId.text^4", "author^2", "facts.cardText")
                    .defaultOperator(Operator.And)));
        }
        CreditAggregations.dimensionFilters(bool, q.view(), q.filters());
        SearchResponse<CatalogueModel> response = models.response(
                s -> {
                    s.from(q.from())
                            .size(q.size())
                            .query(x -> x.bool(bool.build()))
                            .trackTotalHits(t -> t.enabled(true))
                            .aggregations("asOf", a -> a.max(m -> m.field("asOf")))
                            .aggregations(
                                    "origin",
                                    a -> a.nested(n -> n.path("originCredit"))
                                            .aggregations(
                                                    "view",
                                                    v -> v.filter(f -> f.term(t -> t.field("originCredit.view")
                                                                    .value(q.view()
                                                                            .id())))
                                                            .aggregations(
                                                                    "keys",
                                                                    k -> k.terms(t -> t.field("originCredit.country")
                                                                            .size(50)))));
                    for (Adoption.Dimension d : Adoption.Dimension.values()) {
                        if (d != Adoption.Dimension.ORIGIN) {
                            s.aggregations(
                                    d.id(),
                                    a -> a.terms(t -> t.field(AdoptionIndex.field(d, q.view()))
                                            .size(30)));
                        }
                    }
                    if (q.text() == null || q.text().isBlank()) {
                        s.sort(Queries.descMissingLast("downloads30d"));
                    }
                    return s;
                },
                CatalogueModel.class);
        Map<String, List<ModelSearch.Facet>> facets = new LinkedHashMap<>();
        facets.put(
                "origin",
                facet(response.aggregations()
                        .get("origin")
                        .nested()
                        .aggregations()
                        .get("view")
                        .filter()
                        .aggregations()
                        .get("keys")));
        for (Adoption.Dimension d : Adoption.Dimension.values()) {
            if (d != Adoption.Dimension.ORIGIN) {
                facets.put(d.id(), facet(response.aggregations().get(d.id())));
            }
        }
        var max = response.aggregations().get("asOf").max();
        return new ModelSearch.Result(
                response.hits().total().value(),
                Documents.sources(response),
                facets,
                max.valueAsString() == null ? null : Instant.ofEpochMilli((long) max.value()));
    }

    ModelSearch.Result derivatives(String repoId, int size) {
        SearchResponse<CatalogueModel> response = models.response(
                s -> s.size(size)
                        .trackTotalHits(t -> t.enabled(true))
                        .query(Queries.terms("attribution.lineage.parents.repoId", repoId))
                        .sort(Queries.descMissingLast("downloads30d"))
                        .aggregations("relation", a -> a.terms(t -> t.field("attribution.lineage.parents.relation"))),
                CatalogueModel.class);
        return new ModelSearch.Result(
                response.hits().total().value(),
                Documents.sources(response),
                Map.of("relation", facet(response.aggregations().get("relation"))),
                null);
    }

    /** How many stored models with facts (so re-attributable) name another rule version than {@code version}. */
    long countAttributedOtherThan(String version) {
        return models.count(Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("facts.hub")))
                .mustNot(Queries.terms("attribution.ruleVersion", version)))));
    }

    /** How many stored models lack {@code field} (documents written before it existed). */
    long countWithout(String field) {
        return models.count(Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(field))))));
    }

    /** Models matching a query, most downloaded first. */
    List<CatalogueModel> find(Query query, int size) {
        return models.search(s -> s.size(size).query(query).sort(Queries.descMissingLast("downloads30d")));
    }

    /** How many models each query matches, in one search (a filters aggregation): counts in the order of the queries. */
    List<Long> counts(List<Query> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        Map<String, Query> keyed = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            keyed.put("q" + i, queries.get(i));
        }
        var buckets = models.response(
                        s -> s.size(0)
                                .query(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")))
                                .aggregations("counts", a -> a.filters(f -> f.filters(b -> b.keyed(keyed)))),
                        Void.class)
                .aggregations()
                .get("counts")
                .filters()
                .buckets()
                .keyed();
        List<Long> out = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            var bucket = buckets.get("q" + i);
            out.add(bucket == null ? 0L : bucket.docCount());
        }
        return out;
    }

    /** Several searches in one round trip (_msearch), answers in the order of the queries. */
    List<List<CatalogueModel>> findMany(List<Query> queries, int size) {
        if (queries.isEmpty()) {
            return List.of();
        }
        try {
            var response = client.msearch(
                    m -> {
                        for (var q : queries) {
                            m.searches(b -> b.header(h -> h.index(models.alias()))
                                    .body(r -> r.size(size).query(q).sort(Queries.descMissingLast("downloads30d"))));
                        }
                        return m;
                    },
                    CatalogueModel.class);
            List<List<CatalogueModel>> out = new ArrayList<>(queries.size());
            for (var item : response.responses()) {
                if (item.isFailure()) {
                    throw new StorageException(
                            "search of models failed: " + item.failure().error().reason());
                }
                out.add(item.result().hits().hits().stream()
                        .map(co.elastic.clients.elasticsearch.core.search.Hit::source)
                        .filter(java.util.Objects::nonNull)
                        .toList());
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("search of models failed", e);
        }
    }

    private static List<ModelSearch.Facet> facet(Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(b -> new ModelSearch.Facet(b.key().stringValue(), b.docCount()))
                .toList();
    }

    long count() {
        return models.count(null);
    }

    List<CatalogueModel> topByDownloads(int size) {
        return models.search(s -> s.size(size).sort(Queries.desc("downloads30d")));
    }

    List<Share> downloadsByAuthor(int size) {
        return models
                .response(
                        s -> s.size(0)
                                .aggregations(
                                        "by",
                                        a -> a.terms(t -> t.field("author")
                                                        .size(size)
                                                        .order(NamedValue.of("downloads", SortOrder.Desc)))
                                                .aggregations("downloads", d -> d.sum(m -> m.field("downloads30d")))),
                        Void.class)
                .aggregations()
                .get("by")
                .sterms()
                .buckets()
                .array()
                .stream()
                .map(b -> new Share(b.key().stringValue(), sum(b)))
                .toList();
    }

    /** Earliest and latest {@code asOf} in the index, or null when empty. */
    Instant[] asOfRange() {
        var aggs = models.response(
                        s -> s.size(0)
                                .aggregations("min", a -> a.min(m -> m.field("asOf")))
                                .aggregations("max", a -> a.max(m -> m.field("asOf"))),
                        Void.class)
                .aggregations();
        var min = aggs.get("min").min();
        var max = aggs.get("max").max();
        if (min.valueAsString() == null) {
            return null;
        }
        return new Instant[] {Instant.ofEpochMilli((long) min.value()), Instant.ofEpochMilli((long) max.value())};
    }

    private static long sum(StringTermsBucket bucket) {
        return Math.round(bucket.aggregations().get("downloads").sum().value());
    }
}
