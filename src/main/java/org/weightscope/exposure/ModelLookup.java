package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.weightscope.catalogue.Attribution;

/**
 * The exposure report's view of the catalogue. Kept narrow so the catalogue (Elasticsearch) can back it later
 * and tests can back it with {@link #of(Collection)}.
 */
public interface ModelLookup {

    /** The model with this repo id on this hub; Hugging Face ids compare case-insensitively (the hub does). */
    Optional<ResolvedModel> byId(String hub, String id);

    /**
     * Models on any hub whose name matches {@code name} case-insensitively: the repo name without namespace and,
     * for Ollama, without the ":tag" (so "gemma3" finds gemma3:1b and gemma3:4b). Most-downloaded first.
     */
    List<ResolvedModel> search(String name, int max);

    /**
     * Most-downloaded models with this hardware class, at least one of these sectors, and no lineage credit to
     * {@code excludeOrigin} nor to "unattributed" (an alternative of unknown origin would not reduce exposure).
     */
    List<ResolvedModel> alternatives(String hardwareClass, List<String> sectors, String excludeOrigin, int max);

    /**
     * {@link #byId} for many ids of one hub; a catalogue-backed lookup answers in a few store round trips.
     * Keys are the given ids in lower case (ids compare case-insensitively); ids not found are left out.
     */
    default Map<String, ResolvedModel> byIds(String hub, Collection<String> ids) {
        Map<String, ResolvedModel> found = new HashMap<>();
        for (String id : ids) {
            String k = id.toLowerCase(Locale.ROOT);
            if (!found.containsKey(k)) byId(hub, id).ifPresent(m -> found.put(k, m));
        }
        return found;
    }

    /** {@link #search} for many names; keys are the given names. */
    default Map<String, List<ResolvedModel>> searchAll(Collection<String> names, int max) {
        Map<String, List<ResolvedModel>> found = new HashMap<>();
        for (String name : names) found.computeIfAbsent(name, n -> search(n, max));
        return found;
    }

    /** In-memory lookup over a fixed list: tests, and the reference for what a catalogue-backed one must do. */
    static ModelLookup of(Collection<ResolvedModel> models) {
        Map<String, ResolvedModel> byKey = new HashMap<>();
        for (ResolvedModel m : models) byKey.putIfAbsent(key(m.hub(), m.id()), m);
        List<ResolvedModel> ranked = new ArrayList<>(models);
        ranked.sort(Comparator.comparing((ResolvedModel m) -> m.downloads30d() == null ? -1L : m.downloads30d())
                .reversed()
                .thenComparing(ResolvedModel::key));
        return new ModelLookup() {
            @Override
            public Optional<ResolvedModel> byId(String hub, String id) {
                if (hub == null || id == null) return Optional.empty();
                return Optional.ofNullable(byKey.get(key(hub, id)));
            }

            @Override
            public List<ResolvedModel> search(String name, int max) {
                if (name == null || name.isBlank()) return List.of();
                return ranked.stream()
                        .filter(m -> new ModelRef(m.hub(), m.id()).name().equalsIgnoreCase(name.strip()))
                        .limit(max)
                        .toList();
            }

            @Override
            public List<ResolvedModel> alternatives(
                    String hardwareClass, List<String> sectors, String excludeOrigin, int max) {
                return ranked.stream()
                        .filter(m -> m.hardwareClass().equals(hardwareClass))
                        .filter(m -> m.sectors().stream().anyMatch(sectors::contains))
                        .filter(m ->
                                m.lineageShare(excludeOrigin) == 0 && m.lineageShare(Attribution.UNATTRIBUTED) == 0)
                        .limit(max)
                        .toList();
            }
        };
    }

    /** HF (and ModelScope, which mirrors HF naming) ids are case-insensitive; OpenRouter slugs and Ollama names are lower-case anyway. */
    private static String key(String hub, String id) {
        return hub.toLowerCase(Locale.ROOT) + '\u0000' + id.toLowerCase(Locale.ROOT);
    }
}
