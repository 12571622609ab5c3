package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** The {@code models} index: the latest state of each model. */
@Component
class ModelsIndex {

    static final String NAME = "models";

    private final ElasticsearchClient client;
    private final Indices indices;

    ModelsIndex(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    void saveAll(List<CatalogueModel> models) {
        if (models.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(indices.alias(NAME));
        for (CatalogueModel model : models) {
            bulk.operations(o -> o.index(i -> i.id(model.id()).document(model)));
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                String reason = response.items().stream()
                        .filter(i -> i.error() != null)
                        .map(i -> i.id() + ": " + i.error().reason())
                        .findFirst()
                        .orElse("?");
                throw new StorageException("bulk write to models failed, first error: " + reason);
            }
        } catch (IOException e) {
            throw new StorageException("bulk write to models failed", e);
        }
        indices.refresh(NAME);
    }

    co.elastic.clients.elasticsearch.core.bulk.BulkOperation operation(CatalogueModel model) {
        String alias = indices.alias(NAME);
        return co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(
                o -> o.index(i -> i.index(alias).id(model.id()).document(model)));
    }

    /** Models of {@code hub} last reported before {@code before}, in id order after {@code afterId} (null: from the start). */
    List<CatalogueModel> seenBefore(String hub, Instant before, String afterId, int size) {
        try {
            SearchResponse<CatalogueModel> response = client.search(
                    s -> {
                        s.index(indices.alias(NAME))
                                .size(size)
                                .query(q -> q.bool(b -> b.filter(
                                                f -> f.term(t -> t.field("hub").value(hub)))
                                        .filter(f -> f.range(r -> r.untyped(u -> u.field("asOf")
                                                .lt(co.elastic.clients.json.JsonData.of(before.toString())))))))
                                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                        if (afterId != null) s.searchAfter(a -> a.stringValue(afterId));
                        return s;
                    },
                    CatalogueModel.class);
            return response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("search of models failed", e);
        }
    }

    void refresh() {
        indices.refresh(NAME);
    }

    /** The stored models with these ids (missing ones are left out). */
    java.util.Map<String, CatalogueModel> getAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        try {
            var response = client.mget(m -> m.index(indices.alias(NAME)).ids(List.copyOf(ids)), CatalogueModel.class);
            java.util.Map<String, CatalogueModel> found = new java.util.HashMap<>();
            for (var doc : response.docs()) {
                if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                    found.put(doc.result().id(), doc.result().source());
                }
            }
            return found;
        } catch (IOException e) {
            throw new StorageException("get of models failed", e);
        }
    }

    /** Streams every stored model in pages of {@code size}, in id order (search_after: no scroll context). */
    void forEachPage(int size, java.util.function.Consumer<List<CatalogueModel>> page) {
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            try {
                SearchResponse<CatalogueModel> response = client.search(
                        s -> {
                            s.index(indices.alias(NAME))
                                    .size(size)
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            if (from != null) {
                                s.searchAfter(from);
                            }
                            return s;
                        },
                        CatalogueModel.class);
                List<Hit<CatalogueModel>> hits = response.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                page.accept(
                        hits.stream().map(Hit::source).filter(Objects::nonNull).toList());
                after = hits.get(hits.size() - 1).sort();
            } catch (IOException e) {
                throw new StorageException("reading models failed", e);
            }
        }
    }

    ModelSearch.Result search(ModelSearch.Query q) {
        co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder bool =
                new co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder();
        if (q.text() != null && !q.text().isBlank()) {
            bool.must(m -> m.simpleQueryString(t -> t.query(q.text())
                    .fields("repoId.text^4", "author^2", "facts.cardText")
                    .defaultOperator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
        }
        q.filters().forEach((dimension, values) -> {
            List<co.elastic.clients.elasticsearch._types.FieldValue> accepted = values.stream()
                    .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                    .toList();
            if (dimension == Adoption.Dimension.ORIGIN) {
                bool.filter(f -> f.nested(n -> n.path("originCredit")
                        .query(nq -> nq.bool(b -> b.filter(t -> t.term(tt -> tt.field("originCredit.view")
                                        .value(q.view().id())))
                                .filter(t -> t.terms(
                                        tt -> tt.field("originCredit.country").terms(v -> v.value(accepted))))))));
            } else {
                bool.filter(f -> f.terms(
                        t -> t.field(AdoptionIndex.field(dimension, q.view())).terms(v -> v.value(accepted))));
            }
        });
        try {
            SearchResponse<CatalogueModel> response = client.search(
                    s -> {
                        s.index(indices.alias(NAME))
                                .from(q.from())
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
                                                                        k -> k.terms(
                                                                                t -> t.field("originCredit.country")
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
                            s.sort(o -> o.field(f -> f.field("downloads30d")
                                    .order(SortOrder.Desc)
                                    .missing("_last")));
                        }
                        return s;
                    },
                    CatalogueModel.class);
            java.util.Map<String, List<ModelSearch.Facet>> facets = new java.util.LinkedHashMap<>();
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
                    response.hits().hits().stream()
                            .map(Hit::source)
                            .filter(Objects::nonNull)
                            .toList(),
                    facets,
                    max.valueAsString() == null ? null : Instant.ofEpochMilli((long) max.value()));
        } catch (IOException e) {
            throw new StorageException("search of models failed", e);
        }
    }

    ModelSearch.Result derivatives(String repoId, int size) {
        try {
            SearchResponse<CatalogueModel> response = client.search(
                    s -> s.index(indices.alias(NAME))
                            .size(size)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(x -> x.term(t -> t.field("attribution.lineage.parents.repoId")
                                    .value(repoId)))
                            .sort(o -> o.field(f -> f.field("downloads30d")
                                    .order(SortOrder.Desc)
                                    .missing("_last")))
                            .aggregations(
                                    "relation", a -> a.terms(t -> t.field("attribution.lineage.parents.relation"))),
                    CatalogueModel.class);
            return new ModelSearch.Result(
                    response.hits().total().value(),
                    response.hits().hits().stream()
                            .map(Hit::source)
                            .filter(Objects::nonNull)
                            .toList(),
                    java.util.Map.of("relation", facet(response.aggregations().get("relation"))),
                    null);
        } catch (IOException e) {
            throw new StorageException("search of derivatives failed", e);
        }
    }

    /** Models matching a query, most downloaded first. */
    List<CatalogueModel> find(co.elastic.clients.elasticsearch._types.query_dsl.Query query, int size) {
        try {
            SearchResponse<CatalogueModel> response = client.search(
                    s -> s.index(indices.alias(NAME))
                            .size(size)
                            .query(query)
                            .sort(o -> o.field(f -> f.field("downloads30d")
                                    .order(SortOrder.Desc)
                                    .missing("_last"))),
                    CatalogueModel.class);
            return response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("search of models failed", e);
        }
    }

    /** How many models each query matches, in one search (a filters aggregation): counts in the order of the queries. */
    List<Long> counts(List<co.elastic.clients.elasticsearch._types.query_dsl.Query> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, co.elastic.clients.elasticsearch._types.query_dsl.Query> keyed =
                new java.util.LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            keyed.put("q" + i, queries.get(i));
        }
        try {
            var response = client.search(
                    s -> s.index(indices.alias(NAME))
                            .size(0)
                            .query(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")))
                            .aggregations("counts", a -> a.filters(f -> f.filters(b -> b.keyed(keyed)))),
                    Void.class);
            var buckets =
                    response.aggregations().get("counts").filters().buckets().keyed();
            List<Long> out = new java.util.ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
                var bucket = buckets.get("q" + i);
                out.add(bucket == null ? 0L : bucket.docCount());
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("count of models failed", e);
        }
    }

    /** Several searches in one round trip (_msearch), answers in the order of the queries. */
    List<List<CatalogueModel>> findMany(
            List<co.elastic.clients.elasticsearch._types.query_dsl.Query> queries, int size) {
        if (queries.isEmpty()) {
            return List.of();
        }
        try {
            var response = client.msearch(
                    m -> {
                        for (var q : queries) {
                            m.searches(b -> b.header(h -> h.index(indices.alias(NAME)))
                                    .body(r -> r.size(size)
                                            .query(q)
                                            .sort(o -> o.field(f -> f.field("downloads30d")
                                                    .order(SortOrder.Desc)
                                                    .missing("_last")))));
                        }
                        return m;
                    },
                    CatalogueModel.class);
            List<List<CatalogueModel>> out = new java.util.ArrayList<>(queries.size());
            for (var item : response.responses()) {
                if (item.isFailure()) {
                    throw new StorageException(
                            "search of models failed: " + item.failure().error().reason());
                }
                out.add(item.result().hits().hits().stream()
                        .map(Hit::source)
                        .filter(Objects::nonNull)
                        .toList());
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("search of models failed", e);
        }
    }

    private static List<ModelSearch.Facet> facet(co.elastic.clients.elasticsearch._types.aggregations.Aggregate terms) {
        return terms.sterms().buckets().array().stream()
                .map(b -> new ModelSearch.Facet(b.key().stringValue(), b.docCount()))
                .toList();
    }

    long count() {
        try {
            return client.count(c -> c.index(indices.alias(NAME))).count();
        } catch (IOException e) {
            throw new StorageException("count of models failed", e);
        }
    }

    List<CatalogueModel> topByDownloads(int size) {
        try {
            SearchResponse<CatalogueModel> response = client.search(
                    s -> s.index(indices.alias(NAME))
                            .size(size)
                            .sort(o -> o.field(f -> f.field("downloads30d").order(SortOrder.Desc))),
                    CatalogueModel.class);
            return response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("search of models failed", e);
        }
    }

    List<Share> downloadsByAuthor(int size) {
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(indices.alias(NAME))
                            .size(0)
                            .aggregations(
                                    "by",
                                    a -> a.terms(t -> t.field("author")
                                                    .size(size)
                                                    .order(co.elastic.clients.util.NamedValue.of(
                                                            "downloads", SortOrder.Desc)))
                                            .aggregations("downloads", d -> d.sum(m -> m.field("downloads30d")))),
                    Void.class);
            return response.aggregations().get("by").sterms().buckets().array().stream()
                    .map(b -> new Share(b.key().stringValue(), sum(b)))
                    .toList();
        } catch (IOException e) {
            throw new StorageException("aggregation of models failed", e);
        }
    }

    /** Earliest and latest {@code asOf} in the index, or null when empty. */
    Instant[] asOfRange() {
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(indices.alias(NAME))
                            .size(0)
                            .aggregations("min", a -> a.min(m -> m.field("asOf")))
                            .aggregations("max", a -> a.max(m -> m.field("asOf"))),
                    Void.class);
            var min = response.aggregations().get("min").min();
            var max = response.aggregations().get("max").max();
            if (min.valueAsString() == null) {
                return null;
            }
            return new Instant[] {Instant.ofEpochMilli((long) min.value()), Instant.ofEpochMilli((long) max.value())};
        } catch (IOException e) {
            throw new StorageException("aggregation of models failed", e);
        }
    }

    private static long sum(StringTermsBucket bucket) {
        return Math.round(bucket.aggregations().get("downloads").sum().value());
    }
}
