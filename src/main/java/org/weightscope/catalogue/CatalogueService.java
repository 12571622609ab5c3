package org.weightscope.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return describe(batch, parentCache(50_000));
    }

    /**
     * Like {@link #describe(List)}, with a caller-owned cache of parent lookups in the store (id →
     * facts, or empty when not stored) that outlives one batch, e.g. one per crawl run. The caller keeps it
     * true to the store by putting the models it saves ({@link #rememberStored}).
     */
    public List<CatalogueModel> describe(List<Observation> batch, Map<String, Optional<ModelFacts>> parentCache) {
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

    /** Updates a parent cache of {@link #describe(List, Map)} with models just saved (only keys it already holds). */
    public static void rememberStored(Map<String, Optional<ModelFacts>> parentCache, List<CatalogueModel> saved) {
        for (CatalogueModel m : saved) {
            parentCache.computeIfPresent(m.id(), (k, v) -> Optional.ofNullable(m.facts()));
        }
    }

    /** A bounded (LRU) parent cache for {@link #describe(List, Map)}. */
    public static Map<String, Optional<ModelFacts>> parentCache(int limit) {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<ModelFacts>> eldest) {
                return size() > limit;
            }
        });
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

    private static String nameKey(String hub, String name) {
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
        private final Map<String, Optional<ModelFacts>> shared;
        private final Map<String, List<ModelFacts>> named = new HashMap<>();

        StoredParents(
                Map<String, ModelFacts> batch,
                Map<String, List<ModelFacts>> namedInBatch,
                Map<String, Optional<ModelFacts>> shared) {
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
                // a name the store did not know is remembered for the run, as parent misses are, so a run's
                // result does not depend on how its pages were batched
                String missKey = "named:" + k;
                if (shared.containsKey(missKey)) return List.copyOf(out.values());
                List<CatalogueModel> stored = namedModels.named(hub, name, 20);
                if (stored.isEmpty()) shared.put(missKey, Optional.empty());
                for (CatalogueModel m : stored) {
                    if (m.facts() != null) out.putIfAbsent(m.id(), m.facts());
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
            Map<String, Optional<ModelFacts>> c = shared;
            Optional<ModelFacts> known = c.get(key);
            if (known != null) {
                return known;
            }
            Optional<ModelFacts> found =
                    Optional.ofNullable(models.getAll(List.of(key)).get(key)).map(CatalogueModel::facts);
            c.put(key, found);
            return found;
        }
    }
}
