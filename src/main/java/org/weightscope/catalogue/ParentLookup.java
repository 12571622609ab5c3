package org.weightscope.catalogue;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds models already in the catalogue, so lineage can be walked up to its roots. */
@FunctionalInterface
public interface ParentLookup {

    Optional<ModelFacts> find(String hub, String repoId);

    /** A lookup that knows nothing: every parent is reported missing and treated as a root. */
    static ParentLookup none() {
        return (hub, repoId) -> Optional.empty();
    }

    /** In-memory lookup over a collection; ids compare case-insensitively because HF ids do. */
    static ParentLookup of(Collection<ModelFacts> models) {
        Map<String, ModelFacts> byKey = new HashMap<>(models.size() * 2);
        for (ModelFacts m : models) byKey.putIfAbsent(key(m.hub(), m.repoId()), m);
        return (hub, repoId) -> Optional.ofNullable(byKey.get(key(hub, repoId)));
    }

    private static String key(String hub, String repoId) {
        return hub.toLowerCase(Locale.ROOT) + '\u0000' + repoId.toLowerCase(Locale.ROOT);
    }
}
