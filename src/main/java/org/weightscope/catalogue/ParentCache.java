package org.weightscope.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one run has looked up in the store while attributing its pages, kept for the run (bounded, least recently used
 * out first): parents by id (or that none is stored), and for each repo name looked up, the ids of the models that
 * carry it. {@link #remember} keeps it true to the store: a model the run saves is found by its id and by its name
 * from then on, whether or not the store has made it visible to searches yet. So a run's result does not depend on
 * when the store refreshed between two pages (a search sees a write about a second later; a lookup by id at once).
 */
final class ParentCache {

    private final Map<String, Optional<ModelFacts>> byId;
    /** Name → ids of the models of that name: the store's at the first lookup, and the run's saved since. */
    private final Map<String, Set<String>> byName;
    /** Name → ids of the models of that name the run saved most recently (what a search may not see yet). */
    private final Map<String, Set<String>> savedByName;

    private ParentCache(int limit) {
        this.byId = lru(limit);
        this.byName = lru(limit);
        this.savedByName = lru(limit);
    }

    /** A cache of at most {@code limit} entries of each kind. */
    static ParentCache bounded(int limit) {
        return new ParentCache(limit);
    }

    /** The facts stored under {@code id}, empty when none is; null when not looked up yet. */
    Optional<ModelFacts> byId(String id) {
        return byId.get(id);
    }

    void putId(String id, Optional<ModelFacts> facts) {
        byId.put(id, facts);
    }

    /**
     * The ids of the models named {@code nameKey} ({@code hub:name} in lower case), asking {@code store} the first
     * time; the run's recently saved models of that name are added, since a search may not see them yet.
     */
    Set<String> named(String nameKey, java.util.function.Supplier<Set<String>> store) {
        Set<String> known = byName.get(nameKey);
        if (known != null) {
            return known;
        }
        Set<String> ids = new LinkedHashSet<>(store.get());
        ids.addAll(savedByName.getOrDefault(nameKey, Set.of()));
        Set<String> kept = Collections.unmodifiableSet(ids);
        byName.put(nameKey, kept);
        return kept;
    }

    /** Notes models the run has just saved: lookups by their id and by their name find them from now on. */
    void remember(List<CatalogueModel> saved) {
        for (CatalogueModel m : saved) {
            byId.computeIfPresent(m.id(), (k, v) -> Optional.ofNullable(m.facts()));
            if (m.facts() == null) continue;
            String name = CatalogueService.nameKey(m.facts().hub(), m.facts().name());
            byName.computeIfPresent(name, (k, ids) -> with(ids, m.id()));
            savedByName.merge(name, Set.of(m.id()), (a, b) -> with(a, m.id()));
        }
    }

    private static Set<String> with(Set<String> ids, String id) {
        if (ids.contains(id)) return ids;
        Set<String> out = new LinkedHashSet<>(ids);
        out.add(id);
        return Collections.unmodifiableSet(out);
    }

    private static <V> Map<String, V> lru(int limit) {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > limit;
            }
        });
    }
}
