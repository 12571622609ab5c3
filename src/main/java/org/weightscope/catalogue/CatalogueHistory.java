package org.weightscope.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.weightscope.catalogue.CatalogueService.Observation;
import org.weightscope.storage.Bulk;

/**
 * The catalogue over time: each batch of observations of one day becomes that day's snapshots, the events
 * found by comparing with the stored state in {@code models}, and the new latest state. Idempotent: ids
 * are deterministic, so applying the same batch again changes no count.
 */
@Service
public class CatalogueHistory {

    private final CatalogueService catalogue;
    private final ModelsIndex models;
    private final SnapshotsIndex snapshots;
    private final EventsIndex events;
    private final ElasticsearchClient client;
    private final SnapshotTimeline timeline;
    private final AdoptionCube cube;
    private final SnapshotCadence cadence;
    private final LineageSettlement settlement;
    private final AttributionVersions versions;

    CatalogueHistory(
            CatalogueService catalogue,
            ModelsIndex models,
            SnapshotsIndex snapshots,
            EventsIndex events,
            ElasticsearchClient client,
            SnapshotTimeline timeline,
            AdoptionCube cube,
            SnapshotCadence cadence,
            LineageSettlement settlement,
            AttributionVersions versions) {
        this.versions = versions;
        this.cadence = cadence;
        this.settlement = settlement;
        this.catalogue = catalogue;
        this.cube = cube;
        this.timeline = timeline;
        this.models = models;
        this.snapshots = snapshots;
        this.events = events;
        this.client = client;
    }

