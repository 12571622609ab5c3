package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

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
    private static final String COUNTED = "counted";
    private static final String STALE = "stale";
    private static final String DAY = "day";
    private static final int PAGE = 5000;

    private final ElasticsearchClient client;
    private final Indices indices;
    private final AttributionRules rules;
    private final int window;
    private volatile boolean enabled;
    /** Days written since the last {@link #update()}: the first day of each affected range. */
    private final Set<LocalDate> dirty = ConcurrentHashMap.newKeySet();

    AdoptionCube(
            ElasticsearchClient client,
            Indices indices,
            AttributionRules rules,
            Optional<FigureSettings> settings,
            @Value("${weightscope.figures.cube:true}") boolean enabled) {
        this.client = client;
        this.indices = indices;
        this.rules = rules;
        this.window = settings.orElse(FigureSettings.defaults()).freshnessDays();
        this.enabled = enabled;
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
            if (!markers.isEmpty()) {
                Bulk.execute(
                        client,
                        markers.stream()
                                .map(id -> BulkOperation.of(
                                        o -> o.delete(d -> d.index(alias()).id(id))))
                                .toList(),
                        "adoption cube days invalidated");
                indices.refresh(NAME);
            }
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
        days.forEach(this::build);
        if (dirty.isEmpty() && stale.isEmpty()) {
            behindSince = null;
        }
        log.debug("Adoption cube: rebuilt {} days in {} ms", days.size(), (System.nanoTime() - t) / 1_000_000);
    }

    private static final String SPAN = "span";
    private volatile LocalDate earliest;

    /** The earliest capture day the cube was told about (days before it have no figures), or null. */
    private LocalDate earliest() {
        if (earliest == null) {
            try {
                var r = client.get(g -> g.index(alias()).id(SPAN), Map.class);
                if (r.found() && r.source() != null)
                    earliest = LocalDate.parse(String.valueOf(r.source().get("day")));
            } catch (IOException e) {
                throw new StorageException("reading the adoption cube failed", e);
            }
        }
        return earliest;
    }

    private void writeEarliest(LocalDate day) {
        Map<String, Object> doc = Map.of("kind", SPAN, "day", day.toString());
        try {
            client.index(i -> i.index(alias())
                    .id(SPAN)
                    .document(doc)
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            earliest = day;
        } catch (IOException e) {
            throw new StorageException("writing the adoption cube failed", e);
        }
    }

    /**
     * Rebuilds every day from the first capture to the last (after a rule change or on an empty cube). Returns the
     * number of days built.
     */
    public int rebuild() {
        indices.refresh(SnapshotsIndex.NAME);
        Optional<LocalDate[]> span = captureSpan();
        deleteWhere(Query.of(q -> q.matchAll(m -> m))); // the minimal server has no _delete_by_query
        earliest = null;
        if (span.isEmpty()) {
            return 0;
        }
        writeEarliest(span.get()[0]);
        int n = 0;
        for (LocalDate d = span.get()[0]; !d.isAfter(span.get()[1]); d = d.plusDays(1), n++) {
            build(d);
        }
        return n;
    }

    /** One as-of day from the snapshots: counted and stale groups, then the marker. */
    void build(LocalDate day) {
        indices.refresh(SnapshotsIndex.NAME);
        String rule = rules.version();
        Map<String, Group> counted = group(AsOfRule.counted(day, window), true);
        Map<String, Group> stale = group(AsOfRule.stale(day, window), false);
        {
            List<BulkOperation> ops = new ArrayList<>(counted.size() + stale.size() + 1);
            Set<String> ids = new java.util.HashSet<>();
            counted.forEach((k, g) -> ops.add(index(id(day, COUNTED, k, ids), g.doc(COUNTED, day, rule, window))));
            stale.forEach((k, g) -> ops.add(index(id(day, STALE, k, ids), g.doc(STALE, day, rule, window))));
            // groups of an earlier build of the day that no longer exist
            for (String old : idsWhere(Query.of(q -> q.term(t -> t.field("day").value(day.toString()))))) {
                if (!ids.contains(old) && !old.equals(markerId(day)) && !old.equals(SPAN)) {
                    ops.add(BulkOperation.of(o -> o.delete(d -> d.index(alias()).id(old))));
                }
            }
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put("kind", DAY);
            marker.put("day", day.toString());
            marker.put("window", window);
            marker.put("ruleVersion", rule);
            String id = markerId(day);
            ops.add(BulkOperation.of(o -> o.index(i -> i.index(alias()).id(id).document(marker))));
            for (int i = 0; i < ops.size(); i += 2000) {
                Bulk.execute(client, ops.subList(i, Math.min(ops.size(), i + 2000)), "adoption cube of " + day);
            }
            indices.refresh(NAME);
        }
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

    /** Ids of the cube documents matching {@code query} (scrolled). */
    private List<String> idsWhere(Query query) {
        List<String> out = new ArrayList<>();
        try {
            var page = client.search(
                    s -> s.index(alias())
                            .size(5000)
                            .query(query)
                            .source(src -> src.fetch(false))
                            .scroll(co.elastic.clients.elasticsearch._types.Time.of(t -> t.time("1m"))),
                    Void.class);
            String scroll = page.scrollId();
            var hits = page.hits().hits();
            while (!hits.isEmpty()) {
                hits.forEach(h -> out.add(h.id()));
                String sid = scroll;
                var next = client.scroll(
                        x -> x.scrollId(sid).scroll(co.elastic.clients.elasticsearch._types.Time.of(t -> t.time("1m"))),
                        Void.class);
                scroll = next.scrollId();
                hits = next.hits().hits();
            }
            String sid = scroll;
            if (sid != null) client.clearScroll(c -> c.scrollId(sid));
            return out;
        } catch (IOException e) {
            throw new StorageException("reading the adoption cube failed", e);
        }
    }

    private void deleteWhere(Query query) {
        List<String> ids = idsWhere(query);
        for (int i = 0; i < ids.size(); i += 2000) {
            List<BulkOperation> ops = ids.subList(i, Math.min(ids.size(), i + 2000)).stream()
                    .map(id ->
                            BulkOperation.of(o -> o.delete(d -> d.index(alias()).id(id))))
                    .toList();
            Bulk.execute(client, ops, "adoption cube deletions");
        }
        indices.refresh(NAME);
    }

    private static String markerId(LocalDate day) {
        return "day:" + day;
    }

    private String alias() {
        return indices.alias(NAME);
    }

    /** The snapshots matching {@code rule}, streamed and grouped. */
    private Map<String, Group> group(Query rule, boolean full) {
        Map<String, Group> groups = new HashMap<>();
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ModelSnapshot> r = client.search(
                        s -> {
                            s.index(indices.alias(SnapshotsIndex.NAME))
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(PAGE)
                                    .query(rule)
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                                    .source(src -> src.filter(f -> f.includes(
                                            "modelId",
                                            "day",
                                            "asOf",
                                            "downloads30d",
                                            "hub",
                                            "source",
                                            "attribution.uploaderOrg",
                                            "attribution.developerOrgs",
                                            "attribution.uploaderOrigin",
                                            "attribution.lineageOrigin",
                                            "attribution.sectors",
                                            "attribution.hardware.clazz",
                                            "attribution.licence",
                                            "originCredit")));
                            return from == null ? s : s.searchAfter(from);
                        },
                        ModelSnapshot.class);
                List<Hit<ModelSnapshot>> hits = r.hits().hits();
                if (hits.isEmpty()) {
                    return groups;
                }
                for (Hit<ModelSnapshot> h : hits) {
                    ModelSnapshot s = h.source();
                    if (s == null) continue;
                    Group g = groups.computeIfAbsent(Group.key(s), k -> new Group(s));
                    g.add(s, full);
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new StorageException("reading snapshots for the adoption cube failed", e);
        }
    }

    /** The licence class a figure is keyed on, as stored at {@link AdoptionIndex#LICENCE_CLASS_FIELD}. */
    static String licenceClass(Attribution a) {
        return a == null || a.licence() == null
                ? null
                : a.licence().effectiveClass() != null
                        ? a.licence().effectiveClass()
                        : a.licence().clazz();
    }

    /** Models with the same keys on one as-of day. */
    static final class Group {
        final ModelSnapshot first;
        long models;
        long downloads;
        long asOf = Long.MIN_VALUE;
        LocalDate from;
        LocalDate to;
        String topModel;
        long topDownloads = -1;
        long fingerprint1;
        long fingerprint2;
        final Map<String, double[]> credit = new TreeMap<>();

        Group(ModelSnapshot first) {
            this.first = first;
        }

        static String key(ModelSnapshot s) {
            Attribution a = s.attribution();
            StringBuilder k = new StringBuilder(128);
            k.append(s.hub())
                    .append('|')
                    .append(s.source())
                    .append('|')
                    .append(s.downloads30d() != null)
                    .append('|');
            if (a != null) {
                k.append(a.uploaderOrg())
                        .append('|')
                        .append(new java.util.TreeSet<>(a.developerOrgs()))
                        .append('|')
                        .append(new java.util.TreeSet<>(a.sectors()))
                        .append('|')
                        .append(a.hardware() == null ? null : a.hardware().clazz())
                        .append('|')
                        .append(licenceClass(a));
            }
            k.append('|');
            if (s.originCredit() != null) {
                List<String> credits = new ArrayList<>();
                s.originCredit().forEach(c -> credits.add(c.view() + ":" + c.country() + ":" + c.share()));
                credits.sort(null);
                k.append(credits);
            }
            return k.toString();
        }

        void add(ModelSnapshot s, boolean full) {
            models++;
            // stale groups need the credit too: an origin filter selects them by it
            if (s.originCredit() != null) {
                for (OriginCredit c : s.originCredit()) {
                    double[] v = credit.computeIfAbsent(c.view() + "\u0000" + c.country(), x -> new double[3]);
                    v[0] += c.share();
                    v[1] += c.downloads30d();
                    v[2] += 1;
                }
            }
            if (!full) return;
            long d = s.downloads30d() == null ? 0 : s.downloads30d();
            downloads += d;
            if (s.asOf() != null) asOf = Math.max(asOf, s.asOf().toEpochMilli());
            if (from == null || s.day().isBefore(from)) from = s.day();
            if (to == null || s.day().isAfter(to)) to = s.day();
            if (s.downloads30d() != null
                    && (d > topDownloads || d == topDownloads && s.modelId().compareTo(topModel) < 0)) {
                topDownloads = d;
                topModel = s.modelId();
            }
            long h = mix(
                    s.modelId().hashCode() * 0x9E3779B97F4A7C15L + s.modelId().length());
            fingerprint1 += h & 0xFFFFF;
            fingerprint2 += (h >>> 20) & 0xFFFFF;
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x *= 0xc4ceb9fe1a85ec53L;
            x ^= x >>> 33;
            return x;
        }

        Map<String, Object> doc(String kind, LocalDate day, String rule, int window) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("kind", kind);
            doc.put("day", day.toString());
            doc.put("window", window);
            doc.put("ruleVersion", rule);
            doc.put("hub", first.hub());
            doc.put("source", first.source());
            doc.put("hasDownloads", first.downloads30d() != null);
            Attribution a = first.attribution();
            if (a != null) {
                Map<String, Object> attribution = new LinkedHashMap<>();
                attribution.put("uploaderOrg", a.uploaderOrg());
                attribution.put("developerOrgs", a.developerOrgs());
                attribution.put("sectors", a.sectors());
                attribution.put(
                        "hardware",
                        a.hardware() == null
                                ? Map.of()
                                : java.util.Collections.singletonMap(
                                        "clazz", a.hardware().clazz()));
                doc.put("attribution", attribution);
                // the licence class under the one field name figures are keyed on
                String[] path = AdoptionIndex.LICENCE_CLASS_FIELD.split("\\.");
                @SuppressWarnings("unchecked")
                Map<String, Object> at = (Map<String, Object>) doc.get(path[0]);
                for (int i = 1; i < path.length - 1; i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> next =
                            (Map<String, Object>) at.computeIfAbsent(path[i], x -> new LinkedHashMap<>());
                    at = next;
                }
                at.put(path[path.length - 1], licenceClass(a));
            }
            doc.put("models", models);
            List<Map<String, Object>> credits = new ArrayList<>();
            credit.forEach((k, v) -> {
                int sep = k.indexOf('\u0000');
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("view", k.substring(0, sep));
                c.put("country", k.substring(sep + 1));
                c.put("share", v[0]);
                c.put("downloads30d", v[1]);
                c.put("models", (long) v[2]);
                credits.add(c);
            });
            doc.put("originCredit", credits);
            if (!COUNTED.equals(kind)) {
                return doc;
            }
            doc.put("downloads30d", downloads);
            if (asOf != Long.MIN_VALUE)
                doc.put("asOf", Instant.ofEpochMilli(asOf).toString());
            doc.put("from", from.toString());
            doc.put("to", to.toString());
            if (topModel != null) {
                doc.put("topModel", topModel);
                doc.put("topDownloads", topDownloads);
            }
            doc.put("fingerprint1", fingerprint1);
            doc.put("fingerprint2", fingerprint2);
            return doc;
        }
    }

    private Optional<LocalDate[]> captureSpan() {
        try {
            SearchResponse<Void> r = client.search(
                    s -> s.index(indices.alias(SnapshotsIndex.NAME))
                            .size(0)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .aggregations("min", a -> a.min(m -> m.field("day")))
                            .aggregations("max", a -> a.max(m -> m.field("day"))),
                    Void.class);
            if (r.aggregations().get("min") == null
                    || r.aggregations().get("min").min().valueAsString() == null) {
                return Optional.empty();
            }
            LocalDate min = LocalDate.parse(
                    r.aggregations().get("min").min().valueAsString().substring(0, 10));
            LocalDate max = LocalDate.parse(
                    r.aggregations().get("max").max().valueAsString().substring(0, 10));
            // a capture keeps counting for the window after the newest capture day
            return Optional.of(new LocalDate[] {min, max.plusDays(window - 1L)});
        } catch (IOException e) {
            throw new StorageException("snapshot days query failed", e);
        }
    }

    // ------------------------------------------------------------------ queries

    /** A request's answer from the cube, with each point's model-set fingerprint (count and two hash sums). */
    record Answer(Map<LocalDate, AdoptionIndex.Result> results, Map<LocalDate, List<Long>> fingerprints) {}

    /**
     * The query as of each of {@code days}, in one search; empty when the cube is off or does not hold every one of
     * the days (the caller then asks the snapshots).
     */
    Optional<Answer> asOf(Adoption.Query q, List<LocalDate> days) {
        if (!enabled || days.isEmpty()) {
            return Optional.empty();
        }
        Query filter = filters(q);
        Map<String, Query> points = new LinkedHashMap<>();
        Map<String, Query> stale = new LinkedHashMap<>();
        Map<String, Query> markers = new LinkedHashMap<>();
        String rule = rules.version();
        for (LocalDate d : days) {
            String day = d.toString();
            points.put(
                    day,
                    Query.of(x -> x.bool(b -> b.filter(
                                    f -> f.term(t -> t.field("kind").value(COUNTED)))
                            .filter(f -> f.term(t -> t.field("day").value(day)))
                            .filter(filter))));
            stale.put(
                    day,
                    Query.of(x -> x.bool(b -> b.filter(
                                    f -> f.term(t -> t.field("kind").value(STALE)))
                            .filter(f -> f.term(t -> t.field("day").value(day)))
                            .filter(filter))));
            markers.put(
                    day,
                    Query.of(x -> x.bool(b -> b.filter(
                                    f -> f.term(t -> t.field("kind").value(DAY)))
                            .filter(f -> f.term(t -> t.field("day").value(day)))
                            .filter(f -> f.term(t -> t.field("ruleVersion").value(rule)))
                            .filter(f -> f.term(t -> t.field("window").value(window))))));
        }
        List<FieldValue> dayValues =
                days.stream().map(d -> FieldValue.of(d.toString())).toList();
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(alias())
                            .size(0)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(x -> x.bool(b -> b.should(
                                            o -> o.terms(t -> t.field("day").terms(v -> v.value(dayValues))))
                                    .should(o -> o.term(t -> t.field("kind").value(SPAN)))))
                            .aggregations("markers", a -> a.filters(f -> f.filters(b -> b.keyed(markers))))
                            .aggregations(
                                    "earliest",
                                    a -> a.filter(f ->
                                                    f.term(t -> t.field("kind").value(SPAN)))
                                            .aggregations("day", x -> x.min(m -> m.field("day"))))
                            .aggregations(
                                    "points",
                                    a -> a.filters(f -> f.filters(b -> b.keyed(points)))
                                            .aggregations(pointAggregations(q)))
                            .aggregations(
                                    "stale",
                                    a -> a.filters(f -> f.filters(b -> b.keyed(stale)))
                                            .aggregations("models", x -> x.sum(m -> m.field("models")))),
                    Void.class);
            if (response.aggregations().get("markers") == null) {
                return Optional.empty();
            }
            Map<String, FiltersBucket> markerBuckets =
                    response.aggregations().get("markers").filters().buckets().keyed();
            LocalDate first = day(response.aggregations()
                    .get("earliest")
                    .filter()
                    .aggregations()
                    .get("day"));
            Set<LocalDate> before = new java.util.HashSet<>();
            for (LocalDate d : days) {
                if (first != null && d.isBefore(first)) {
                    before.add(d); // before every capture: nothing to count, nothing stale
                } else if (markerBuckets.get(d.toString()).docCount() == 0) {
                    return Optional.empty();
                }
            }
            Map<String, FiltersBucket> pointBuckets =
                    response.aggregations().get("points").filters().buckets().keyed();
            Map<String, FiltersBucket> staleBuckets =
                    response.aggregations().get("stale").filters().buckets().keyed();
            Map<LocalDate, AdoptionIndex.Result> out = new LinkedHashMap<>();
            Map<LocalDate, List<Long>> prints = new LinkedHashMap<>();
            for (LocalDate d : days) {
                if (before.contains(d)) {
                    out.put(
                            d,
                            new AdoptionIndex.Result(
                                    0, List.of(), null, 0, 0, null, null, 0, Map.of(), null, 0, Set.of()));
                    prints.put(d, List.of(0L, 0L, 0L));
                    continue;
                }
                long leftOut = Math.round(staleBuckets
                        .get(d.toString())
                        .aggregations()
                        .get("models")
                        .sum()
                        .value());
                Map<String, Aggregate> aggs = pointBuckets.get(d.toString()).aggregations();
                long models = Math.round(aggs.get("models").sum().value());
                out.put(
                        d,
                        models == 0
                                ? new AdoptionIndex.Result(
                                        0, List.of(), null, 0, 0, null, null, leftOut, Map.of(), null, 0, Set.of())
                                : result(aggs, models, q, leftOut));
                prints.put(
                        d,
                        List.of(
                                models,
                                Math.round(aggs.get("f1").sum().value()),
                                Math.round(aggs.get("f2").sum().value())));
            }
            return Optional.of(new Answer(out, prints));
        } catch (IOException e) {
            throw new StorageException("adoption cube aggregation failed", e);
        }
    }

    /** Origin × another dimension as of one day, from the cube; empty when it does not hold the day. */
    Optional<Map<String, Map<String, Double>>> cross(Adoption.Query q, Adoption.Dimension split, LocalDate at) {
        if (!enabled || !built(at)) {
            return Optional.empty();
        }
        String day = at.toString();
        Query filter = Query.of(x -> x.bool(b -> b.filter(filters(q))
                .filter(f -> f.term(t -> t.field("kind").value(COUNTED)))
                .filter(f -> f.term(t -> t.field("day").value(day)))));
        String valueField = q.metric() == Adoption.Metric.MODELS ? "originCredit.share" : "originCredit.downloads30d";
        try {
            SearchResponse<Void> response = client.search(
                    s -> s.index(alias())
                            .size(0)
                            .query(filter)
                            .aggregations(
                                    "split",
                                    a -> a.terms(t -> t.field(AdoptionIndex.field(split, q.view()))
                                                    .size(q.top())
                                                    .order(NamedValue.of("models", SortOrder.Desc))
                                                    .missing(
                                                            split == Adoption.Dimension.ORGANISATION
                                                                    ? AdoptionIndex.UNATTRIBUTED
                                                                    : "unknown"))
                                            .aggregations("models", x -> x.sum(m -> m.field("models")))
                                            .aggregations(
                                                    "credit",
                                                    c -> c.nested(n -> n.path("originCredit"))
                                                            .aggregations(
                                                                    "view",
                                                                    v -> v.filter(f -> f.term(
                                                                                    t -> t.field("originCredit.view")
                                                                                            .value(q.view()
                                                                                                    .id())))
                                                                            .aggregations(
                                                                                    "keys",
                                                                                    k -> k.terms(
                                                                                                    t -> t.field(
                                                                                                                    "originCredit.country")
                                                                                                            .size(50)
                                                                                                            .order(
                                                                                                                    NamedValue
                                                                                                                            .of(
                                                                                                                                    "models",
                                                                                                                                    SortOrder
                                                                                                                                            .Desc)))
                                                                                            .aggregations(
                                                                                                    "models",
                                                                                                    x -> x.sum(
                                                                                                            m ->
                                                                                                                    m
                                                                                                                            .field(
                                                                                                                                    "originCredit.models")))
                                                                                            .aggregations(
                                                                                                    "value",
                                                                                                    x -> x.sum(
                                                                                                            m ->
                                                                                                                    m
                                                                                                                            .field(
                                                                                                                                    valueField))))))),
                    Void.class);
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            if (response.aggregations().get("split") == null) {
                return Optional.of(out);
            }
            for (StringTermsBucket b :
                    response.aggregations().get("split").sterms().buckets().array()) {
                Map<String, Double> byCountry = new LinkedHashMap<>();
                for (StringTermsBucket c : b.aggregations()
                        .get("credit")
                        .nested()
                        .aggregations()
                        .get("view")
                        .filter()
                        .aggregations()
                        .get("keys")
                        .sterms()
                        .buckets()
                        .array()) {
                    byCountry.put(
                            c.key().stringValue(),
                            c.aggregations().get("value").sum().value());
                }
                out.put(b.key().stringValue(), byCountry);
            }
            return Optional.of(out);
        } catch (IOException e) {
            throw new StorageException("adoption cube aggregation failed", e);
        }
    }

    private boolean built(LocalDate day) {
        try {
            var r = client.get(g -> g.index(alias()).id(markerId(day)), Map.class);
            return r.found()
                    && r.source() != null
                    && rules.version().equals(r.source().get("ruleVersion"))
                    && Integer.valueOf(window).equals(r.source().get("window"));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) return false;
            throw e;
        } catch (IOException e) {
            throw new StorageException("reading the adoption cube failed", e);
        }
    }

    /** The query's filters on cube documents (a downloads metric: groups of captures that carry a 30-day count). */
    private static Query filters(Adoption.Query q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.metric() == Adoption.Metric.DOWNLOADS_30D) {
            bool.filter(f -> f.term(t -> t.field("hasDownloads").value(true)));
        }
        q.filters().forEach((dimension, values) -> {
            List<FieldValue> accepted = values.stream().map(FieldValue::of).toList();
            if (dimension == Adoption.Dimension.ORIGIN) {
                bool.filter(f -> f.nested(n -> n.path("originCredit")
                        .query(nq -> nq.bool(b -> b.filter(t -> t.term(tt -> tt.field("originCredit.view")
                                        .value(q.view().id())))
                                .filter(t -> t.terms(
                                        tt -> tt.field("originCredit.country").terms(v -> v.value(accepted))))))));
            } else {
                bool.filter(f -> f.terms(
                        t -> t.field(AdoptionIndex.field(dimension, q.view())).terms(v -> v.value(accepted))));
            }
        });
        return Query.of(b -> b.bool(bool.build()));
    }

    private static Map<String, Aggregation> pointAggregations(Adoption.Query q) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        String creditField = q.metric() == Adoption.Metric.MODELS ? "originCredit.share" : "originCredit.downloads30d";
        if (q.by() == Adoption.Dimension.ORIGIN) {
            aggs.put(
                    "by",
                    Aggregation.of(a -> a.nested(n -> n.path("originCredit"))
                            .aggregations(
                                    "view",
                                    v -> v.filter(f -> f.term(t -> t.field("originCredit.view")
                                                    .value(q.view().id())))
                                            .aggregations(
                                                    "keys",
                                                    k -> k.terms(t -> t.field("originCredit.country")
                                                                    .size(q.top())
                                                                    .order(NamedValue.of("value", SortOrder.Desc)))
                                                            .aggregations(
                                                                    "value", x -> x.sum(s -> s.field(creditField))))
                                            .aggregations("value", x -> x.sum(s -> s.field(creditField))))));
        } else {
            String valueField = q.metric() == Adoption.Metric.MODELS ? "models" : "downloads30d";
            aggs.put(
                    "by",
                    Aggregation.of(a -> a.terms(t -> t.field(AdoptionIndex.field(q.by(), q.view()))
                                    .size(q.top())
                                    .missing(
                                            q.by() == Adoption.Dimension.ORGANISATION
                                                    ? AdoptionIndex.UNATTRIBUTED
                                                    : "unknown")
                                    .order(NamedValue.of("value", SortOrder.Desc)))
                            .aggregations("value", x -> x.sum(s -> s.field(valueField)))));
        }
        aggs.put("models", Aggregation.of(a -> a.sum(m -> m.field("models"))));
        aggs.put("downloads", Aggregation.of(a -> a.sum(m -> m.field("downloads30d"))));
        aggs.put("asOf", Aggregation.of(a -> a.max(m -> m.field("asOf"))));
        aggs.put("from", Aggregation.of(a -> a.min(m -> m.field("from"))));
        aggs.put("to", Aggregation.of(a -> a.max(m -> m.field("to"))));
        aggs.put("f1", Aggregation.of(a -> a.sum(m -> m.field("fingerprint1"))));
        aggs.put("f2", Aggregation.of(a -> a.sum(m -> m.field("fingerprint2"))));
        aggs.put(
                "sources",
                Aggregation.of(a -> a.terms(t -> t.field("source").size(100))
                        .aggregations("models", x -> x.sum(m -> m.field("models")))));
        aggs.put(
                "top",
                Aggregation.of(a -> a.topHits(h -> h.size(1)
                        .source(src -> src.filter(f -> f.includes("topModel", "topDownloads")))
                        .sort(o -> o.field(f -> f.field("topDownloads").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("topModel").order(SortOrder.Asc))))));
        return aggs;
    }

    private static AdoptionIndex.Result result(
            Map<String, Aggregate> aggs, long models, Adoption.Query q, long leftOut) {
        boolean origin = q.by() == Adoption.Dimension.ORIGIN;
        Aggregate by = aggs.get("by");
        double total = !origin && q.metric() == Adoption.Metric.MODELS
                ? models
                : origin
                        ? by.nested()
                                .aggregations()
                                .get("view")
                                .filter()
                                .aggregations()
                                .get("value")
                                .sum()
                                .value()
                        : aggs.get("downloads").sum().value();
        List<StringTermsBucket> buckets = origin
                ? by.nested()
                        .aggregations()
                        .get("view")
                        .filter()
                        .aggregations()
                        .get("keys")
                        .sterms()
                        .buckets()
                        .array()
                : by.sterms().buckets().array();
        List<Adoption.Figure> figures = new ArrayList<>();
        for (StringTermsBucket b : buckets) {
            double value = b.aggregations().get("value").sum().value();
            double shown = q.metric() == Adoption.Metric.MODELS ? Math.round(value * 100) / 100.0 : Math.round(value);
            figures.add(new Adoption.Figure(b.key().stringValue(), shown, total == 0 ? 0 : value / total));
        }
        figures.sort((a, b) -> Double.compare(b.value(), a.value()));
        var max = aggs.get("asOf").max();
        Instant asOf = max.valueAsString() == null ? null : Instant.ofEpochMilli((long) max.value());
        Map<String, Long> sources = new LinkedHashMap<>();
        aggs.get("sources")
                .sterms()
                .buckets()
                .array()
                .forEach(b -> sources.put(
                        b.key().stringValue(),
                        Math.round(b.aggregations().get("models").sum().value())));
        var top = aggs.get("top").topHits().hits().hits();
        String topModel = null;
        double topValue = 0;
        if (!top.isEmpty() && top.get(0).source() != null) {
            var src = top.get(0).source().toJson().asJsonObject();
            if (src.containsKey("topModel")) {
                topModel = src.getString("topModel");
                topValue = src.getJsonNumber("topDownloads").doubleValue();
            }
        }
        total = q.metric() == Adoption.Metric.MODELS ? Math.round(total * 100) / 100.0 : Math.round(total);
        return new AdoptionIndex.Result(
                total,
                figures,
                asOf,
                models,
                Math.round(aggs.get("downloads").sum().value()),
                day(aggs.get("from")),
                day(aggs.get("to")),
                leftOut,
                sources,
                topModel,
                topValue,
                new LinkedHashSet<>());
    }

    private static LocalDate day(Aggregate minOrMax) {
        String text = minOrMax.isMin()
                ? minOrMax.min().valueAsString()
                : minOrMax.max().valueAsString();
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }
}
