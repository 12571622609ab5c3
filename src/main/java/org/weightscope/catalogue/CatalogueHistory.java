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

    CatalogueHistory(CatalogueService catalogue, ModelsIndex models, SnapshotsIndex snapshots, EventsIndex events,
            ElasticsearchClient client, SnapshotTimeline timeline, AdoptionCube cube) {
        this.catalogue = catalogue;
        this.cube = cube;
        this.timeline = timeline;
        this.models = models;
        this.snapshots = snapshots;
        this.events = events;
        this.client = client;
    }

    /** Parent lookups per run (lineage of a crawl's pages asks the same parents again and again). */
    private final Map<String, Map<String, Optional<ModelFacts>>> parentCaches =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Optional<ModelFacts>>> eldest) {
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
            boolean isOlder = prev != null && prev.asOf() != null && o.asOf() != null && o.asOf().isBefore(prev.asOf());
            older.add(isOlder);
            merged.add(isOlder || prev == null ? o : carryOver(o, prev));
        });
        Map<String, Optional<ModelFacts>> parents = parentCaches.computeIfAbsent(String.valueOf(runId),
                r -> CatalogueService.parentCache(50_000));
        List<CatalogueModel> described = catalogue.describe(merged, parents);
        List<CatalogueModel> saved = new ArrayList<>(described.size());
        List<BulkOperation> ops = new ArrayList<>(described.size() * 2 + 8);
        int latest = 0;
        int found = 0;
        cube.touched(day); // the cube's days this page changes stop counting as built until refresh() rebuilds them
        ops.addAll(timeline.place(described.stream().map(m -> ModelSnapshot.of(m, day)).toList(), day, snapshots));
        int i = 0;
        for (Observation raw : byId.values()) {
            CatalogueModel model = described.get(i);
            boolean isOlder = older.get(i++);
            if (isOlder) {
                continue;
            }
            for (ModelEvent e : detect(raw, stored.get(model.id()), model, day, runId)) {
                ops.add(events.operation(e));
                found++;
            }
            ops.add(models.operation(model));
            saved.add(model);
            latest++;
        }
        Bulk.execute(client, ops, "a page of " + described.size() + " models");
        CatalogueService.rememberStored(parents, saved);
        return new Applied(latest, described.size(), found);
    }

    static final String ROUTER = "openrouter";
    /** cardData key of OpenRouter prices: {@code {prompt, completion}} as plain decimal strings (USD per token). */
    public static final String PRICING = "pricing";

    /** "prompt=0.00000026 completion=0.00000038" (USD per token; "none" where not a fixed price). */
    static String priceText(Map<?, ?> pricing) {
        return "prompt=" + (pricing.get("prompt") == null ? "none" : pricing.get("prompt"))
                + " completion=" + (pricing.get("completion") == null ? "none" : pricing.get("completion"));
    }

    /** The events an observation makes against the stored state (nothing stored: a release). */
    static List<ModelEvent> detect(Observation raw, CatalogueModel prev, CatalogueModel model, LocalDate day, String runId) {
        List<ModelEvent> out = new ArrayList<>(1);
        Instant seen = model.asOf();
        if (prev == null) {
            Instant at = model.createdAt() != null ? model.createdAt() : seen;
            // a router listing a model is not a release of weights: it gets its own type
            String type = ROUTER.equals(model.hub()) ? ModelEvent.ROUTER_MODEL_ADDED : ModelEvent.RELEASE;
            out.add(ModelEvent.of(type, type, model, at, day, null, null, null, licenceId(model), runId));
            return out;
        }
        if (ROUTER.equals(model.hub()) && prev.facts() != null) {
            // prices are normalised strings in cardData.pricing (the source strips trailing zeros), so equal maps = same price
            Object before = prev.facts().cardData().get(PRICING);
            Object after = raw.facts().cardData().get(PRICING);
            if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a && !b.equals(a)) {
                out.add(ModelEvent.of(ModelEvent.PRICE_CHANGE, ModelEvent.PRICE_CHANGE + ":" + day, model, seen, day,
                        priceText(b), priceText(a), null, null, runId));
            }
        }
        if (hasLicenceInfo(raw.facts()) && prev.facts() != null && hasLicenceInfo(prev.facts())) {
            String before = declaredLicence(prev.facts());
            String after = declaredLicence(raw.facts());
            if (!before.equals(after)) {
                out.add(ModelEvent.of(ModelEvent.LICENCE_CHANGE, ModelEvent.LICENCE_CHANGE + ":" + day, model, seen, day,
                        before, after, licenceId(prev), licenceId(model), runId));
            }
        }
        String gatedBefore = prev.gated();
        String gatedAfter = raw.figures() == null ? null : raw.figures().gated();
        if (gatedBefore != null && gatedAfter != null && !gatedBefore.equals(gatedAfter)) {
            out.add(ModelEvent.of(ModelEvent.GATED_CHANGE, ModelEvent.GATED_CHANGE + ":" + day, model, seen, day,
                    gatedBefore, gatedAfter, null, null, runId));
        }
        return out;
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
                LocalDate last = m.asOf() == null ? day : m.asOf().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                String type = ROUTER.equals(hub) ? ModelEvent.ROUTER_MODEL_REMOVED : ModelEvent.REMOVED;
                removals.add(ModelEvent.of(type, type + ":" + last, m, crawlStart, day, null, null, licenceId(m), null, runId));
            }
            // a model stays unlisted over many full crawls: its removal is the first crawl that missed it, so a
            // later crawl must not rewrite that event with its own day (and run)
            java.util.Set<String> stored = events.existing(removals.stream().map(ModelEvent::id).toList());
            List<BulkOperation> ops = new ArrayList<>(removals.stream().filter(e -> !stored.contains(e.id()))
                    .map(events::operation).toList());
            // a removed model stops counting from the day it was seen removed
            cube.touched(day);
            ops.addAll(timeline.end(page.stream().map(CatalogueModel::id).toList(), day));
            Bulk.execute(client, ops, "removal events");
            found += page.size();
            after = page.get(page.size() - 1).id();
        }
        return found;
    }

    /** Makes the writes of the batches applied so far visible to searches (end of a run, tests). */
    public void refresh() {
        models.refresh();
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

    public Optional<ModelSnapshot> snapshot(String modelId, LocalDate day) {
        return snapshots.get(modelId, day);
    }

    /**
     * The licence a model declares itself, as the hub wrote it: {@code cardData.license} (first if a list),
     * else the {@code license:} tag, else {@code none}.
     */
    static String declaredLicence(ModelFacts facts) {
        Object card = facts.cardData().get("license");
        if (card instanceof List<?> l && !l.isEmpty()) card = l.get(0);
        if (card instanceof String s && !s.isBlank()) return s.strip().toLowerCase(java.util.Locale.ROOT);
        for (String tag : facts.tags()) {
            if (tag.startsWith("license:") && tag.length() > 8) return tag.substring(8).toLowerCase(java.util.Locale.ROOT);
        }
        return "none";
    }

    /** Whether an observation says anything about licences at all (trending entries carry no tags or card). */
    static boolean hasLicenceInfo(ModelFacts facts) {
        return !facts.tags().isEmpty() || !facts.cardData().isEmpty();
    }

    private static String licenceId(CatalogueModel m) {
        return m.attribution() == null || m.attribution().licence() == null ? null : m.attribution().licence().id();
    }

    /** The observation with what it lacks taken from the stored state. */
    static Observation carryOver(Observation o, CatalogueModel prev) {
        ModelFacts n = o.facts();
        ModelFacts p = prev.facts();
        ModelFacts facts = p == null ? n : new ModelFacts(n.hub(), n.repoId(),
                first(n.author(), p.author()), first(n.pipelineTag(), p.pipelineTag()),
                first(n.libraryName(), p.libraryName()), n.tags().isEmpty() ? p.tags() : n.tags(),
                n.cardData().isEmpty() ? p.cardData() : n.cardData(),
                n.safetensorsParameters().isEmpty() ? p.safetensorsParameters() : n.safetensorsParameters(),
                first(n.totalParameters(), p.totalParameters()), first(n.ggufFileBytes(), p.ggufFileBytes()),
                first(n.cardText(), p.cardText()));
        HubFigures f = o.figures();
        HubFigures figures = new HubFigures(first(f.gated(), prev.gated()), first(f.sha(), prev.sha()),
                first(f.createdAt(), prev.createdAt()), first(f.lastModified(), prev.lastModified()),
                first(f.downloads30d(), prev.downloads30d()), first(f.downloadsAllTime(), prev.downloadsAllTime()),
                first(f.likes(), prev.likes()));
        return new Observation(facts, figures, o.asOf(), o.recorded(), o.source());
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
