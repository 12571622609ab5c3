package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.weightscope.storage.Bulk;
import org.weightscope.storage.Indices;

/**
 * Builds the adoption cube's groups of a day ({@link AdoptionCube}): the snapshots the as-of rule counts (and those it
 * leaves out as stale) joined with the attribution versions they name ({@link CubeGroup#collect}), as the writes of
 * their group documents and the day's marker. The same groups built in a scope of their own answer one request and
 * are deleted after it.
 */
record CubeDays(
        ElasticsearchClient client, Indices indices, AttributionRules rules, int window, AttributionVersions versions) {

    static final int BULK = 2000;

    /**
     * The writes of one as-of day's groups in {@code scope} ("" for the cube), of the snapshots of {@code onlyModels}
     * (null: every model), the day's marker last; {@code ids} receives the documents' ids.
     */
    List<BulkOperation> day(LocalDate day, Set<String> ids, String scope, Collection<String> onlyModels) {
        String rule = rules.version();
        Map<String, CubeGroup> counted = collect(AsOfRule.counted(day, window), onlyModels, true);
        Map<String, CubeGroup> stale = collect(AsOfRule.stale(day, window), onlyModels, false);
        List<BulkOperation> ops = new ArrayList<>(counted.size() + stale.size() + 1);
        String countedKind = AdoptionCube.COUNTED + scope;
        String staleKind = AdoptionCube.STALE + scope;
        counted.forEach((k, g) -> ops.add(index(id(day, countedKind, k, ids), g.doc(countedKind, day, rule, window))));
        stale.forEach((k, g) -> ops.add(index(id(day, staleKind, k, ids), g.doc(staleKind, day, rule, window))));
        Map<String, Object> marker =
                Map.of("kind", AdoptionCube.DAY + scope, "day", day.toString(), "window", window, "ruleVersion", rule);
        ids.add(AdoptionCube.markerId(day) + scope);
        ops.add(index(AdoptionCube.markerId(day) + scope, marker));
        return ops;
    }

    private Map<String, CubeGroup> collect(Query rule, Collection<String> onlyModels, boolean full) {
        Query query = onlyModels == null
                ? rule
                : Query.of(q -> q.bool(b -> b.filter(rule)
                        .filter(f -> f.terms(t -> t.field("modelId")
                                .terms(v -> v.value(
                                        onlyModels.stream().map(FieldValue::of).toList()))))));
        return CubeGroup.collect(client, indices.alias(SnapshotsIndex.NAME), versions, query, full);
    }

    /**
     * Groups of {@code days} built for one request in a scope of their own, read by {@code read} (given the scope),
     * then deleted: the cube's own days are not touched.
     */
    <T> T ephemeral(List<LocalDate> days, Collection<String> onlyModels, Function<String, Optional<T>> read) {
        String scope = "~" + java.util.UUID.randomUUID();
        Set<String> ids = new java.util.HashSet<>();
        List<BulkOperation> ops = new ArrayList<>();
        indices.refresh(SnapshotsIndex.NAME);
        for (LocalDate day : new java.util.TreeSet<>(days)) {
            ops.addAll(day(day, ids, scope, onlyModels));
        }
        try {
            write(ops, "groups of one request");
            indices.refresh(AdoptionCube.NAME);
            return read.apply(scope)
                    .orElseThrow(() -> new IllegalStateException("the groups of one request were not found"));
        } finally {
            String alias = alias();
            write(
                    ids.stream()
                            .map(id -> BulkOperation.of(
                                    o -> o.delete(d -> d.index(alias).id(id))))
                            .toList(),
                    "groups of one request");
        }
    }

    /** The cube's own groups of {@code day} (not its marker, nor groups a request built in a scope of its own). */
    static Query groupsOf(LocalDate day) {
        return Query.of(q ->
                q.bool(b -> b.filter(f -> f.term(t -> t.field("day").value(day.toString())))
                        .filter(f -> f.terms(t -> t.field("kind")
                                .terms(v -> v.value(List.of(
                                        FieldValue.of(AdoptionCube.COUNTED), FieldValue.of(AdoptionCube.STALE))))))));
    }

    /** Runs {@code ops} in bulks of {@link #BULK}. */
    void write(List<BulkOperation> ops, String what) {
        for (int i = 0; i < ops.size(); i += BULK) {
            Bulk.execute(client, ops.subList(i, Math.min(ops.size(), i + BULK)), what);
        }
    }

    private BulkOperation index(String id, Map<String, Object> doc) {
        String alias = alias();
        return BulkOperation.of(o -> o.index(i -> i.index(alias).id(id).document(doc)));
    }

    private static String id(LocalDate day, String kind, String key, Set<String> ids) {
        String id = day + ":" + kind + ":"
                + java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ids.add(id);
        return id;
    }

    private String alias() {
        return indices.alias(AdoptionCube.NAME);
    }

    /** Cube documents of any of these kinds. */
    static Query ofKinds(String... kinds) {
        List<co.elastic.clients.elasticsearch._types.FieldValue> values = java.util.Arrays.stream(kinds)
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                .toList();
        return Query.of(q -> q.terms(t -> t.field("kind").terms(v -> v.value(values))));
    }
}
