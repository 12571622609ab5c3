package org.weightscope.exposure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.weightscope.catalogue.Attribution;
import org.weightscope.catalogue.Attribution.OriginShare;
import org.weightscope.catalogue.Attributor;
import org.weightscope.exposure.ExposureReport.Alternative;
import org.weightscope.exposure.ExposureReport.Component;
import org.weightscope.exposure.ExposureReport.Trend;

/** Pure computation of an {@link ExposureReport} from a parsed inventory and a catalogue lookup. */
final class ReportCalculator {

    static final String METHODOLOGY = """
            Each inventory row is matched to the catalogue by hub and repo id (Hugging Face ids case-insensitively); \
            Ollama tags fall back to their library model, OpenRouter/ModelScope ids to the Hugging Face repo of the same id, \
            and bare names resolve only if exactly one catalogue model has that name (several: ambiguous). Rows naming the \
            same model for the same business unit are merged and their weights summed. Rows without a weight count 1. \
            Origin has two views: uploader (the countries of the organisation owning the repo namespace, split evenly) and \
            lineage (the countries of the organisations of the lineage roots; a merge of n roots gives each 1/n, and an \
            organisation in several countries splits its credit evenly). Countries come only from the organisation registry; \
            no registry entry means "unattributed". Exposure per origin is given as a fractional component count and as \
            usage weight × share; unknown and ambiguous components form the bucket "unresolved". Concentration is the \
            Herfindahl-Hirschman index, HHI = sum of squared weighted shares × 10,000 (10,000 = a single source), over \
            developer organisations (a component's weight split evenly across its developer organisations) and over \
            countries, leaving out unresolved and unattributed weight (coverage gives the fraction covered). Licence flags: \
            non-commercial (non-commercial class), use-restrictions (open-weights-restricted class), changed-terms (a \
            licence change was seen), unknown-licence (unknown class, or the component is unresolved). Alternatives for \
            components with lineage credit to the chosen origin are the most-downloaded catalogue models with the same \
            hardware class, at least one shared sector (other than \"other\") and no lineage credit to that origin or to unattributed. Trend \
            compares 30-day downloads with those a month earlier; a change beyond the threshold is rising/falling.""";

    private static final String OTHER_SECTOR = "other";

    private final ExposureSettings settings;
    private final Clock clock;

