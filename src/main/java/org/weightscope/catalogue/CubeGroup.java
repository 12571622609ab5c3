package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.weightscope.storage.StorageException;

/** Models with the same keys on one as-of day: snapshots joined with the attribution versions they name. */
final class CubeGroup {
    final ModelSnapshot first;
    /** The attribution of the group (every member's version has the same keys); null: none stored. */
    final Attribution attribution;

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

    CubeGroup(ModelSnapshot first, Attribution attribution) {
        this.first = first;
        this.attribution = attribution;
    }

    static String key(ModelSnapshot s, AttributionVersions.Version v) {
        Attribution a = v == null ? null : v.attribution();
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
        if (v != null && v.originCredit() != null) {
            List<String> credits = new ArrayList<>();
            v.originCredit().forEach(c -> credits.add(c.view() + ":" + c.country() + ":" + c.share()));
            credits.sort(null);
            k.append(credits);
        }
        return k.toString();
    }

    void add(ModelSnapshot s, AttributionVersions.Version version, boolean full) {
        models++;
        long d = s.downloads30d() == null ? 0 : s.downloads30d();
        // stale groups need the credit too: an origin filter selects them by it
        if (version != null && version.originCredit() != null) {
            for (OriginCredit c : version.originCredit()) {
                double[] v = credit.computeIfAbsent(c.view() + "\u0000" + c.country(), x -> new double[3]);
                v[0] += c.share();
                v[1] += d * c.share();
                v[2] += 1;
            }
        }
        if (!full) return;
        downloads += d;
        if (s.asOf() != null) asOf = Math.max(asOf, s.asOf().toEpochMilli());
        if (from == null || s.day().isBefore(from)) from = s.day();
        if (to == null || s.day().isAfter(to)) to = s.day();
        if (s.downloads30d() != null
                && (d > topDownloads || d == topDownloads && s.modelId().compareTo(topModel) < 0)) {
            topDownloads = d;
            topModel = s.modelId();
        }
        long h = mix(s.modelId().hashCode() * 0x9E3779B97F4A7C15L + s.modelId().length());
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
        Attribution a = attribution;
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
        if (!kind.startsWith(AdoptionCube.COUNTED)) { // also a request's own counted groups
            return doc;
        }
        doc.put("downloads30d", downloads);
        if (asOf != Long.MIN_VALUE) doc.put("asOf", Instant.ofEpochMilli(asOf).toString());
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

    /**
     * The snapshots matching {@code rule}, streamed and grouped under their attribution versions (read a page at a
     * time); stale groups need no sums but the credit.
     */
    static Map<String, CubeGroup> collect(
            ElasticsearchClient client, String snapshots, AttributionVersions versions, Query rule, boolean full) {
        Map<String, CubeGroup> groups = new HashMap<>();
        forEachPage(client, snapshots, rule, page -> {
            Map<String, AttributionVersions.Version> named = versions.getAll(page.stream()
                    .map(ModelSnapshot::version)
                    .filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet()));
            for (ModelSnapshot s : page) {
                AttributionVersions.Version v = s.version() == null ? null : named.get(s.version());
                CubeGroup g = groups.computeIfAbsent(
                        CubeGroup.key(s, v), k -> new CubeGroup(s, v == null ? null : v.attribution()));
                g.add(s, v, full);
            }
        });
        return groups;
    }

    /** The snapshots matching {@code query} in id order, a page ({@link AdoptionCube#PAGE}) at a time. */
    static void forEachPage(
            ElasticsearchClient client,
            String snapshots,
            Query query,
            java.util.function.Consumer<List<ModelSnapshot>> page) {
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ModelSnapshot> r = client.search(
                        s -> {
                            s.index(snapshots)
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(AdoptionCube.PAGE)
                                    .query(query)
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                                    .source(src -> src.filter(f -> f.includes(
                                            "modelId", "day", "asOf", "downloads30d", "hub", "source", "version")));
                            return from == null ? s : s.searchAfter(from);
                        },
                        ModelSnapshot.class);
                List<Hit<ModelSnapshot>> hits = r.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                List<ModelSnapshot> sources = new ArrayList<>(hits.size());
                for (Hit<ModelSnapshot> h : hits) {
                    if (h.source() != null) sources.add(h.source());
                }
                page.accept(sources);
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new StorageException("reading snapshots for the adoption cube failed", e);
        }
    }

    /** The first capture day and the last day a capture still counts on, if there are snapshots. */
    static Optional<LocalDate[]> captureSpan(ElasticsearchClient client, String snapshots, int window) {
        try {
            SearchResponse<Void> r = client.search(
                    s -> s.index(snapshots)
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

    /** The licence class a figure is keyed on, as stored at {@link AdoptionIndex#LICENCE_CLASS_FIELD}. */
    static String licenceClass(Attribution a) {
        return a == null || a.licence() == null
                ? null
                : a.licence().effectiveClass() != null
                        ? a.licence().effectiveClass()
                        : a.licence().clazz();
    }
}
