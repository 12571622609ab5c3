package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Bulk;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;

/**
 * The pre-aggregated adoption cube: for each as-of day D, the snapshots the as-of rule counts on D ({@link AsOfRule})
 * grouped by everything a figure without a per-model filter can break down or filter by — hub, capture source,
 * uploader organisation, developer organisations, sectors, hardware class, licence class and the origin credit of
 * both views (multi-country split as in the snapshots) — with sums and counts per group and what coverage needs
 * (capture days, newest capture time, top model, a fingerprint of the model set). The models left out as stale on D
 * are grouped the same way. A day of the cube is built from the snapshots, so it holds exactly what the raw
 * aggregation would answer. A capture of day d changes the counted figures of [d, d + W − 1] and the stale counts of
 * later days, so a crawl rebuilds its own day and the built days after it: for a crawl of today, today only.
 *
 * <p>Consistency: a day counts as built only while its marker document ({@code kind=day}) exists with the current rule
 * version and window. A write that touches a day first deletes the markers of the days it affects; until they are
 * rebuilt, {@link AdoptionService} answers those days from the snapshots. So a crash between the two never leaves a
 * wrong figure, only a slower one.
 */
@Component
public class AdoptionCube {

    static final String NAME = "adoption-cube";
    private static final Logger log = LoggerFactory.getLogger(AdoptionCube.class);
    static final String COUNTED = "counted";
    static final String STALE = "stale";
    static final String DAY = "day";
    static final int PAGE = 5000;

    private final ElasticsearchClient client;
    private final Indices indices;
    private final AttributionRules rules;
    private final int window;
    private volatile boolean enabled;
    private final CubeReader reader;
    private final FigureCache figures;
    /** The cube's own documents (groups, day markers, the capture span). */
    @SuppressWarnings("rawtypes")
    private final Documents<Map> docs;
    /** Days written since the last {@link #update()}: the first day of each affected range. */
    private final Set<LocalDate> dirty = ConcurrentHashMap.newKeySet();

    AdoptionCube(
            ElasticsearchClient client,
            Indices indices,
            AttributionRules rules,
            Optional<FigureSettings> settings,
            @Value("${weightscope.figures.cube:true}") boolean enabled,
            FigureCache figures) {
        this.figures = figures;
        this.client = client;
        this.indices = indices;
        this.rules = rules;
        this.window = settings.orElse(FigureSettings.defaults()).freshnessDays();
        this.enabled = enabled;
        this.docs = new Documents<>(client, indices, NAME, Map.class, "adoption cube document");
        this.reader = new CubeReader(client, indices.alias(NAME), rules, window);
    }

    /** Whether figures without a per-model filter are read from the cube (else from the snapshots). */
    public boolean enabled() {
        return enabled;
    }

    /** Switches reading the cube on or off (benchmarks compare both; maintenance goes on either way). */
    public void enabled(boolean on) {
        this.enabled = on;
    }

    // ------------------------------------------------------------------ maintenance

    /**
     * Snapshots of {@code day} (or the end of a capture on {@code day}) are about to be written: the days they affect
     * stop counting as built. Called where the snapshots are placed, before the write.
     */
    void touched(LocalDate day) {
        figures.changed();
        if (behindSince == null) {
            behindSince = Instant.now();
        }
        LocalDate first = earliest();
        if (first == null || day.isBefore(first)) {
            // as of a day before every capture the cube knows there is nothing to count: it answers those days empty
            writeEarliest(day);
        }
        if (dirty.add(day)) {
            // counted figures change on [day, day + W − 1], but the stale counts of every later day can change too (a
            // capture of day d is left out as stale from d + W on, its predecessor no longer from d on)
            Query later = Query.of(q ->
                    q.bool(x -> x.filter(f -> f.term(t -> t.field("kind").value(DAY)))
                            .filter(f -> f.range(r -> r.date(d -> d.field("day").gte(day.toString()))))));
            List<String> markers = idsWhere(later);
            markers.forEach(id -> stale.add(LocalDate.parse(id.substring(4))));
            docs.deleteAll(markers);
        }
    }

    /** When snapshots were first written that the cube has not been rebuilt for since; null: caught up. */
    private volatile Instant behindSince;

    /** Since when the cube lags behind the snapshots (the ops module's lag gauge); empty while caught up. */
    public Optional<Instant> behindSince() {
        return Optional.ofNullable(behindSince);
    }

    /** Built days invalidated by a write since the last {@link #update()}: rebuilt by it. */
    private final Set<LocalDate> stale = ConcurrentHashMap.newKeySet();

    /** Rebuilds the days touched since the last call and the built days after them. */
    void update() {
        if (dirty.isEmpty() && stale.isEmpty()) {
            return;
        }
        Set<LocalDate> days = new java.util.TreeSet<>(dirty);
        days.addAll(stale);
        dirty.removeAll(days);
        stale.removeAll(days);
        long t = System.nanoTime();
        build(days, true);
        figures.changed();
        if (dirty.isEmpty() && stale.isEmpty()) {
            behindSince = null;
        }
        log.debug("Adoption cube: rebuilt {} days in {} ms", days.size(), (System.nanoTime() - t) / 1_000_000);
    }

