package org.weightscope.exposure;

import java.util.List;
import java.util.Optional;

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

    Resolution resolve(ModelRef ref) {
        if (ref.hub() != null) {
            Optional<ResolvedModel> exact = lookup.byId(ref.hub(), ref.id());
            if (exact.isPresent()) return Resolution.resolved(exact.get(), null);
            if (ModelRef.OLLAMA.equals(ref.hub()) && ref.id().contains(":")) {
                // Ollama tags (gemma3:4b) are size/quantisation variants of one library model: same maker, same licence.
                String family = ref.id().substring(0, ref.id().indexOf(':'));
                Optional<ResolvedModel> fam = lookup.byId(ModelRef.OLLAMA, family);
                if (fam.isPresent()) {
                    return Resolution.resolved(fam.get(), "tag not in the catalogue; matched the Ollama model " + family);
                }
            }
            if (ModelRef.OPENROUTER.equals(ref.hub()) || ModelRef.MODELSCOPE.equals(ref.hub())) {
                // OpenRouter slugs and ModelScope ids of open-weight models reuse the HF repo id (case aside).
                Optional<ResolvedModel> hf = lookup.byId(ModelRef.HUGGINGFACE, ref.id());
                if (hf.isPresent()) {
                    return Resolution.resolved(hf.get(), "not in the " + ref.hub() + " catalogue; matched the Hugging Face repo "
                            + hf.get().id());
                }
            }
        }
        List<ResolvedModel> named = lookup.search(ref.name(), MAX_CANDIDATES);
        if (ModelRef.OLLAMA.equals(ref.hub())) named = named.stream().filter(m -> ModelRef.OLLAMA.equals(m.hub())).toList();
        List<String> keys = named.stream().map(ResolvedModel::key).toList();
        boolean byName = ref.hub() == null || ModelRef.OLLAMA.equals(ref.hub());
        if (byName && named.size() == 1) return Resolution.resolved(named.getFirst(), "matched by name");
        if (byName && named.size() > 1) {
            return new Resolution(AMBIGUOUS, null, keys, List.of(named.size() + " catalogue models match the name "
                    + ref.name() + "; name the exact one (e.g. " + keys.getFirst() + ")"));
        }
        String note = keys.isEmpty() ? "not in the catalogue" : "not in the catalogue; models with the same name: " + String.join(", ", keys);
        return new Resolution(UNKNOWN, null, keys, List.of(note));
    }
}
