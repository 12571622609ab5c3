package org.weightscope.exposure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.CatalogueHistory;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.ModelEvent;
import org.weightscope.catalogue.ModelSearch;
import org.weightscope.catalogue.ModelSnapshot;

/** Resolves inventory references against the stored catalogue (models index). */
@Component
class CatalogueModelLookup implements ModelLookup {

    private final ModelSearch search;
    private final CatalogueHistory history;

    CatalogueModelLookup(ModelSearch search, CatalogueHistory history) {
        this.search = search;
        this.history = history;
    }

    /** A resolved inventory component, with its licence history and its downloads about a month earlier. */
    @Override
    public Optional<ResolvedModel> byId(String hub, String id) {
        return search.findIgnoreCase(hub, id)
                .filter(m -> m.attribution() != null)
                .map(this::withHistory);
    }

    /** Four store round trips for the whole batch: exact ids, ids ignoring case, licence changes, snapshots. */
    @Override
    public Map<String, ResolvedModel> byIds(String hub, Collection<String> ids) {
        Map<String, CatalogueModel> found = new HashMap<>();
        search.findAllIgnoreCase(hub, ids).forEach((k, m) -> {
            if (m.attribution() != null) found.put(k, m);
        });
        List<String> modelIds =
                found.values().stream().map(CatalogueModel::id).distinct().toList();
        Map<String, List<ModelEvent>> changes = history.eventsOfModels(ModelEvent.LICENCE_CHANGE, modelIds, 20);
        Map<String, LocalDate> targets = new HashMap<>();
        for (CatalogueModel m : found.values()) {
            if (m.asOf() != null)
                targets.put(
                        m.id(), m.asOf().atZone(ZoneOffset.UTC).toLocalDate().minusDays(30));
        }
        Map<String, ModelSnapshot> monthAgo = history.latestWithDownloads(targets);
        Map<String, ResolvedModel> out = new HashMap<>();
        found.forEach((k, m) -> {
            ModelSnapshot s = monthAgo.get(m.id());
            out.put(
                    k,
                    resolved(m)
                            .withHistory(
                                    changeLines(changes.getOrDefault(m.id(), List.of())),
                                    s == null ? null : s.downloads30d()));
        });
        return out;
    }

    @Override
    public Map<String, List<ResolvedModel>> searchAll(Collection<String> names, int max) {
        Map<String, List<ResolvedModel>> out = new HashMap<>();
        search.byNames(names, max)
                .forEach((name, models) -> out.put(
                        name,
                        models.stream()
                                .filter(m -> m.attribution() != null)
                                .map(CatalogueModelLookup::resolved)
                                .toList()));
        return out;
    }

    private static List<String> changeLines(List<ModelEvent> events) {
        return events.stream()
                .map(e -> e.day() + ": " + (e.oldValue() == null ? "none" : e.oldValue()) + " → "
                        + (e.newValue() == null ? "none" : e.newValue()))
                .toList();
    }

    private ResolvedModel withHistory(CatalogueModel m) {
        List<String> changes = history.events(ModelEvent.LICENCE_CHANGE, m.id(), 20).stream()
                .map(e -> e.day() + ": " + (e.oldValue() == null ? "none" : e.oldValue()) + " → "
                        + (e.newValue() == null ? "none" : e.newValue()))
                .toList();
        Long monthAgo = null;
        if (m.asOf() != null) {
            // as of 30 days before the model's figures, under the as-of rule (a capture in that day's window)
            LocalDate target = m.asOf().atZone(ZoneOffset.UTC).toLocalDate().minusDays(30);
            ModelSnapshot s =
                    history.latestWithDownloads(Map.of(m.id(), target)).get(m.id());
            monthAgo = s == null ? null : s.downloads30d();
        }
        return resolved(m).withHistory(changes, monthAgo);
    }

    @Override
    public List<ResolvedModel> search(String name, int max) {
        return search.byName(name, max).stream()
                .filter(m -> m.attribution() != null)
                .map(CatalogueModelLookup::resolved)
                .toList();
    }

    @Override
    public List<ResolvedModel> alternatives(String hardwareClass, List<String> sectors, String excludeOrigin, int max) {
        return search.alternatives(hardwareClass, sectors, excludeOrigin, max).stream()
                .filter(m -> m.attribution() != null)
                .map(CatalogueModelLookup::resolved)
                .toList();
    }

    private static ResolvedModel resolved(CatalogueModel m) {
        return ResolvedModel.of(
                m.hub(), m.repoId(), m.attribution(), m.figures().downloads30d());
    }
}
