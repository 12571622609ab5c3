package org.weightscope.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds models already in the catalogue, so lineage can be walked up to its roots. */
@FunctionalInterface
public interface ParentLookup {

    Optional<ModelFacts> find(String hub, String repoId);

    /**
     * Catalogue models of {@code hub} whose repo name (the part after the namespace) equals {@code name},
     * case-insensitive: how an untraced repackaging is matched to its developer's model. Empty by default.
     */
    default List<ModelFacts> named(String hub, String name) {
        return List.of();
    }

    /** A lookup that knows nothing: every parent is reported missing and treated as a root. */
    static ParentLookup none() {
        return (hub, repoId) -> Optional.empty();
    }

    /** In-memory lookup over a collection; ids compare case-insensitively because HF ids do. */
    static ParentLookup of(Collection<ModelFacts> models) {
        Map<String, ModelFacts> byKey = new HashMap<>(models.size() * 2);
        Map<String, List<ModelFacts>> byName = new HashMap<>(models.size() * 2);
        for (ModelFacts m : models) {
            if (byKey.putIfAbsent(key(m.hub(), m.repoId()), m) == null) {
                byName.computeIfAbsent(key(m.hub(), m.name()), k -> new ArrayList<>())
                        .add(m);
            }
        }
        return new ParentLookup() {
            @Override
            public Optional<ModelFacts> find(String hub, String repoId) {
                return Optional.ofNullable(byKey.get(key(hub, repoId)));
            }

            @Override
            public List<ModelFacts> named(String hub, String name) {
                return byName.getOrDefault(key(hub, name), List.of());
            }
        };
    }

    private static String key(String hub, String repoId) {
        return hub.toLowerCase(Locale.ROOT) + '\u0000' + repoId.toLowerCase(Locale.ROOT);
    }
}
