package org.weightscope.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.weightscope.catalogue.AttributionRules;
import org.weightscope.catalogue.CatalogueModel;
import org.weightscope.catalogue.CatalogueService;
import org.weightscope.catalogue.ModelLink;
import org.weightscope.catalogue.ModelLinks;
import org.weightscope.catalogue.Organization;
import org.weightscope.catalogue.OrganizationRegistry;

/**
 * Links each stored ModelScope model to its stored Hugging Face original by {@link #sameModel} (same name
 * under the same organisation), after every finished run of either hub: the rule lives here, where the two
 * hubs' stored models meet, not in either hub's crawler. Candidates on Hugging
 * Face are the ModelScope owner's own namespace and every Hugging Face namespace of the registry
 * organisation owning it, with the same repo name; only stored ones are linked.
 */
@Component
public class CrossHubLinker {

    private static final Logger log = LoggerFactory.getLogger(CrossHubLinker.class);
    static final String HF = "huggingface";
    static final String MODELSCOPE = "modelscope";

    private final CatalogueService catalogue;
    private final ModelLinks links;
    private final AttributionRules rules;
    private final Clock clock;

    CrossHubLinker(CatalogueService catalogue, ModelLinks links, AttributionRules rules, Clock clock) {
        this.catalogue = catalogue;
        this.links = links;
        this.rules = rules;
        this.clock = clock;
    }

    /** After the run's commit (see {@link IngestEvents}); a failure is retried from the publication registry. */
    @ApplicationModuleListener
    void on(IngestCompleted done) {
        if (!CrawlRun.FINISHED.equals(done.status())
                || !(HF.equals(done.sourceId()) || MODELSCOPE.equals(done.sourceId()))) {
            return;
        }
        relink();
    }

    /** Stores every ModelScope → Hugging Face link found; returns how many. */
    public int relink() {
        OrganizationRegistry registry = rules.current().registry();
        List<CatalogueModel> scope = catalogue.modelsOfHub(MODELSCOPE);
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (CatalogueModel m : scope) {
            List<String> ids = candidates(m.repoId(), registry);
            candidates.put(m.id(), ids);
            all.addAll(ids);
        }
        Map<String, CatalogueModel> onHf = all.isEmpty()
                ? Map.of()
                : catalogue.findAll(all.stream().distinct().toList());
        List<ModelLink> found = new ArrayList<>();
        Instant now = clock.instant();
        for (CatalogueModel m : scope) {
            for (String hfId : candidates.get(m.id())) {
                CatalogueModel hf = onHf.get(hfId);
                if (hf != null && sameModel(hf.repoId(), m.repoId(), registry)) {
                    found.add(ModelLink.of(m, hf, ModelLink.SAME_ORGANISATION_AND_NAME, now));
                    break;
                }
            }
        }
        links.saveAll(found);
        log.info(
                "Cross-hub links: {} of {} ModelScope models have their Hugging Face original stored",
                found.size(),
                scope.size());
        return found.size();
    }

    /** {@code hf:<owner>/<name>} and {@code hf:<ns>/<name>} for each HF namespace of the owner's organisation. */
    static List<String> candidates(String modelscopeRepoId, OrganizationRegistry registry) {
        int slash = modelscopeRepoId.indexOf('/');
        if (slash <= 0) return List.of();
        String owner = modelscopeRepoId.substring(0, slash);
        String name = modelscopeRepoId.substring(slash + 1);
        List<String> out = new ArrayList<>();
        out.add(CatalogueModel.hfId(owner + "/" + name));
        registry.byNamespace(MODELSCOPE, owner)
                .map(Organization::namespaces)
                .map(ns -> ns.getOrDefault(HF, List.of()))
                .ifPresent(ns -> ns.forEach(n -> out.add(CatalogueModel.hfId(n + "/" + name))));
        return out.stream().distinct().toList();
    }

    /**
     * Whether a Hugging Face repo and a ModelScope repo are the same model: the same name (case-insensitive)
     * published by the same organisation — either the two namespaces map to one registry organisation, or
     * they are literally the same namespace (case-insensitive). Same name under different owners is not
     * enough: re-uploads of "Qwen-Image" by individuals are common on both hubs.
     *
     * @param hfRepoId       "Qwen/Qwen2.5-7B-Instruct"
     * @param modelscopePath "Qwen/Qwen2.5-7B-Instruct" (owner Path + "/" + Name)
     */
    static boolean sameModel(String hfRepoId, String modelscopePath, OrganizationRegistry registry) {
        String[] hf = split(hfRepoId);
        String[] ms = split(modelscopePath);
        if (hf == null || ms == null) return false;
        if (!hf[1].toLowerCase(Locale.ROOT).equals(ms[1].toLowerCase(Locale.ROOT))) return false;
        if (hf[0].equalsIgnoreCase(ms[0])) return true;
        Optional<String> hfOrg = registry.byNamespace(HF, hf[0]).map(Organization::id);
        Optional<String> msOrg = registry.byNamespace(MODELSCOPE, ms[0]).map(Organization::id);
        return hfOrg.isPresent() && hfOrg.equals(msOrg);
    }

    private static String[] split(String id) {
        if (id == null) return null;
        String s = id.strip();
        int at = s.indexOf('@'); // ModelScope revision suffix ("@v1") is not part of the name
        if (at > 0) s = s.substring(0, at);
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1 || s.indexOf('/', slash + 1) >= 0) return null;
        return new String[] {s.substring(0, slash), s.substring(slash + 1)};
    }
}
