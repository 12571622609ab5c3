package org.weightscope.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One index's documents of one type, read and written through its alias: the save/get/search/count
 * wrapper every feature's {@code *Index} or repository class uses, so that each of them holds only its
 * queries. Every failure to reach the store becomes a {@link StorageException} naming what was attempted.
 *
 * @param <T> the document type (a record mapped by the client's JSON mapper)
 */
public final class Documents<T> {

    /** Search requests built by a feature; the index is set here. */
    public interface SearchBody extends Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> {}

    private final ElasticsearchClient client;
    private final Indices indices;
    private final String name;
    private final Class<T> type;
    private final String what;

    /**
     * @param name the index's name (its alias is {@code <prefix>-<name>})
     * @param what what a document is, in error messages ("watchlist", "crawl run")
     */
    public Documents(ElasticsearchClient client, Indices indices, String name, Class<T> type, String what) {
        this.client = client;
        this.indices = indices;
        this.name = name;
        this.type = type;
        this.what = what;
    }

    public String alias() {
        return indices.alias(name);
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** Stores (creates or replaces) a document; with {@code visibleNow} it is searchable on return. */
    public void put(String id, T document, boolean visibleNow) {
        try {
            client.index(
                    i -> i.index(alias()).id(id).document(document).refresh(visibleNow ? Refresh.True : Refresh.False));
        } catch (IOException e) {
            throw new StorageException("cannot store " + what + " " + id, e);
        }
    }

    /** Stores a new document, visible on return; false when one with that id exists. */
    public boolean create(String id, T document) {
        try {
            client.create(c -> c.index(alias()).id(id).document(document).refresh(Refresh.True));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw new StorageException("cannot store " + what + " " + id + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (status(e) == 409) {
                return false; // the low-level client reports the conflict itself, before the typed client decodes it
            }
            throw new StorageException("cannot store " + what + " " + id, e);
        }
    }

    /** The HTTP status behind a transport failure, or 0. */
    static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.elasticsearch.client.ResponseException r) {
                return r.getResponse().getStatusLine().getStatusCode();
            }
            if (t instanceof co.elastic.clients.transport.TransportException x && x.statusCode() > 0) {
                return x.statusCode();
            }
        }
        return 0;
    }

    /** @return false when there was no such document */
    public boolean delete(String id) {
        try {
            return client.delete(d -> d.index(alias()).id(id).refresh(Refresh.True))
                            .result()
                    == Result.Deleted;
        } catch (IOException e) {
            throw new StorageException("cannot delete " + what + " " + id, e);
        }
    }

    public Optional<T> get(String id) {
        try {
            var r = client.get(g -> g.index(alias()).id(id), type);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot read " + what + " " + id, e);
        }
    }

    /** The stored documents with these ids (missing ones are left out), in one round trip. */
    public Map<String, T> getAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            var response = client.mget(m -> m.index(alias()).ids(List.copyOf(ids)), type);
            Map<String, T> found = new HashMap<>();
            for (var doc : response.docs()) {
                if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                    found.put(doc.result().id(), doc.result().source());
                }
            }
            return found;
        } catch (IOException e) {
            throw new StorageException("get of " + what + "s failed", e);
        }
    }

    /** Which of {@code ids} are stored (no sources read; in chunks of 1,000). */
    public java.util.Set<String> existing(Collection<String> ids) {
        java.util.Set<String> out = new java.util.HashSet<>();
        List<String> all = List.copyOf(ids);
        try {
            for (int i = 0; i < all.size(); i += 1000) {
                List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
                var response = client.mget(m -> m.index(alias()).ids(chunk).source(x -> x.fetch(false)), Void.class);
                for (var doc : response.docs()) {
                    if (doc.isResult() && doc.result().found())
                        out.add(doc.result().id());
                }
            }
            return out;
        } catch (IOException e) {
            throw new StorageException("get of " + what + "s failed", e);
        }
    }

    /** Ids of every document matching {@code query} (no sources read; scrolled). */
    public List<String> idsWhere(Query query) {
        List<String> out = new java.util.ArrayList<>();
        co.elastic.clients.elasticsearch._types.Time keep =
                co.elastic.clients.elasticsearch._types.Time.of(t -> t.time("1m"));
        try {
            var page = client.search(
                    s -> s.index(alias())
                            .size(5000)
                            .query(query)
                            .source(src -> src.fetch(false))
                            .scroll(keep),
                    Void.class);
            String scroll = page.scrollId();
            var hits = page.hits().hits();
            while (!hits.isEmpty()) {
                hits.forEach(h -> out.add(h.id()));
                String sid = scroll;
                var next = client.scroll(x -> x.scrollId(sid).scroll(keep), Void.class);
                scroll = next.scrollId();
                hits = next.hits().hits();
            }
            String sid = scroll;
            if (sid != null) client.clearScroll(c -> c.scrollId(sid));
            return out;
        } catch (IOException e) {
            throw new StorageException("search of " + what + "s failed", e);
        }
    }

    /** Deletes these documents (bulks of 2,000), then refreshes (the minimal server has no _delete_by_query). */
    public void deleteAll(List<String> ids) {
        for (int i = 0; i < ids.size(); i += 2000) {
            String alias = alias();
            bulk(ids.subList(i, Math.min(ids.size(), i + 2000)).stream()
                    .map(id ->
                            BulkOperation.of(o -> o.delete(d -> d.index(alias).id(id))))
                    .toList());
        }
        if (!ids.isEmpty()) {
            refresh();
        }
    }

    /** The documents a search finds, in its order. */
    public List<T> search(SearchBody body) {
        return sources(response(body, type));
    }

    /** The whole answer of a search (aggregations, totals, sort values), with any document class. */
    public <R> SearchResponse<R> response(SearchBody body, Class<R> documents) {
        try {
            return client.search(s -> body.apply(s.index(alias())), documents);
        } catch (IOException e) {
            throw new StorageException("search of " + what + "s failed", e);
        }
    }

    /** Documents matching a query (null: all). */
    public long count(Query query) {
        try {
            return client.count(c -> {
                        c.index(alias());
                        if (query != null) {
                            c.query(query);
                        }
                        return c;
                    })
                    .count();
        } catch (IOException e) {
            throw new StorageException("count of " + what + "s failed", e);
        }
    }

    /** An index operation for a bulk request (see {@link #bulk}). */
    public BulkOperation operation(String id, T document) {
        String alias = alias();
        return BulkOperation.of(o -> o.index(i -> i.index(alias).id(id).document(document)));
    }

    /** Stores every document in one bulk request, then refreshes; fails naming the first rejected one. */
    public void putAll(Collection<T> documents, Function<T, String> id) {
        if (documents.isEmpty()) {
            return;
        }
        bulk(documents.stream().map(d -> operation(id.apply(d), d)).toList());
        refresh();
    }

    /** Runs bulk operations; fails naming the first rejected one. */
    public void bulk(List<BulkOperation> operations) {
        Bulk.execute(client, operations, what + "s");
    }

    /**
     * Every document, in pages of {@code size} in {@code sortField} order (search_after: no scroll context).
     */
    public void forEachPage(int size, String sortField, Query query, Consumer<List<T>> page) {
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<T> response = response(
                    s -> {
                        s.size(size).sort(Queries.asc(sortField));
                        if (query != null) {
                            s.query(query);
                        }
                        if (from != null) {
                            s.searchAfter(from);
                        }
                        return s;
                    },
                    type);
            List<Hit<T>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            page.accept(sources(response));
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Makes what was written searchable. */
    public void refresh() {
        indices.refresh(name);
    }

    /** The documents of an answer, in its order. */
    public static <R> List<R> sources(SearchResponse<R> response) {
        return response.hits().hits().stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .toList();
    }
}
