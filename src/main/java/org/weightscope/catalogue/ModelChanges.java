package org.weightscope.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.weightscope.catalogue.CatalogueService.Observation;

/**
 * What changed between an observation and the stored state of a model: the events it makes (release, licence,
 * gating and price changes) and the observation completed with what it lacks from the stored state.
 */
final class ModelChanges {

    private ModelChanges() {}

    static final String ROUTER = "openrouter";
    /** cardData key of OpenRouter prices: {@code {prompt, completion}} as plain decimal strings (USD per token). */
    public static final String PRICING = "pricing";

    /** "prompt=0.00000026 completion=0.00000038" (USD per token; "none" where not a fixed price). */
    static String priceText(Map<?, ?> pricing) {
        return "prompt=" + (pricing.get("prompt") == null ? "none" : pricing.get("prompt")) + " completion="
                + (pricing.get("completion") == null ? "none" : pricing.get("completion"));
    }

    /** The events an observation makes against the stored state (nothing stored: a release). */
    static List<ModelEvent> detect(
            Observation raw, CatalogueModel prev, CatalogueModel model, LocalDate day, String runId) {
        List<ModelEvent> out = new ArrayList<>(1);
        Instant seen = model.asOf();
        if (prev == null) {
            Instant at = model.figures().createdAt() != null ? model.figures().createdAt() : seen;
            // a router listing a model is not a release of weights: it gets its own type
            String type = ROUTER.equals(model.hub()) ? ModelEvent.ROUTER_MODEL_ADDED : ModelEvent.RELEASE;
            out.add(ModelEvent.of(type, type, model, at, day, null, null, null, licenceId(model), runId));
            return out;
        }
        if (ROUTER.equals(model.hub()) && prev.facts() != null) {
            // prices are normalised strings in cardData.pricing (the source strips trailing zeros), so equal maps =
            // same price
            Object before = prev.facts().cardData().get(PRICING);
            Object after = raw.facts().cardData().get(PRICING);
            if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a && !b.equals(a)) {
                out.add(ModelEvent.change(ModelEvent.PRICE_CHANGE, model, day, priceText(b), priceText(a), runId));
            }
        }
        if (hasLicenceInfo(raw.facts()) && prev.facts() != null && hasLicenceInfo(prev.facts())) {
            String before = declaredLicence(prev.facts());
            String after = declaredLicence(raw.facts());
            if (!before.equals(after)) {
                out.add(ModelEvent.of(
                        ModelEvent.LICENCE_CHANGE,
                        ModelEvent.LICENCE_CHANGE + ":" + day,
                        model,
                        seen,
                        day,
                        before,
                        after,
                        licenceId(prev),
                        licenceId(model),
                        runId));
            }
        }
        String gatedBefore = prev.figures().gated();
        String gatedAfter = raw.figures() == null ? null : raw.figures().gated();
        if (gatedBefore != null && gatedAfter != null && !gatedBefore.equals(gatedAfter)) {
            out.add(ModelEvent.change(ModelEvent.GATED_CHANGE, model, day, gatedBefore, gatedAfter, runId));
        }
        return out;
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
            if (tag.startsWith("license:") && tag.length() > 8)
                return tag.substring(8).toLowerCase(java.util.Locale.ROOT);
        }
        return "none";
    }

    /** Whether an observation says anything about licences at all (trending entries carry no tags or card). */
    static boolean hasLicenceInfo(ModelFacts facts) {
        return !facts.tags().isEmpty() || !facts.cardData().isEmpty();
    }

    static String licenceId(CatalogueModel m) {
        return m.attribution() == null || m.attribution().licence() == null
                ? null
                : m.attribution().licence().id();
    }

    /** The observation with what it lacks taken from the stored state. */
    static Observation carryOver(Observation o, CatalogueModel prev) {
        ModelFacts facts = prev.facts() == null ? o.facts() : o.facts().orElse(prev.facts());
        return new Observation(facts, o.figures().orElse(prev.figures()), o.asOf(), o.recorded(), o.source());
    }
}
