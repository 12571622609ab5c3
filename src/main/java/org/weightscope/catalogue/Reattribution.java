package org.weightscope.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Re-applies the attribution rules to the stored catalogue after a registry or rule edit, from the facts
 * stored with each model: no crawl needed. Used by the {@code --reapply-attribution} command and the admin
 * action.
 */
@Service
public class Reattribution {

    private static final Logger log = LoggerFactory.getLogger(Reattribution.class);
    private static final int PAGE = 500;

    private final ModelsIndex models;
    private final CatalogueService catalogue;
    private final AttributionRules rules;
    private final SnapshotsIndex snapshots;
    private final AdoptionCube cube;

    Reattribution(
            ModelsIndex models,
            CatalogueService catalogue,
            AttributionRules rules,
            SnapshotsIndex snapshots,
            AdoptionCube cube) {
        this.models = models;
        this.cube = cube;
        this.snapshots = snapshots;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /** What a re-application did. */
    public record Result(String ruleVersion, long models, long changed) {}

    /** Reloads the rule files, then recomputes and stores every model's attribution. */
    public Result reapply() {
        rules.reload();
        AtomicLong seen = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        // page by page (search_after on id): saving a page does not move the cursor, and memory stays flat
        models.forEachPage(PAGE, page -> {
            List<CatalogueService.Observation> batch = page.stream()
                    .filter(m -> m.facts() != null)
                    .map(m -> CatalogueService.Observation.of(m))
                    .toList();
            List<CatalogueModel> described = catalogue.describe(batch);
            List<CatalogueModel> stored =
                    page.stream().filter(m -> m.facts() != null).toList();
            List<CatalogueModel> updated = new java.util.ArrayList<>(described.size());
            for (int i = 0; i < described.size(); i++) {
                updated.add(described.get(i).withCapture(stored.get(i).capture()));
            }
            for (int i = 0; i < updated.size(); i++) {
                if (!Objects.equals(
                        withoutVersion(updated.get(i).attribution()),
                        withoutVersion(stored.get(i).attribution()))) {
                    changed.incrementAndGet();
                }
            }
            catalogue.save(updated);
            // what each model's attribution was derived from until now: a snapshot that agrees takes the new one as is
            Map<String, DayFacts> known = new HashMap<>();
            stored.forEach(m -> known.put(m.id(), DayFacts.of(m.attribution())));
            Map<String, CatalogueModel> after = new HashMap<>();
            updated.forEach(m -> after.put(m.id(), m));
            Map<List<Object>, Attribution> underOtherFacts = new HashMap<>();
            snapshots.reattribute(after.keySet(), null, snap -> {
                CatalogueModel now = after.get(snap.modelId());
                DayFacts then = snap.facts();
                if (then == null || then.agreesWith(known.get(snap.modelId()))) {
                    return now.attribution();
                }
                // taken before its licence or bases changed: attributed from the facts as they were on its day
                return underOtherFacts.computeIfAbsent(List.of(now.id(), then), k -> attributedUnder(now, then));
            });
            seen.addAndGet(updated.size());
        });
        snapshots.refresh();
        int days = cube.rebuild();
        Result result = new Result(rules.version(), seen.get(), changed.get());
        log.info("Adoption cube rebuilt under {}: {} days", rules.version(), days);
        log.info(
                "Re-applied attribution {}: {} models, {} changed",
                result.ruleVersion(),
                result.models(),
                result.changed());
        return result;
    }

    private Attribution attributedUnder(CatalogueModel model, DayFacts then) {
        CatalogueService.Observation o = new CatalogueService.Observation(
                then.applyTo(model.facts()), model.figures(), model.asOf(), model.recorded(), model.source());
        return catalogue.describe(List.of(o)).get(0).attribution();
    }

    private static Attribution withoutVersion(Attribution a) {
        return a == null ? null : a.withRuleVersion("");
    }
}
