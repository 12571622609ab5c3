package org.weightscope.exposure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the catalogue model an inventory row means. Only an exact id match (or a rule written down here)
 * resolves: a namespaced id that is not in the catalogue stays {@code unknown} even when a same-named model
 * exists elsewhere, because guessing would attribute the enterprise's model to someone else's origin.
 */
final class Resolver {

    static final String RESOLVED = "resolved";
    static final String AMBIGUOUS = "ambiguous";
    static final String UNKNOWN = "unknown";
    private static final int MAX_CANDIDATES = 10;

    /**
     * @param model      the model when resolved, else null
     * @param candidates "hub:id" of the models that could be meant (ambiguous), or same-named suggestions (unknown)
     * @param notes      how the match was made when it was not an exact id match
     */
    record Resolution(String status, ResolvedModel model, List<String> candidates, List<String> notes) {
        static Resolution resolved(ResolvedModel m, String note) {
            return new Resolution(RESOLVED, m, List.of(), note == null ? List.of() : List.of(note));
        }
    }

    private final ModelLookup lookup;

    Resolver(ModelLookup lookup) {
        this.lookup = lookup;
    }

    /** References resolved per store round trip (each step of {@link #resolveAll} is one batch call). */
    static final int BATCH = 500;

    Resolution resolve(ModelRef ref) {
        return resolveAll(List.of(ref)).getFirst();
    }

    /**
     * Resolves many references in batches of {@link #BATCH}: per batch one lookup of the exact ids per hub,
     * one of the fallback ids (Ollama library models of tags, Hugging Face repos of OpenRouter/ModelScope ids)
     * and one name search for the rest — a few store round trips instead of several per row. Answers are in
     * the order of {@code refs} and the same as resolving each alone; a reference repeated is resolved once.
     */
    List<Resolution> resolveAll(List<ModelRef> refs) {
        // an inventory names the same model on many rows (one per business unit): each is resolved once
        List<ModelRef> distinct = new ArrayList<>(new LinkedHashSet<>(refs));
        Map<ModelRef, Resolution> byRef = new HashMap<>(distinct.size() * 2);
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<ModelRef> part = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            List<Resolution> resolved = batch(part);
            for (int i = 0; i < part.size(); i++) byRef.put(part.get(i), resolved.get(i));
        }
        List<Resolution> out = new ArrayList<>(refs.size());
        for (ModelRef ref : refs) out.add(byRef.get(ref));
        return out;
    }

    private List<Resolution> batch(List<ModelRef> refs) {
        Map<String, Map<String, ResolvedModel>> exact =
                lookupByHub(refs, r -> r.hub() == null ? null : r.id(), ModelRef::hub);
        List<ModelRef> misses = refs.stream()
                .filter(r -> r.hub() == null || !exact.get(r.hub()).containsKey(key(r.id())))
                .toList();
        Map<String, Map<String, ResolvedModel>> fallback =
                lookupByHub(misses, Resolver::fallbackId, Resolver::fallbackHub);
        List<String> names = new ArrayList<>();
        for (ModelRef r : misses) {
            String f = fallbackId(r);
            if (f == null || !fallback.get(fallbackHub(r)).containsKey(key(f))) names.add(r.name());
        }
        Map<String, List<ResolvedModel>> named =
                names.isEmpty() ? Map.of() : lookup.searchAll(new LinkedHashSet<>(names), MAX_CANDIDATES);
        List<Resolution> out = new ArrayList<>(refs.size());
        for (ModelRef ref : refs) {
            out.add(resolve(ref, exact, fallback, named));
        }
        return out;
    }

    private Resolution resolve(
            ModelRef ref,
            Map<String, Map<String, ResolvedModel>> exact,
            Map<String, Map<String, ResolvedModel>> fallback,
            Map<String, List<ResolvedModel>> byName) {
        if (ref.hub() != null) {
            ResolvedModel m = exact.get(ref.hub()).get(key(ref.id()));
            if (m != null) return Resolution.resolved(m, null);
            String f = fallbackId(ref);
            ResolvedModel fm = f == null ? null : fallback.get(fallbackHub(ref)).get(key(f));
            if (fm != null) {
                // Ollama tags (gemma3:4b) are size/quantisation variants of one library model: same maker, same
                // licence.
                // OpenRouter slugs and ModelScope ids of open-weight models reuse the HF repo id (case aside).
                return Resolution.resolved(
                        fm,
                        ModelRef.OLLAMA.equals(ref.hub())
                                ? "tag not in the catalogue; matched the Ollama model " + f
                                : "not in the " + ref.hub() + " catalogue; matched the Hugging Face repo " + fm.id());
            }
        }
        List<ResolvedModel> named = byName.getOrDefault(ref.name(), List.of());
        if (ModelRef.OLLAMA.equals(ref.hub()))
            named = named.stream().filter(m -> ModelRef.OLLAMA.equals(m.hub())).toList();
        List<String> keys = named.stream().map(ResolvedModel::key).toList();
        boolean byNameOnly = ref.hub() == null || ModelRef.OLLAMA.equals(ref.hub());
        if (byNameOnly && named.size() == 1) return Resolution.resolved(named.getFirst(), "matched by name");
        if (byNameOnly && named.size() > 1) {
            return new Resolution(
                    AMBIGUOUS,
                    null,
                    keys,
                    List.of(named.size() + " catalogue models match the name " + ref.name()
                            + "; name the exact one (e.g. " + keys.getFirst() + ")"));
        }
        String note = keys.isEmpty()
                ? "not in the catalogue"
                : "not in the catalogue; models with the same name: " + String.join(", ", keys);
        return new Resolution(UNKNOWN, null, keys, List.of(note));
    }

    /** The id tried when the exact one is not in the catalogue, or null: see {@link #fallbackHub}. */
    private static String fallbackId(ModelRef ref) {
        if (ref.hub() == null) return null;
        if (ModelRef.OLLAMA.equals(ref.hub()) && ref.id().contains(":"))
            return ref.id().substring(0, ref.id().indexOf(':'));
        if (ModelRef.OPENROUTER.equals(ref.hub()) || ModelRef.MODELSCOPE.equals(ref.hub())) return ref.id();
        return null;
    }

    private static String fallbackHub(ModelRef ref) {
        return ModelRef.OLLAMA.equals(ref.hub()) ? ModelRef.OLLAMA : ModelRef.HUGGINGFACE;
    }

    /** One batch lookup per hub of the ids {@code id} gives (null: none); every hub asked for has an entry. */
    private Map<String, Map<String, ResolvedModel>> lookupByHub(
            List<ModelRef> refs, Function<ModelRef, String> id, Function<ModelRef, String> hub) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (ModelRef r : refs) {
            String i = id.apply(r);
            if (i != null)
                ids.computeIfAbsent(hub.apply(r), h -> new LinkedHashSet<>()).add(i);
        }
        Map<String, Map<String, ResolvedModel>> out = new HashMap<>();
        for (ModelRef r : refs) {
            if (r.hub() != null) out.putIfAbsent(r.hub(), new HashMap<>());
        }
        out.putIfAbsent(ModelRef.OLLAMA, new HashMap<>());
        out.putIfAbsent(ModelRef.HUGGINGFACE, new HashMap<>());
        ids.forEach((h, set) -> out.put(h, new HashMap<>(lookup.byIds(h, set))));
        return out;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