    static final String SPAN = "span";
    private volatile LocalDate earliest;

    /** The earliest capture day the cube was told about (days before it have no figures), or null. */
    private LocalDate earliest() {
        if (earliest == null) {
            docs.get(SPAN).ifPresent(span -> earliest = LocalDate.parse(String.valueOf(span.get("day"))));
        }
        return earliest;
    }

    private void writeEarliest(LocalDate day) {
        docs.put(SPAN, Map.of("kind", SPAN, "day", day.toString()), true);
        earliest = day;
    }

    /**
     * Rebuilds every day from the first capture to the last (after a rule change or on an empty cube). Returns the
     * number of days built.
     */
    public int rebuild() {
        indices.refresh(SnapshotsIndex.NAME);
        Optional<LocalDate[]> span = CubeGroup.captureSpan(client, indices.alias(SnapshotsIndex.NAME), window);
        deleteWhere(Query.of(q -> q.matchAll(m -> m))); // the minimal server has no _delete_by_query
        earliest = null;
        if (span.isEmpty()) {
            return 0;
        }
        writeEarliest(span.get()[0]);
        List<LocalDate> days =
                span.get()[0].datesUntil(span.get()[1].plusDays(1)).toList();
        build(days, false); // into the emptied cube: no earlier groups to delete
        figures.changed();
        return days.size();
    }

    private static final int BULK = 2000;

    /**
     * Builds {@code days} (in order) from the snapshots, in bulks of many days and with one refresh at the end (a
     * refresh per day left a segment per day to merge); {@code replacing}: also deletes the days' groups of an earlier
     * build that no longer exist. Each day's marker is written after its groups.
     */
    private void build(java.util.Collection<LocalDate> days, boolean replacing) {
        indices.refresh(SnapshotsIndex.NAME);
        List<BulkOperation> pending = new ArrayList<>();
        for (LocalDate day : days) {
            Set<String> ids = new java.util.HashSet<>();
            List<BulkOperation> ops = day(day, ids);
            if (replacing) {
                for (String old :
                        idsWhere(Query.of(q -> q.term(t -> t.field("day").value(day.toString()))))) {
                    if (!ids.contains(old) && !old.equals(markerId(day)) && !old.equals(SPAN)) {
                        ops.add(
                                ops.size() - 1,
                                BulkOperation.of(
                                        o -> o.delete(d -> d.index(alias()).id(old))));
                    }
                }
            }
            pending.addAll(ops);
            if (pending.size() >= BULK) {
                Bulk.execute(client, pending, "adoption cube to " + day);
                pending = new ArrayList<>();
            }
        }
        if (!pending.isEmpty()) {
            Bulk.execute(client, pending, "adoption cube");
        }
        indices.refresh(NAME);
    }

    /** The writes of one as-of day's groups, the day's marker last; {@code ids} receives the groups' ids. */
    private List<BulkOperation> day(LocalDate day, Set<String> ids) {
        String rule = rules.version();
        Map<String, CubeGroup> counted =
                CubeGroup.collect(client, indices.alias(SnapshotsIndex.NAME), AsOfRule.counted(day, window), true);
        Map<String, CubeGroup> stale =
                CubeGroup.collect(client, indices.alias(SnapshotsIndex.NAME), AsOfRule.stale(day, window), false);
        List<BulkOperation> ops = new ArrayList<>(counted.size() + stale.size() + 1);
        counted.forEach((k, g) -> ops.add(index(id(day, COUNTED, k, ids), g.doc(COUNTED, day, rule, window))));
        stale.forEach((k, g) -> ops.add(index(id(day, STALE, k, ids), g.doc(STALE, day, rule, window))));
        Map<String, Object> marker = Map.of("kind", DAY, "day", day.toString(), "window", window, "ruleVersion", rule);
        ops.add(index(markerId(day), marker));
        return ops;
    }

    private BulkOperation index(String id, Map<String, Object> doc) {
        return BulkOperation.of(o -> o.index(i -> i.index(alias()).id(id).document(doc)));
    }

    private static String id(LocalDate day, String kind, String key, Set<String> ids) {
        String id = day + ":" + kind + ":"
                + java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ids.add(id);
        return id;
    }

    private List<String> idsWhere(Query query) {
        return docs.idsWhere(query);
    }

    private void deleteWhere(Query query) {
        docs.deleteAll(docs.idsWhere(query));
    }

    static String markerId(LocalDate day) {
        return "day:" + day;
    }

    private String alias() {
        return indices.alias(NAME);
    }

    // ------------------------------------------------------------------ queries

    /**
     * The query as of each of {@code days}, in one search; empty when the cube is off or does not hold every one of
     * the days (the caller then asks the snapshots).
     */
    Optional<CubeReader.Answer> asOf(Adoption.Query q, List<LocalDate> days) {
        return enabled && !days.isEmpty() ? reader.asOf(q, days) : Optional.empty();
    }

    /** Origin × another dimension as of one day, from the cube; empty when it does not hold the day. */
    Optional<Map<String, Map<String, Double>>> cross(Adoption.Query q, Adoption.Dimension split, LocalDate at) {
        return enabled ? reader.cross(q, split, at) : Optional.empty();
    }
}
