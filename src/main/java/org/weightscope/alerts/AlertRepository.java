package org.weightscope.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** The {@code watchlists}, {@code alerts} and {@code alert-state} indices. */
@Component
class AlertRepository {

    static final String WATCHLISTS = "watchlists";
    static final String ALERTS = "alerts";
    static final String STATE = "alert-state";

    /** What a rule remembers between runs: origin shares of a day, or the current top-N members. */
    record RuleState(String id, String ruleId, LocalDate day, Map<String, Double> shares, List<String> members) {}

    private final ElasticsearchClient client;
    private final Indices indices;

    AlertRepository(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    void save(Watchlist w) {
        try {
            client.index(i ->
                    i.index(indices.alias(WATCHLISTS)).id(w.id()).document(w).refresh(Refresh.True));
        } catch (IOException e) {
            throw new StorageException("cannot store watchlist " + w.id(), e);
        }
    }

    void delete(String id) {
        try {
            client.delete(d -> d.index(indices.alias(WATCHLISTS)).id(id).refresh(Refresh.True));
        } catch (IOException e) {
            throw new StorageException("cannot delete watchlist " + id, e);
        }
    }

    Optional<Watchlist> watchlist(String id) {
        try {
            var r = client.get(g -> g.index(indices.alias(WATCHLISTS)).id(id), Watchlist.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot read watchlist " + id, e);
        }
    }

    List<Watchlist> watchlists() {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(WATCHLISTS))
                                    .size(1000)
                                    .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Asc))),
                            Watchlist.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("cannot list watchlists", e);
        }
    }

    /** Stores a new alert; false when one with its id exists (the occurrence was already alerted). */
    boolean createIfAbsent(Alert alert) {
        try {
            client.create(c -> c.index(indices.alias(ALERTS))
                    .id(alert.id())
                    .document(alert)
                    .refresh(Refresh.True));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw new StorageException("cannot store alert " + alert.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageException("cannot store alert " + alert.id(), e);
        }
    }

    void update(Alert alert) {
        try {
            client.index(i -> i.index(indices.alias(ALERTS))
                    .id(alert.id())
                    .document(alert)
                    .refresh(Refresh.True));
        } catch (IOException e) {
            throw new StorageException("cannot update alert " + alert.id(), e);
        }
    }

    /** Alerts of a watchlist (null: all), newest first. */
    List<Alert> alerts(String watchlistId, int size) {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(ALERTS))
                                    .size(size)
                                    .query(q -> q.bool(b -> {
                                        if (watchlistId != null)
                                            b.filter(f -> f.term(
                                                    t -> t.field("watchlistId").value(watchlistId)));
                                        return b;
                                    }))
                                    .sort(o -> o.field(f -> f.field("raisedAt")
                                            .order(SortOrder.Desc)
                                            .unmappedType(
                                                    co.elastic.clients.elasticsearch._types.mapping.FieldType.Date)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                            Alert.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("cannot list alerts", e);
        }
    }

    void save(RuleState state) {
        try {
            client.index(i ->
                    i.index(indices.alias(STATE)).id(state.id()).document(state).refresh(Refresh.True));
        } catch (IOException e) {
            throw new StorageException("cannot store rule state " + state.id(), e);
        }
    }

    Optional<RuleState> state(String id) {
        try {
            var r = client.get(g -> g.index(indices.alias(STATE)).id(id), RuleState.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot read rule state " + id, e);
        }
    }

    /** The newest day's shares of a rule on or before {@code day}. */
    Optional<RuleState> sharesOnOrBefore(String ruleId, LocalDate day) {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(STATE))
                                    .size(1)
                                    .query(q -> q.bool(b -> b.filter(f -> f.term(
                                                    t -> t.field("ruleId").value(ruleId)))
                                            .filter(f -> f.range(r ->
                                                    r.date(d -> d.field("day").lte(day.toString()))))))
                                    .sort(o -> o.field(f -> f.field("day").order(SortOrder.Desc))),
                            RuleState.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .findFirst();
        } catch (IOException e) {
            throw new StorageException("cannot read rule state of " + ruleId, e);
        }
    }
}