    /** Parent lookups per run (lineage of a crawl's pages asks the same parents again and again). */
    private final Map<String, ParentCache> parentCaches =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ParentCache> eldest) {
                    return size() > 4;
                }
            });

    /** What one batch wrote. */
    public record Applied(int models, int snapshots, int events) {}

    /**
     * Stores one batch observed on {@code day}: a snapshot per model (overwriting that day's), events against
     * the stored state, and the model's new state unless the store already holds a later one. Fields the
     * observation lacks (card data, parameters, gating, sha …) are carried over from the stored state.
     */
    public Applied apply(List<Observation> batch, LocalDate day, String runId) {
        Map<String, Observation> byId = new LinkedHashMap<>();
        for (Observation o : batch) {
            byId.put(CatalogueModel.idPrefix(o.facts().hub()) + ":" + o.facts().repoId(), o);
        }
        Map<String, CatalogueModel> stored = models.getAll(byId.keySet());
        List<Observation> merged = new ArrayList<>(byId.size());
        List<Boolean> older = new ArrayList<>(byId.size());
        byId.forEach((id, o) -> {
            CatalogueModel prev = stored.get(id);
            boolean isOlder = prev != null
                    && prev.asOf() != null
                    && o.asOf() != null
                    && o.asOf().isBefore(prev.asOf());
            older.add(isOlder);
            merged.add(isOlder || prev == null ? o : ModelChanges.carryOver(o, prev));
        });
        ParentCache parents = parentCaches.computeIfAbsent(String.valueOf(runId), r -> ParentCache.bounded(50_000));
        List<CatalogueModel> described = catalogue.describe(merged, parents);
        List<CatalogueModel> saved = new ArrayList<>(described.size());
        List<BulkOperation> ops = new ArrayList<>(described.size() * 2 + 8);
        int latest = 0;
        int found = 0;
        cube.touched(day); // the cube's days this page changes stop counting as built until refresh() rebuilds them
        List<ModelSnapshot> fresh = new ArrayList<>(described.size());
        Map<String, SnapshotTimeline.Neighbours> known = new java.util.HashMap<>();
        List<CatalogueModel> withCaptures = new ArrayList<>(described.size());
        for (CatalogueModel m : described) {
            CatalogueModel prev = stored.get(m.id());
            CatalogueModel.Capture capture = prev == null ? null : prev.capture();
            if (prev != null && cadence.skips(m, prev, day)) {
                withCaptures.add(m.withCapture(capture)); // no snapshot today: the last one still stands
                continue;
            }
            String version = version(m, prev, ops);
            fresh.add(ModelSnapshot.of(m, day, version));
            if (prev == null) {
                known.put(m.id(), SnapshotTimeline.Neighbours.NONE); // a new model has no other capture
            } else if (capture != null && capture.day() != null && day.isAfter(capture.day())) {
                // the newest capture is the one before today, and nothing comes after it
                known.put(m.id(), new SnapshotTimeline.Neighbours(capture.day(), capture.ended(), null));
            }
            boolean newest = capture == null || capture.day() == null || !day.isBefore(capture.day());
            withCaptures.add(m.withCapture(newest ? new CatalogueModel.Capture(day, null, version) : capture));
        }
        ops.addAll(timeline.place(fresh, day, snapshots, known));
        int i = 0;
        for (Observation raw : byId.values()) {
            CatalogueModel model = withCaptures.get(i);
            boolean isOlder = older.get(i++);
            if (isOlder) {
                continue;
            }
            for (ModelEvent e : ModelChanges.detect(raw, stored.get(model.id()), model, day, runId)) {
                ops.add(events.operation(e));
                found++;
            }
            ops.add(models.operation(model));
            saved.add(model);
            latest++;
        }
        Bulk.execute(client, ops, "a page of " + described.size() + " models");
        parents.remember(saved);
        settlement.note(runId, day, saved);
        return new Applied(latest, fresh.size(), found);
    }

    /**
     * The attribution version {@code m}'s snapshot names: the one its stored state names while the attribution is the
     * same (no write), else a version of its attribution now, whose write joins {@code ops}.
     */
    private String version(CatalogueModel m, CatalogueModel prev, List<BulkOperation> ops) {
        String known =
                prev == null || prev.capture() == null ? null : prev.capture().version();
        if (known != null && Attribution.sameRules(m.attribution(), prev.attribution())) {
            return known;
        }
        String key = AttributionVersions.key(m.id(), m.attribution());
        ops.add(versions.operation(key, m));
        return key;
    }

    /**
     * At the end of a run: attributes again the run's models whose lineage had an open end when they were written,
     * now that every page of the run is stored ({@link LineageSettlement}). Returns how many changed.
     */
    public int settle(String runId) {
        parentCaches.remove(String.valueOf(runId));
        return settlement.settle(runId);
    }

    /**
     * After a complete crawl of a whole hub that started at {@code crawlStart}: every stored model of the hub
     * not reported since is gone. One {@code removed} event each, keyed on the last day it was seen, so
     * later crawls do not repeat it. Returns how many were found.
     */
    public int recordRemovals(String hub, Instant crawlStart, LocalDate day, String runId) {
        models.refresh();
        int found = 0;
        String after = null;
        while (true) {
            List<CatalogueModel> page = models.seenBefore(hub, crawlStart, after, 1000);
            if (page.isEmpty()) break;
            List<ModelEvent> removals = new ArrayList<>(page.size());
            for (CatalogueModel m : page) {
                LocalDate last = m.asOf() == null
                        ? day
                        : m.asOf().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                String type = ModelChanges.ROUTER.equals(hub) ? ModelEvent.ROUTER_MODEL_REMOVED : ModelEvent.REMOVED;
                removals.add(ModelEvent.of(
                        type,
                        type + ":" + last,
                        m,
                        crawlStart,
                        day,
                        null,
                        null,
                        ModelChanges.licenceId(m),
                        null,
                        runId));
            }
            // a model stays unlisted over many full crawls: its removal is the first crawl that missed it, so a
            // later crawl must not rewrite that event with its own day (and run)
            java.util.Set<String> stored =
                    events.existing(removals.stream().map(ModelEvent::id).toList());
            List<BulkOperation> ops = new ArrayList<>(removals.stream()
                    .filter(e -> !stored.contains(e.id()))
                    .map(events::operation)
                    .toList());
            // a removed model stops counting from the day it was seen removed
            cube.touched(day);
            ops.addAll(timeline.end(page.stream().map(CatalogueModel::id).toList(), day));
            for (CatalogueModel m : page) {
                if (m.capture() != null
                        && m.capture().day() != null
                        && m.capture().ended() == null) {
                    ops.add(models.captureEnded(m, day)); // the next crawl that sees it again knows without a search
                }
            }
            Bulk.execute(client, ops, "removal events");
            found += page.size();
            after = page.get(page.size() - 1).id();
        }
        return found;
    }

    /**
     * After a complete crawl of {@code today}: deletes the monthly snapshot indices past the retention
     * ({@link SnapshotPolicy#retentionMonths()}); returns their names (none when snapshots are kept forever).
     */
    public List<String> applyRetention(LocalDate today) {
        return cadence.keptFrom(today).map(snapshots::deleteMonthsBefore).orElse(List.of());
    }

    /** Makes the writes of the batches applied so far visible to searches (end of a run, tests). */
    public void refresh() {
        models.refresh();
        versions.refresh();
        snapshots.refresh();
        events.refresh();
        cube.update();
    }

    public long snapshotCount() {
        return snapshots.count();
    }

    public long eventCount() {
        return events.count(null);
    }

    public long eventCount(String type) {
        return events.count(type);
    }

    /** Events of one type and/or model (null: any), newest first. */
    public List<ModelEvent> events(String type, String modelId, int size) {
        return events.search(type, modelId, size);
    }

    /** The events a run (crawl or recording import) wrote, e.g. to evaluate alert rules after it. */
    public List<ModelEvent> eventsOfRun(String runId, int size) {
        events.refresh();
        return events.ofRun(runId, size);
    }

    /** One model's snapshots, oldest day first. */
    public List<ModelSnapshot> snapshots(String modelId, int size) {
        return snapshots.ofModel(modelId, size);
    }

    /** Events of one type of many models in one round trip, newest first, at most {@code perModel} each. */
    public java.util.Map<String, List<ModelEvent>> eventsOfModels(
            String type, java.util.Collection<String> modelIds, int perModel) {
        return events.ofModels(type, modelIds, perModel);
    }

    /**
     * For each model, its newest snapshot with 30-day downloads as of the given day under the as-of rule (within
     * the freshness window ending that day); one round trip per distinct day. Models without one are left out.
     */
    public java.util.Map<String, ModelSnapshot> latestWithDownloads(java.util.Map<String, LocalDate> onOrBefore) {
        return snapshots.latestWithDownloads(onOrBefore);
    }

    public Optional<ModelSnapshot> snapshot(String modelId, LocalDate day) {
        return snapshots.get(modelId, day);
    }

    /** The attribution a snapshot stands under now (its version's), if its version is stored. */
    public Optional<Attribution> attributionOf(ModelSnapshot snapshot) {
        return snapshot.version() == null
                ? Optional.empty()
                : Optional.ofNullable(
                                versions.getAll(List.of(snapshot.version())).get(snapshot.version()))
                        .map(AttributionVersions.Version::attribution);
    }
}
