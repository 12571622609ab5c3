package org.weightscope.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Makes a run's result independent of the order its pages came in (a resumed run and an uninterrupted one end
 * alike): a model written while one of its parents was not stored yet is attributed again at the end of the run, once
 * that parent is stored. Only those: other lineage issues (several roots, a cycle, the depth limit) and parents still
 * missing at the end (a base deleted from the hub) do not depend on the order, so their models are not attributed
 * again every day. The snapshots of the run's day name the new attribution, and the cube's days from it are rebuilt.
 */
@Component
class LineageSettlement {

    private static final String MISSING_PARENT = "missing-parent:";

    private final CatalogueService catalogue;
    private final ModelsIndex models;
    private final SnapshotsIndex snapshots;
    private final AttributionVersions versions;
    private final AdoptionCube cube;

    /** Per run: its day, and each model written with missing parents → those parents' model ids. */
    private record Open(LocalDate day, Map<String, Set<String>> parents) {}

    private final Map<String, Open> runs = java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Open> eldest) {
            return size() > 8;
        }
    });

    LineageSettlement(
            CatalogueService catalogue,
            ModelsIndex models,
            SnapshotsIndex snapshots,
            AttributionVersions versions,
            AdoptionCube cube) {
        this.versions = versions;
        this.catalogue = catalogue;
        this.models = models;
        this.snapshots = snapshots;
        this.cube = cube;
    }

    /** Notes the models of a page just written on {@code day} whose lineage has a missing parent. */
    void note(String runId, LocalDate day, List<CatalogueModel> saved) {
        Open open = runs.computeIfAbsent(String.valueOf(runId), r -> new Open(day, new ConcurrentHashMap<>()));
        for (CatalogueModel m : saved) {
            Set<String> missing = missingParents(m);
            if (!missing.isEmpty()) open.parents().put(m.id(), missing);
        }
    }

    /** Attributes again the run's models one of whose missing parents is stored now; returns how many changed. */
    int settle(String runId) {
        Open open = runs.remove(String.valueOf(runId));
        if (open == null || open.parents().isEmpty()) {
            return 0;
        }
        Set<String> wanted = new HashSet<>();
        open.parents().values().forEach(wanted::addAll);
        Set<String> nowStored = models.existing(wanted);
        List<String> ids = open.parents().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(nowStored::contains))
                .map(Map.Entry::getKey)
                .toList();
        if (ids.isEmpty()) {
            return 0;
        }
        models.refresh();
        List<CatalogueModel> current = models.getAll(ids).values().stream()
                .filter(m -> m.facts() != null)
                .toList();
        List<CatalogueModel> described = catalogue.describe(
                current.stream().map(CatalogueService.Observation::of).toList());
        List<CatalogueModel> changed = new ArrayList<>();
        List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> ops = new ArrayList<>();
        for (int i = 0; i < described.size(); i++) {
            CatalogueModel.Capture c = current.get(i).capture();
            if (Objects.equals(described.get(i).attribution(), current.get(i).attribution())) {
                continue;
            }
            // a version of the settled attribution; the run's day's snapshot names it (earlier ones keep theirs)
            String key = AttributionVersions.key(
                    described.get(i).id(), described.get(i).attribution());
            CatalogueModel again = described
                    .get(i)
                    .withCapture(
                            new CatalogueModel.Capture(c == null ? null : c.day(), c == null ? null : c.ended(), key));
            ops.add(versions.operation(key, again));
            if (c != null && open.day().equals(c.day())) {
                ops.add(snapshots.naming(again.id(), open.day(), key));
            }
            changed.add(again);
        }
        if (!changed.isEmpty()) {
            cube.touched(open.day()); // the cube's days from the run's day are built again
            versions.bulk(ops);
        }
        catalogue.save(changed);
        return changed.size();
    }

    private static Set<String> missingParents(CatalogueModel m) {
        if (m.attribution() == null || m.attribution().lineage() == null) return Set.of();
        Set<String> out = new HashSet<>();
        for (String issue : m.attribution().lineage().issues()) {
            if (issue.startsWith(MISSING_PARENT)) {
                out.add(CatalogueModel.idPrefix(m.hub()) + ":" + issue.substring(MISSING_PARENT.length()));
            }
        }
        return out;
    }
}