    ReportCalculator(ExposureSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    ExposureReport compute(Inventory inventory, ModelLookup lookup, String chosenOrigin) {
        return compute(inventory, lookup, chosenOrigin, Attributor.RULE_VERSION);
    }

    /** @param ruleVersion the attribution rule version to cite (the fingerprinted one in the app) */
    ExposureReport compute(Inventory inventory, ModelLookup lookup, String chosenOrigin, String ruleVersion) {
        String chosen = chosenOrigin == null || chosenOrigin.isBlank()
                ? null
                : chosenOrigin.strip().toUpperCase(Locale.ROOT);
        ModelLookup cached = new AlternativesCache(lookup);
        List<Resolver.Resolution> resolutions = new Resolver(lookup)
                .resolveAll(inventory.items().stream().map(InventoryItem::ref).toList());
        List<Component> components = new ArrayList<>(inventory.items().size());
        for (int i = 0; i < inventory.items().size(); i++) {
            components.add(component(inventory.items().get(i), resolutions.get(i), cached, chosen));
        }
        return new ExposureReport(
                clock.instant(),
                ruleVersion,
                METHODOLOGY,
                inventory.format(),
                chosen,
                components,
                ReportSummary.of(components),
                inventory.problems());
    }

    private Component component(InventoryItem item, Resolver.Resolution res, ModelLookup lookup, String chosen) {
        List<String> notes = new ArrayList<>(res.notes());
        if (item.modelCard() != null) notes.add(item.modelCard().summary());
        ResolvedModel m = res.model();
        if (m == null) return Component.of(item, res, notes);
        List<Alternative> alternatives = List.of();
        if (chosen != null && m.lineageShare(chosen) > 0) {
            if ("unknown".equals(m.hardwareClass())) {
                notes.add("no alternatives suggested: hardware class unknown");
            } else if (matchableSectors(m).isEmpty()) {
                notes.add("no alternatives suggested: no sector known");
            } else {
                alternatives = alternatives(m, lookup, chosen);
                if (alternatives.isEmpty())
                    notes.add("no alternative of another origin with the same hardware class and sector");
            }
        }
        return Component.of(item, res, notes).with(m, flags(m), trend(m), alternatives);
    }

    private List<Alternative> alternatives(ResolvedModel m, ModelLookup lookup, String chosen) {
        int max = settings.maxAlternatives();
        // one extra in case the model itself is among them; re-check the origin rule so a lax lookup cannot leak
        return lookup.alternatives(m.hardwareClass(), matchableSectors(m), chosen, max + 1).stream()
                .filter(a -> !a.key().equalsIgnoreCase(m.key()))
                .filter(a -> a.lineageShare(chosen) == 0 && a.lineageShare(Attribution.UNATTRIBUTED) == 0)
                .limit(max)
                .map(a -> new Alternative(
                        a.hub(),
                        a.id(),
                        a.lineageOrigin().stream().map(OriginShare::country).toList(),
                        a.licence().id(),
                        a.licence().effectiveClass(),
                        a.downloads30d()))
                .toList();
    }

    /** Alternatives depend only on hardware class, sectors and origin: asked once per combination and report. */
    private static final class AlternativesCache implements ModelLookup {
        private final ModelLookup lookup;
        private final Map<List<Object>, List<ResolvedModel>> answers = new java.util.HashMap<>();

        AlternativesCache(ModelLookup lookup) {
            this.lookup = lookup;
        }

        @Override
        public java.util.Optional<ResolvedModel> byId(String hub, String id) {
            return lookup.byId(hub, id);
        }

        @Override
        public List<ResolvedModel> search(String name, int max) {
            return lookup.search(name, max);
        }

        @Override
        public List<ResolvedModel> alternatives(
                String hardwareClass, List<String> sectors, String excludeOrigin, int max) {
            List<Object> key = List.of(hardwareClass, List.copyOf(sectors), String.valueOf(excludeOrigin), max);
            return answers.computeIfAbsent(key, k -> lookup.alternatives(hardwareClass, sectors, excludeOrigin, max));
        }
    }

    /** "other" means no sector rule matched: two unclassified models are not substitutes for each other. */
    private static List<String> matchableSectors(ResolvedModel m) {
        return m.sectors().stream().filter(s -> !OTHER_SECTOR.equals(s)).toList();
    }

    static List<String> flags(ResolvedModel m) {
        List<String> f = new ArrayList<>(2);
        // the effective class: the most restrictive terms along the lineage bind whoever runs the model
        switch (m.licence().effectiveClass()) {
            case "non-commercial" -> f.add(ExposureReport.FLAG_NON_COMMERCIAL);
            case "open-weights-restricted" -> f.add(ExposureReport.FLAG_USE_RESTRICTIONS);
            case "permissive", "copyleft" -> {}
            default -> f.add(ExposureReport.FLAG_UNKNOWN_LICENCE);
        }
        if (!m.licenceChanges().isEmpty()) f.add(ExposureReport.FLAG_CHANGED_TERMS);
        return f;
    }

    private Trend trend(ResolvedModel m) {
        Long now = m.downloads30d();
        Long ago = m.downloads30dMonthAgo();
        if (now == null || ago == null) return new Trend("unknown", now, ago, null);
        if (ago == 0) return new Trend(now > 0 ? "rising" : "stable", now, ago, null);
        double change = (now - ago) / (double) ago;
        double t = settings.trendThreshold();
        String dir = change > t ? "rising" : change < -t ? "falling" : "stable";
        return new Trend(dir, now, ago, change);
    }

    // ---- summary ----
}
