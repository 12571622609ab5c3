package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Documents;
import org.weightscope.storage.Indices;

/**
 * The pre-aggregated adoption cube: for each as-of day D, the snapshots the as-of rule counts on D ({@link AsOfRule}),
 * joined with the attribution versions they name, grouped by everything a figure without a per-model filter can break
 * down or filter by (hub, capture source, organisations, sectors, hardware class, licence class, the origin credit of
 * both views) with sums, counts and what coverage needs ({@link CubeGroup}, built by {@link CubeDays}); the models left
 * out as stale on D are grouped the same way. A capture of day d changes the counted figures of [d, d + W − 1] and the
 * stale counts of later days, so a crawl rebuilds its own day and the built days after it. A registry or rule change
 * rewrites the versions and rebuilds the cube; the snapshots stay as they are.
 *
 * <p>Consistency: a day counts as built only while its marker document ({@code kind=day}) exists with the current rule
 * version and window. A write that touches a day first deletes the markers of the days it affects; until they are
 * rebuilt, a question about those days is answered from groups built for it alone from the snapshots (and a day
 * asked for while no write is pending is built into the cube there and then). So a crash between the two never
 * leaves a wrong figure, only a slower one. The same per-request groups answer a question about a sample of models
 * (a constant sample, the first-year releases) and every question while the cube is switched off: that is the naive
 * aggregation over the raw snapshots the benchmarks compare with.
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
    private final CubeDays builder;
    private final FigureCache figures;
    /** The cube's own documents (groups, day markers, the capture span). */
    @SuppressWarnings("rawtypes")
    private final Documents<Map> docs;
    /** Days written since the last {@link #update()}: the first day of each affected range. */
    private final Set<LocalDate> dirty = ConcurrentHashMap.newKeySet();
    /** The instances writing captures the cube is behind on (this one's lease included). */
    private final CubeWriters writers;

    AdoptionCube(
            ElasticsearchClient client,
            Indices indices,
            AttributionRules rules,
            Optional<FigureSettings> settings,
            @Value("${weightscope.figures.cube:true}") boolean enabled,
            FigureCache figures,
            AttributionVersions versions,
            java.time.Clock clock) {
        this.figures = figures;
        this.client = client;
        this.indices = indices;
        this.rules = rules;
        this.window = settings.orElse(FigureSettings.defaults()).freshnessDays();
        this.enabled = enabled;
        this.docs = new Documents<>(client, indices, NAME, Map.class, "adoption cube document");
        this.reader = new CubeReader(client, indices.alias(NAME), rules, window, "");
        this.builder = new CubeDays(client, indices, rules, window, versions);
        this.writers = new CubeWriters(docs, clock);
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
        writers.writing();
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
            List<String> markers = docs.idsWhere(later);
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
            writers.done();
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
        // the minimal server has no _delete_by_query; groups other requests built for themselves are theirs to delete
        docs.deleteAll(docs.idsWhere(CubeDays.ofKinds(COUNTED, STALE, DAY, SPAN)));
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
            List<BulkOperation> ops = builder.day(day, ids, "", null);
            if (replacing) {
                docs.idsWhere(CubeDays.groupsOf(day)).stream()
                        .filter(old -> !ids.contains(old)) // before the marker, the op list's last
                        .forEach(old -> ops.add(
                                ops.size() - 1,
                                BulkOperation.of(o -> o.delete(
                                        d -> d.index(indices.alias(NAME)).id(old)))));
            }
            pending.addAll(ops);
            if (pending.size() >= CubeDays.BULK) {
                builder.write(pending, "adoption cube to " + day);
                pending = new ArrayList<>();
            }
        }
        builder.write(pending, "adoption cube");
        indices.refresh(NAME);
    }

    static String markerId(LocalDate day) {
        return "day:" + day;
    }

    /**
     * The query as of each of {@code days}, in one search of the cube. Days it does not hold are built into it first
     * while no write is pending; else (a crawl is writing, or the cube is off) the answer comes from groups built for
     * this request alone.
     */
    CubeReader.Answer asOf(Adoption.Query q, List<LocalDate> days) {
        if (days.isEmpty()) {
            return new CubeReader.Answer(Map.of(), Map.of());
        }
        if (enabled) {
            Optional<CubeReader.Answer> built = reader.asOf(q, days);
            if (built.isPresent() || buildMissing(days) && (built = reader.asOf(q, days)).isPresent()) {
                return built.get();
            }
        }
        return ofModels(q, days, null);
    }

    /** The query as of each of {@code days} over only {@code onlyModels} (null: every model), from the snapshots. */
    CubeReader.Answer ofModels(Adoption.Query q, List<LocalDate> days, Collection<String> onlyModels) {
        return builder.ephemeral(days, onlyModels, scope -> reader.scoped(scope).asOf(q, days));
    }

    /** Whether the cube holds {@code day} (its marker stands under the rules and window, or no capture is older). */
    boolean holds(LocalDate day) {
        LocalDate first = earliest();
        return first != null && day.isBefore(first) || reader.built(day);
    }

    /**
     * The day figures stand on when nobody names one, given the newest capture day: that day, unless an instance (this
     * one or another, {@link CubeWriters}) is writing captures the cube has not been rebuilt for and the cube does not
     * hold it; then the newest day before it the cube holds. So while a crawl writes its day, the figures stay on the
     * last complete day, read from the cube.
     */
    LocalDate settled(LocalDate newest) {
        // a held day (the usual case) decides with one get: the writers are asked only about a day the cube lacks
        boolean behind = enabled && !holds(newest) && (!dirty.isEmpty() || !stale.isEmpty() || writers.others());
        return behind ? reader.newestBuiltBefore(newest).orElse(newest) : newest;
    }

    /** Origin × another dimension as of one day: from the cube, else as {@link #asOf}. */
    Map<String, Map<String, Double>> cross(Adoption.Query q, Adoption.Dimension split, LocalDate at) {
        if (enabled) {
            Optional<Map<String, Map<String, Double>>> built = reader.cross(q, split, at);
            if (built.isPresent() || buildMissing(List.of(at)) && (built = reader.cross(q, split, at)).isPresent()) {
                return built.get();
            }
        }
        return builder.ephemeral(
                List.of(at), null, scope -> reader.scoped(scope).cross(q, split, at));
    }

    /**
     * Builds the days of {@code days} the cube does not hold, unless a write is pending here (its days are rebuilt by
     * {@link #update()}) or in another instance (its own update rebuilds them); returns whether it built them.
     */
    private synchronized boolean buildMissing(List<LocalDate> days) {
        if (!dirty.isEmpty() || !stale.isEmpty() || writers.others()) {
            return false;
        }
        LocalDate first = earliest();
        Set<String> have = docs.existing(days.stream().map(d -> markerId(d)).toList());
        List<LocalDate> missing = days.stream()
                .filter(d -> first != null && !d.isBefore(first) && !have.contains(markerId(d)))
                .distinct()
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            build(missing, true);
            figures.changed();
        }
        return true;
    }
}
