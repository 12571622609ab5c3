package org.weightscope.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;

/** The {@code watchlists}, {@code alerts} and {@code alert-state} indices. */
@Component
class AlertRepository {

    static final String WATCHLISTS = "watchlists";
    static final String ALERTS = "alerts";
    static final String STATE = "alert-state";

    /** What a rule remembers between runs: origin shares of a day, or the current top-N members. */
    record RuleState(String id, String ruleId, LocalDate day, Map<String, Double> shares, List<String> members) {}

    private final Documents<Watchlist> watchlists;
    private final Documents<Alert> alerts;
    private final Documents<RuleState> states;

    AlertRepository(ElasticsearchClient client, Indices indices) {
        this.watchlists = new Documents<>(client, indices, WATCHLISTS, Watchlist.class, "watchlist");
        this.alerts = new Documents<>(client, indices, ALERTS, Alert.class, "alert");
        this.states = new Documents<>(client, indices, STATE, RuleState.class, "rule state");
    }

    void save(Watchlist w) {
        watchlists.put(w.id(), w, true);
    }

    void delete(String id) {
        watchlists.delete(id);
    }

    Optional<Watchlist> watchlist(String id) {
        return watchlists.get(id);
    }

    List<Watchlist> watchlists() {
        return watchlists.search(s -> s.size(1000).sort(Queries.asc("createdAt")));
    }

    /** Stores a new alert; false when one with its id exists (the occurrence was already alerted). */
    boolean createIfAbsent(Alert alert) {
        return alerts.create(alert.id(), alert);
    }

    void update(Alert alert) {
        alerts.put(alert.id(), alert, true);
    }

    /** Alerts of a watchlist (null: all), newest first. */
    List<Alert> alerts(String watchlistId, int size) {
        return alerts.search(s -> s.size(size)
                .query(Queries.terms("watchlistId", watchlistId))
                .sort(o -> o.field(f -> f.field("raisedAt")
                        .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)
                        .unmappedType(FieldType.Date)))
                .sort(Queries.asc("id")));
    }

    void save(RuleState state) {
        states.put(state.id(), state, true);
    }

    Optional<RuleState> state(String id) {
        return states.get(id);
    }

    /** The newest day's shares of a rule on or before {@code day}. */
    Optional<RuleState> sharesOnOrBefore(String ruleId, LocalDate day) {
        return states
                .search(s -> s.size(1)
                        .query(q -> q.bool(b -> b.filter(Queries.terms("ruleId", ruleId))
                                .filter(f ->
                                        f.range(r -> r.date(d -> d.field("day").lte(day.toString()))))))
                        .sort(Queries.desc("day")))
                .stream()
                .findFirst();
    }
}
