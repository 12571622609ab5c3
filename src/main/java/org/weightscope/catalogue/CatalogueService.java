package org.weightscope.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.weightscope.shared.HubFigures;

/** What other modules read and write of the model catalogue. */
@Service
public class CatalogueService {

    private final ModelsIndex models;
    private final AttributionRules rules;

    private final NamedModels namedModels;

    CatalogueService(ModelsIndex models, AttributionRules rules, NamedModels named) {
        this.namedModels = named;
        this.models = models;
        this.rules = rules;
    }

    /** One model as a hub reported it: what attribution needs and the figures of that moment. */
    public record Observation(ModelFacts facts, HubFigures figures, Instant asOf, boolean recorded, String source) {

        /** A stored model observed again as it was, to be attributed anew. */
        static Observation of(CatalogueModel m) {
            return new Observation(m.facts(), m.figures(), m.asOf(), m.recorded(), m.source());
        }
    }

    /**
     * Attributes a batch of observations into catalogue documents (nothing is stored). Parents are looked
     * up in the batch first, then in the stored catalogue, so a base model crawled in the same page counts.
     */
    public List<CatalogueModel> describe(List<Observation> batch) {
        return describe(batch, ParentCache.bounded(50_000));
    }

    /**
     * Like {@link #describe(List)}, with a caller-owned cache of parent lookups in the store that outlives one batch,
     * e.g. one per crawl run. The caller keeps it true to the store by noting the models it saves
     * ({@link ParentCache#remember}).
     */
    List<CatalogueModel> describe(List<Observation> batch, ParentCache parentCache) {
        Map<String, ModelFacts> inBatch = new HashMap<>();
        Map<String, List<ModelFacts>> namedInBatch = new HashMap<>();
        for (Observation o : batch) {
            if (inBatch.put(key(o.facts().hub(), o.facts().repoId()), o.facts()) == null) {
                namedInBatch
                        .computeIfAbsent(nameKey(o.facts().hub(), o.facts().name()), k -> new ArrayList<>())
                        .add(o.facts());
            }
        }
        ParentLookup lookup = new StoredParents(inBatch, namedInBatch, parentCache);
        Attributor attributor = rules.current();
        String version = rules.version();
        List<CatalogueModel> out = new ArrayList<>(batch.size());
        for (Observation o : batch) {
            ModelFacts facts = trimmed(o.facts());
            Attribution a = attributor.attribute(facts, lookup);
            // stored with the fingerprinted version, so a document says which rule files it was computed with
            Attribution attribution = a.withRuleVersion(version);
            HubFigures f = o.figures();
            String hub = facts.hub();
            out.add(new CatalogueModel(
                    CatalogueModel.idPrefix(hub) + ":" + facts.repoId(),
                    hub,
                    facts.repoId(),
                    facts.namespace(),
                    f,
                    facts,
                    attribution,
                    OriginCredit.of(attribution, f.downloads30d()),
                    o.asOf(),
                    o.recorded(),
                    o.source(),
                    null));
        }
        return out;
    }

    public void save(List<CatalogueModel> batch) {
        models.saveAll(batch);
    }

    public Map<String, CatalogueModel> findAll(List<String> ids) {
        return models.getAll(ids);
    }

    /** Every stored model of one hub, in id order (hubs other than Hugging Face hold hundreds, not millions). */
    public List<CatalogueModel> modelsOfHub(String hub) {
        List<CatalogueModel> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<CatalogueModel> page = models.seenBefore(hub, Instant.parse("9999-12-31T00:00:00Z"), after, 1000);
            if (page.isEmpty()) return out;
            out.addAll(page);
            after = page.getLast().id();
        }
    }

    public long modelCount() {
        return models.count();
    }

    public List<CatalogueModel> topModels(int size) {
        return models.topByDownloads(size);
    }

    /** Sum of each organisation's models' latest 30-day downloads, largest first. */
    public List<Share> downloadsByAuthor(int size) {
        return models.downloadsByAuthor(size);
    }

    /** The span of capture times the catalogue's figures come from. */
    public Optional<AsOfRange> asOfRange() {
        Instant[] range = models.asOfRange();
        return range == null ? Optional.empty() : Optional.of(new AsOfRange(range[0], range[1]));
    }

    public record AsOfRange(Instant from, Instant to) {}

    private static String key(String hub, String repoId) {
        return CatalogueModel.idPrefix(hub) + ":" + repoId;
    }

    static String nameKey(String hub, String name) {
        return hub + ":" + name.toLowerCase(java.util.Locale.ROOT);
    }

    private static ModelFacts trimmed(ModelFacts facts) {
        String text = facts.cardText();
        if (text == null || text.length() <= CatalogueModel.CARD_TEXT_LIMIT) {
            return facts;
        }
        return facts.withCard(facts.tags(), facts.cardData(), text.substring(0, CatalogueModel.CARD_TEXT_LIMIT));
    }

    /** Parents from the batch, else from the store; remembers misses so a long crawl asks once per id. */
    private final class StoredParents implements ParentLookup {

        private final Map<String, ModelFacts> batch;
        private final Map<String, List<ModelFacts>> namedInBatch;
        private final ParentCache shared;
        private final Map<String, List<ModelFacts>> named = new HashMap<>();

        StoredParents(Map<String, ModelFacts> batch, Map<String, List<ModelFacts>> namedInBatch, ParentCache shared) {
            this.batch = batch;
            this.namedInBatch = namedInBatch;
            this.shared = shared;
        }

        /** The batch's models of that name, then the store's (repo ids ending in "/name", case-insensitive). */
        @Override
        public List<ModelFacts> named(String hub, String name) {
            return named.computeIfAbsent(nameKey(hub, name), k -> {
                Map<String, ModelFacts> out = new LinkedHashMap<>();
                for (ModelFacts f : namedInBatch.getOrDefault(k, List.of())) out.put(key(f.hub(), f.repoId()), f);
                // the store's models of that name at the run's first lookup of it, and those the run saved since (or
                // just before, which a search may not see yet): the same whatever the batching and refresh timing
                Set<String> ids = shared.named(k, () -> {
                    Set<String> found = new LinkedHashSet<>();
                    for (CatalogueModel m : namedModels.named(hub, name, 20)) {
                        if (m.facts() == null) continue;
                        found.add(m.id());
                        shared.putId(m.id(), Optional.of(m.facts()));
                    }
                    return found;
                });
                for (String id : ids) {
                    if (!out.containsKey(id)) stored(id).ifPresent(f -> out.put(id, f));
                }
                return List.copyOf(out.values());
            });
        }

        @Override
        public Optional<ModelFacts> find(String hub, String repoId) {
            String key = key(hub, repoId);
            ModelFacts local = batch.get(key);
            if (local != null) {
                return Optional.of(local);
            }
            return stored(key);
        }

        /** A stored model's facts by id: from the run's cache, else a get (which sees writes not yet searchable). */
        private Optional<ModelFacts> stored(String id) {
            Optional<ModelFacts> known = shared.byId(id);
            if (known != null) {
                return known;
            }
            Optional<ModelFacts> found =
                    Optional.ofNullable(models.getAll(List.of(id)).get(id)).map(CatalogueModel::facts);
            shared.putId(id, found);
            return found;
        }
    }
}
