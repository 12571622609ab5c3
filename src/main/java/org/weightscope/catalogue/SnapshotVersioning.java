package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.weightscope.storage.Bulk;
import org.weightscope.storage.Indices;
import org.weightscope.storage.StorageException;

/**
 * Moves the snapshots of a store written before attribution versions existed, once, at start-up: each carried a copy
 * of its attribution, which becomes (or joins) a version of its model ({@link AttributionVersions}); the snapshot is
 * written again without the copy, naming the version. Figures do not change: a version holds what the copy held.
 */
@Component
public class SnapshotVersioning {

    private static final Logger log = LoggerFactory.getLogger(SnapshotVersioning.class);
    private static final int PAGE = 2000;

    private final ElasticsearchClient client;
    private final Indices indices;
    private final AttributionVersions versions;
    private final FigureCache figures;

    SnapshotVersioning(ElasticsearchClient client, Indices indices, AttributionVersions versions, FigureCache figures) {
        this.client = client;
        this.indices = indices;
        this.versions = versions;
        this.figures = figures;
    }

    /** The copy of its attribution a snapshot carried before versions. */
    record Copy(Attribution attribution) {}

    /** Names the versions of every snapshot without one; returns how many snapshots it moved. */
    @EventListener(ApplicationReadyEvent.class)
    public long versionUnversioned() {
        long moved = 0;
        List<FieldValue> after = null;
        try {
            indices.refresh(SnapshotsIndex.NAME);
            while (true) {
                List<FieldValue> from = after;
                var r = client.search(
                        s -> {
                            s.index(indices.alias(SnapshotsIndex.NAME))
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(PAGE)
                                    .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("version")))))
                                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                            return from == null ? s : s.searchAfter(from);
                        },
                        co.elastic.clients.json.JsonData.class);
                var hits = r.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                Map<String, BulkOperation> newVersions = new LinkedHashMap<>();
                List<BulkOperation> ops = new ArrayList<>(hits.size() * 2);
                for (Hit<co.elastic.clients.json.JsonData> h : hits) {
                    if (h.source() == null) continue;
                    ModelSnapshot s = h.source().to(ModelSnapshot.class);
                    Attribution a = h.source().toJson().asJsonObject().containsKey("attribution")
                            ? h.source().to(Copy.class).attribution()
                            : null;
                    String key = AttributionVersions.key(s.modelId(), a);
                    if (a != null) {
                        newVersions.putIfAbsent(
                                key, versions.operation(AttributionVersions.Version.of(key, s.modelId(), s.hub(), a)));
                    }
                    ModelSnapshot lean = new ModelSnapshot(
                            s.id(),
                            s.modelId(),
                            s.hub(),
                            s.repoId(),
                            s.author(),
                            s.day(),
                            s.asOf(),
                            s.downloads30d(),
                            s.downloadsAllTime(),
                            s.likes(),
                            s.pipelineTag(),
                            s.gated(),
                            key,
                            s.recorded(),
                            s.source(),
                            s.until(),
                            s.linked());
                    String index = h.index();
                    ops.add(BulkOperation.of(
                            o -> o.index(i -> i.index(index).id(h.id()).document(lean))));
                }
                List<BulkOperation> all = new ArrayList<>(newVersions.values());
                all.addAll(ops);
                Bulk.execute(client, all, "snapshots named after their attribution versions");
                moved += ops.size();
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new StorageException("moving snapshots to attribution versions failed", e);
        }
        if (moved > 0) {
            versions.refresh();
            indices.refresh(SnapshotsIndex.NAME);
            figures.changed();
            log.info("Moved {} snapshots to attribution versions ({} versions)", moved, versions.count());
        }
        return moved;
    }
}
