package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/**
 * Every model's {@link Release}: read from the models index (only the fields the metrics use) and the snapshots
 * (day and download counts only), kept until either index changes size. This reads the whole catalogue into
 * memory, which suits the recorded and crawled catalogues of today (thousands of models); the full Hub (issue 14)
 * needs these figures as aggregations over a release-day field instead.
 */
@Component
class ReleaseCatalogue {

    private static final List<String> MODEL_FIELDS = List.of(
            "id",
            "hub",
            "repoId",
            "createdAt",
            "source",
            "facts.hub",
            "facts.repoId",
            "facts.tags",
            "attribution.uploaderOrg",
            "attribution.uploaderOrigin",
            "attribution.lineage",
            "attribution.developerOrgs",
            "attribution.lineageOrigin",
            "attribution.licence.effectiveClass",
            "attribution.licence.clazz",
            "attribution.hardware.clazz",
            "attribution.hardware.totalParameters",
            "attribution.sectors",
            "originCredit");
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final Indices indices;
    private volatile Cached cached;

    private record Cached(long models, long snapshots, List<Release> releases) {}

    ReleaseCatalogue(ElasticsearchClient client, Indices indices) {
        this.client = client;
        this.indices = indices;
    }

    /** Every model of the catalogue with its capture history. */
    List<Release> all() {
        long models = count(ModelsIndex.NAME);
        long snapshots = count(SnapshotsIndex.NAME);
        Cached c = cached;
        if (c != null && c.models() == models && c.snapshots() == snapshots) {
            return c.releases();
        }
        Map<String, NavigableMap<LocalDate, Release.Capture>> captures = captures();
        List<Release> out = new ArrayList<>();
        scan(ModelsIndex.NAME, MODEL_FIELDS, CatalogueModel.class, m -> out.add(of(m, captures.get(m.id()))));
        List<Release> releases = List.copyOf(out);
        cached = new Cached(models, snapshots, releases);
        return releases;
    }

    private static Release of(CatalogueModel m, NavigableMap<LocalDate, Release.Capture> history) {
        NavigableMap<LocalDate, Release.Capture> h = history == null ? new TreeMap<>() : history;
        Attribution a = m.attribution();
        Map<String, Map<String, Double>> credit = new HashMap<>();
        if (m.originCredit() != null) {
            for (OriginCredit oc : m.originCredit()) {
                credit.computeIfAbsent(oc.view(), v -> new LinkedHashMap<>())
                        .merge(oc.country(), oc.share(), Double::sum);
            }
        }
        return new Release(
                m.id(),
                m.repoId(),
                m.hub(),
                m.figures().createdAt() == null
                        ? null
                        : LocalDate.ofInstant(m.figures().createdAt(), ZoneOffset.UTC),
                a == null ? null : Release.relationOf(a.lineage()),
                a == null || a.lineage() == null ? List.of() : a.lineage().roots(),
                a == null ? null : a.uploaderOrg(),
                a == null ? List.of() : a.developerOrgs(),
                credit,
                a == null || a.licence() == null ? "unknown" : a.licence().effectiveClass(),
                a == null || a.hardware() == null ? "unknown" : a.hardware().clazz(),
                a == null ? List.of() : a.sectors(),
                a == null || a.hardware() == null ? null : a.hardware().totalParameters(),
                m.tags(),
                m.source(),
                h.isEmpty() ? null : h.firstKey(),
                h);
    }

    private record SnapshotDays(String modelId, LocalDate day, Long downloads30d, Long downloadsAllTime) {}

    private Map<String, NavigableMap<LocalDate, Release.Capture>> captures() {
        Map<String, NavigableMap<LocalDate, Release.Capture>> out = new HashMap<>();
        scan(
                SnapshotsIndex.NAME,
                List.of("id", "modelId", "day", "downloads30d", "downloadsAllTime"),
                SnapshotDays.class,
                s -> out.computeIfAbsent(s.modelId(), k -> new TreeMap<>())
                        .put(s.day(), new Release.Capture(s.downloads30d(), s.downloadsAllTime())));
        return out;
    }

    /** Every document of an index, only {@code fields}, in id order (search_after, no scroll context). */
    private <T> void scan(String name, List<String> fields, Class<T> type, java.util.function.Consumer<T> each) {
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            try {
                SearchResponse<T> r = client.search(
                        s -> {
                            s.index(indices.alias(name))
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(PAGE)
                                    .source(src -> src.filter(f -> f.includes(fields)))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            if (from != null) s.searchAfter(from);
                            return s;
                        },
                        type);
                List<Hit<T>> hits = r.hits().hits();
                if (hits.isEmpty()) return;
                hits.stream()
                        .map(Hit::source)
                        .filter(java.util.Objects::nonNull)
                        .forEach(each);
                after = hits.get(hits.size() - 1).sort();
            } catch (IOException e) {
                throw new StorageException("reading " + name + " failed", e);
            }
        }
    }

    private long count(String name) {
        try {
            return client.count(c ->
                            c.index(indices.alias(name)).ignoreUnavailable(true).allowNoIndices(true))
                    .count();
        } catch (IOException e) {
            throw new StorageException("count of " + name + " failed", e);
        }
    }
}
