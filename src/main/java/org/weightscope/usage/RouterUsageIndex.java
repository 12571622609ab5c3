package org.weightscope.usage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/** The {@code router-usage} index: one document per (window, day, model slug). */
@Component
class RouterUsageIndex {

    static final String NAME = "router-usage";
    /** At most 51 rows a day (top 50 + other): a week is well under this. */
    private static final int MAX_ROWS = 2_000;

    private final ElasticsearchClient client;
    private final Indices indices;

    RouterUsageIndex(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    void saveAll(List<RouterUsageRow> rows) {
        if (rows.isEmpty()) return;
        try {
            BulkResponse r = client.bulk(b -> {
                rows.forEach(row -> b.operations(o ->
                        o.index(i -> i.index(indices.alias(NAME)).id(row.id()).document(row))));
                return b;
            });
            if (r.errors()) {
                String first = r.items().stream()
                        .filter(i -> i.error() != null)
                        .map(i -> i.error().reason())
                        .findFirst()
                        .orElse("?");
                throw new StorageException("cannot store router usage rows: " + first);
            }
        } catch (IOException e) {
            throw new StorageException("cannot store router usage rows", e);
        }
        indices.refresh(NAME);
    }

    /** Rows of one window with day in [from, to], oldest day first. */
    List<RouterUsageRow> between(String window, LocalDate from, LocalDate to) {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(NAME))
                                    .size(MAX_ROWS)
                                    .query(q -> q.bool(b -> b.filter(f -> f.term(
                                                    t -> t.field("window").value(FieldValue.of(window))))
                                            .filter(f -> f.range(r -> r.untyped(u -> u.field("day")
                                                    .gte(JsonData.of(from.toString()))
                                                    .lte(JsonData.of(to.toString())))))))
                                    .sort(o -> o.field(f -> f.field("day").order(SortOrder.Asc))),
                            RouterUsageRow.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new StorageException("cannot search router usage", e);
        }
    }

    /** Newest day holding rows of a window. */
    Optional<LocalDate> latestDay(String window) {
        try {
            return client
                    .search(
                            s -> s.index(indices.alias(NAME))
                                    .size(1)
                                    .query(q -> q.term(t -> t.field("window").value(FieldValue.of(window))))
                                    .sort(o -> o.field(f -> f.field("day").order(SortOrder.Desc))),
                            RouterUsageRow.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .map(RouterUsageRow::day)
                    .findFirst();
        } catch (IOException e) {
            throw new StorageException("cannot search router usage", e);
        }
    }
}
