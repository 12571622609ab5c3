package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.LocalDate;

/**
 * The as-of rule as snapshot filters. A figure "as of D" with a window of W days counts, for each model, the
 * capture with {@code D − W + 1 <= day <= D} that still stood on D ({@code until} absent or after D): its newest
 * capture in the window, never an older one, and nothing once a complete crawl saw it removed. A model whose
 * newest capture before D is older than the window is left out and counted as stale.
 */
final class AsOfRule {

    private AsOfRule() {}

    /** The captures counted as of {@code at}. */
    static Query counted(LocalDate at, int window) {
        String from = at.minusDays(window - 1L).toString();
        return Query.of(q -> q.bool(b -> b.filter(f ->
                        f.range(r -> r.date(d -> d.field("day").gte(from).lte(at.toString()))))
                .mustNot(m -> m.range(r -> r.date(d -> d.field("until").lte(at.toString()))))));
    }

    /** The models known before {@code at} left out because their newest capture is older than the window. */
    static Query stale(LocalDate at, int window) {
        String before = at.minusDays(window - 1L).toString();
        return Query.of(q -> q.bool(b -> b.filter(
                        f -> f.range(r -> r.date(d -> d.field("day").lt(before))))
                .mustNot(m -> m.range(r -> r.date(d -> d.field("until").lte(at.toString()))))));
    }
}
