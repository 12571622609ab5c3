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
 * stored with each model: no crawl needed. Rewrites the models and those of their attribution versions that change
 * ({@link AttributionVersions}), then rebuilds the cube; the snapshots, which only name a version, are not rewritten.
 * Used by the {@code --reapply-attribution} command and the admin action.
 */
@Service
public class Reattribution {

    private static final Logger log = LoggerFactory.getLogger(Reattribution.class);
    private static final int PAGE = 500;

    private final ModelsIndex models;
    private final CatalogueService catalogue;
    private final AttributionRules rules;
    private final AttributionVersions versions;
    private final AdoptionCube cube;

    Reattribution(
            ModelsIndex models,
            CatalogueService catalogue,
            AttributionRules rules,
            AttributionVersions versions,
            AdoptionCube cube) {
        this.models = models;
        this.cube = cube;
        this.versions = versions;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /**
     * What a re-application did: the rules it applied, the models it attributed again, how many of them changed, and
     * how many attribution versions it rewrote (the snapshots naming them follow without a write).
     */
    public record Result(String ruleVersion, long models, long changed, long versions) {}

    /** Reloads the rule files, then recomputes and stores every model's attribution. */
    public Result reapply() {
        rules.reload();
        AtomicLong seen = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        AtomicLong rewritten = new AtomicLong();
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
            List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> ops = new java.util.ArrayList<>();
            for (AttributionVersions.Version v : versions.ofModels(after.keySet())) {
                CatalogueModel now = after.get(v.modelId());
                DayFacts then = DayFacts.of(v.attribution());
                // a version of what the model declares now takes its new attribution as is; one taken before its
                // licence or bases changed is attributed from the facts as they were then
                Attribution a = then == null || then.agreesWith(known.get(v.modelId()))
                        ? now.attribution()
                        : attributedUnder(now, then);
                if (!Attribution.sameRules(a, v.attribution())) {
                    ops.add(versions.rewrite(v, a));
                }
            }
            versions.bulk(ops);
            rewritten.addAndGet(ops.size());
            seen.addAndGet(updated.size());
        });
        versions.refresh();
        int days = cube.rebuild();
        Result result = new Result(rules.version(), seen.get(), changed.get(), rewritten.get());
        log.info("Adoption cube rebuilt under {}: {} days", rules.version(), days);
        log.info(
                "Re-applied attribution {}: {} models, {} changed, {} attribution versions rewritten",
                result.ruleVersion(),
                result.models(),
                result.changed(),
                result.versions());
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
