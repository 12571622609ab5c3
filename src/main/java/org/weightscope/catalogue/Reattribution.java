package org.weightscope.catalogue;

import java.util.List;
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
    private final SnapshotsIndex snapshots;
    private final CatalogueService catalogue;
    private final AttributionRules rules;

    Reattribution(ModelsIndex models, SnapshotsIndex snapshots, CatalogueService catalogue, AttributionRules rules) {
        this.models = models;
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
            List<CatalogueService.Observation> batch = page.stream().filter(m -> m.facts() != null)
                    .map(m -> new CatalogueService.Observation(m.facts(), new HubFigures(m.gated(), m.sha(),
                            m.createdAt(), m.lastModified(), m.downloads30d(), m.downloadsAllTime(), m.likes()),
                            m.asOf(), m.recorded(), m.source()))
                    .toList();
            List<CatalogueModel> updated = catalogue.describe(batch);
            for (int i = 0; i < updated.size(); i++) {
                if (!Objects.equals(withoutVersion(updated.get(i).attribution()), withoutVersion(page.get(i).attribution()))) {
                    changed.incrementAndGet();
                }
            }
            catalogue.save(updated);
            seen.addAndGet(updated.size());
        });
        long rewritten = reapplyToSnapshots();
        Result result = new Result(rules.version(), seen.get(), changed.get());
        log.info("Re-applied attribution {}: {} models, {} changed; {} daily snapshots rewritten", result.ruleVersion(),
                result.models(), result.changed(), rewritten);
        return result;
    }

    /**
     * Every daily snapshot takes its model's new attribution (so weekly series cite one rule version), with the
     * snapshot's own downloads. The store keeps a model's facts of its newest capture only, so a snapshot whose
     * licence differs from today's (a recorded licence change) keeps that day's licence, re-classed by the rules.
     */
    private long reapplyToSnapshots() {
        Attributor attributor = rules.current();
        String version = rules.version();
        AtomicLong rewritten = new AtomicLong();
        snapshots.forEachPage(PAGE, page -> {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            for (ModelSnapshot s : page) ids.add(s.modelId());
            java.util.Map<String, CatalogueModel> current = models.getAll(ids);
            List<ModelSnapshot> out = new java.util.ArrayList<>(page.size());
            for (ModelSnapshot s : page) {
                CatalogueModel m = current.get(s.modelId());
                if (m == null || m.attribution() == null || version.equals(s.attribution() == null ? null
                        : s.attribution().ruleVersion())) {
                    continue;
                }
                Attribution a = m.attribution();
                Attribution.Licence licence = a.licence();
                Attribution.Licence old = s.attribution() == null ? null : s.attribution().licence();
                if (old != null && old.id() != null && !old.id().equals(licence.id())) {
                    String clazz = attributor.licenceClassOf(old.id());
                    licence = new Attribution.Licence(old.id(), clazz, old.source(), clazz, null, false, List.of());
                }
                Attribution updated = new Attribution(a.uploaderOrg(), a.uploaderOrigin(), a.lineage(), a.developerOrgs(),
                        a.lineageOrigin(), licence, a.hardware(), a.sectors(), a.notes(), a.ruleVersion());
                out.add(new ModelSnapshot(s.id(), s.modelId(), s.hub(), s.repoId(), s.author(), s.day(), s.asOf(),
                        s.downloads30d(), s.downloadsAllTime(), s.likes(), s.pipelineTag(), s.gated(), updated,
                        OriginCredit.of(updated, s.downloads30d()), s.recorded(), s.source()));
            }
            snapshots.saveAll(out);
            rewritten.addAndGet(out.size());
        });
        snapshots.refresh();
        return rewritten.get();
    }

    private static Attribution withoutVersion(Attribution a) {
        return a == null ? null : new Attribution(a.uploaderOrg(), a.uploaderOrigin(), a.lineage(), a.developerOrgs(),
                a.lineageOrigin(), a.licence(), a.hardware(), a.sectors(), a.notes(), "");
    }
}
