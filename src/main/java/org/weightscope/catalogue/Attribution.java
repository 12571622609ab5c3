package org.weightscope.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything Weightscope derives about one model. Field names are the API and Elasticsearch field names.
 *
 * @param uploaderOrg    registry id of the org owning the repo namespace, or null
 * @param uploaderOrigin ISO 3166-1 alpha-2 codes of the uploader org, or ["unattributed"]
 * @param lineage        parents, roots and issues met while walking the chain
 * @param developerOrgs  registry ids of the roots' orgs (distinct, in root order)
 * @param lineageOrigin  credit per country: each root gets 1/nRoots, split evenly across its org's countries
 * @param licence        licence id, openness class and where it was read
 * @param hardware       weights memory and hardware class
 * @param sectors        sector ids (at least one: "other" if nothing matched)
 * @param notes          human-readable remarks (e.g. how a merge's credit was split)
 * @param ruleVersion    version of the rules that produced this, so every number can cite its rule
 */
public record Attribution(
        String uploaderOrg,
        List<String> uploaderOrigin,
        Lineage lineage,
        List<String> developerOrgs,
        List<OriginShare> lineageOrigin,
        Licence licence,
        Hardware hardware,
        List<String> sectors,
        List<String> notes,
        String ruleVersion) {

    /** Country placeholder when no registry entry backs an origin: never guessed. */
    public static final String UNATTRIBUTED = "unattributed";

    public Attribution {
        uploaderOrigin = List.copyOf(uploaderOrigin);
        developerOrgs = List.copyOf(developerOrgs);
        lineageOrigin = List.copyOf(lineageOrigin);
        sectors = List.copyOf(sectors);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Countries of the lineage origin, in credit order, without shares. */
    public List<String> lineageCountries() {
        List<String> out = new ArrayList<>(lineageOrigin.size());
        for (OriginShare s : lineageOrigin) out.add(s.country());
        return out;
    }

    /**
     * @param parents direct parents of the model (not the whole chain)
     * @param roots   hub repo ids of the chain's roots; a model without parents is its own root
     * @param issues  e.g. {@code cycle:A->B->A}, {@code missing-parent:X}, {@code multiple-roots}
     */
    public record Lineage(List<Parent> parents, List<String> roots, List<String> issues) {
        public Lineage {
            parents = List.copyOf(parents);
            roots = List.copyOf(roots);
            issues = List.copyOf(issues);
        }
    }

    /** @param relation finetune, adapter, quantized, merge or unknown */
    public record Parent(String repoId, String relation) {}

    /** @param share fraction of the lineage credit in [0, 1]; shares of one model sum to 1 */
    public record OriginShare(String country, double share) {}

    /**
     * @param id     SPDX id lower-case as HF writes it, or a named model licence (llama3.3, qwen, …), other, unknown
     * @param clazz  openness class: open-source, open-weights-restricted, non-commercial, unknown
     * @param source where it was read: cardData.license, license_name, tag, inherited:&lt;repo&gt;, none
     */
    public record Licence(String id, String clazz, String source) {}

    /**
     * Memory needed for the weights alone (no KV cache/activations). GB means 10^9 bytes.
     *
     * @param clazz            edge, consumer-gpu, datacenter-gpu, multi-gpu, cluster, unknown
     * @param weightsBytes     bytes of the weights, null if unknown
     * @param estimated        true when derived from a parameter count or name hint (BF16 assumed)
     * @param basis            safetensors, gguf, parameters, name, none
     * @param totalParameters  total parameter count, null if unknown
     * @param activeParameters active parameters per token (MoE, from a name like 30B-A3B), null if unknown
     */
    public record Hardware(String clazz, Long weightsBytes, boolean estimated, String basis,
                           Long totalParameters, Long activeParameters) {}
}
