package org.weightscope.storage;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;

/** Sort orders and filters the features' queries share. */
public final class Queries {

    private Queries() {}

    public static SortOptions asc(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Asc)));
    }

    public static SortOptions desc(String field) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(SortOrder.Desc)));
    }

    /** Descending with documents lacking the field last. */
    public static SortOptions descMissingLast(String field) {
        return SortOptions.of(
                o -> o.field(f -> f.field(field).order(SortOrder.Desc).missing("_last")));
    }

    /**
     * A filter of exact values, field by field ({@code "type", type, "modelId", id, …}); a null value
     * filters nothing, so no values at all match every document.
     */
    public static Query terms(String... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields and values come in pairs");
        }
        List<Query> filters = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String field = fieldsAndValues[i];
            String value = fieldsAndValues[i + 1];
            if (value != null) {
                filters.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
            }
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }
}
