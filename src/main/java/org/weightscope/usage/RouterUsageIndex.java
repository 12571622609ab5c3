package org.weightscope.usage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;
import org.weightscope.storage.Queries;

/** The {@code router-usage} index: one document per (window, day, model slug). */
@Component
class RouterUsageIndex {

    static final String NAME = "router-usage";
    /** At most 51 rows a day (top 50 + other): a week is well under this. */
    private static final int MAX_ROWS = 2_000;

    private final Documents<RouterUsageRow> rows;

    RouterUsageIndex(ElasticsearchClient client, Indices indices) {
        this.rows = new Documents<>(client, indices, NAME, RouterUsageRow.class, "router usage row");
    }

    void saveAll(List<RouterUsageRow> list) {
        rows.putAll(list, RouterUsageRow::id);
    }

    /** Rows of one window with day in [from, to], oldest day first. */
    List<RouterUsageRow> between(String window, LocalDate from, LocalDate to) {
        return rows.search(s -> s.size(MAX_ROWS)
                .query(q -> q.bool(b -> b.filter(Queries.terms("window", window))
                        .filter(f -> f.range(r -> r.untyped(u ->
                                u.field("day").gte(JsonData.of(from.toString())).lte(JsonData.of(to.toString())))))))
                .sort(Queries.asc("day")));
    }

    /** Newest day holding rows of a window. */
    Optional<LocalDate> latestDay(String window) {
        return rows.search(s -> s.size(1).query(Queries.terms("window", window)).sort(Queries.desc("day"))).stream()
                .map(RouterUsageRow::day)
                .findFirst();
    }
}
