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

    /** Whether two attributions are the same but for the rule version they were stamped with. */
    public static boolean sameRules(Attribution a, Attribution b) {
        return a == null || b == null ? a == b : a.withRuleVersion("").equals(b.withRuleVersion(""));
    }

    /** The same attribution stamped with another rule version ("" to compare two regardless of it). */
    public Attribution withRuleVersion(String version) {
        return new Attribution(
                uploaderOrg,
                uploaderOrigin,
                lineage,
                developerOrgs,
                lineageOrigin,
                licence,
                hardware,
                sectors,
                notes,
                version);
    }

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
     * @param parents      direct parents of the model (not the whole chain)
     * @param roots        hub repo ids of the chain's roots; a model without parents is its own root
     * @param issues       e.g. {@code cycle:A->B->A}, {@code missing-parent:X}, {@code multiple-roots}
     * @param basis        how the roots were found: {@code declared} (base_model in card or tags), {@code self} (no
     *                     parent: the model is its own root), {@code inferred} (a root held by a maintainer or
     *                     redistributor, traced by its name to a developer's model), {@code unattributed} (such a
     *                     root that could not be traced)
     * @param inferredFrom the catalogue model matched by name when {@code basis} is {@code inferred}, else null
     */
    public record Lineage(
            List<Parent> parents, List<String> roots, List<String> issues, String basis, String inferredFrom) {
        public static final String DECLARED = "declared";
        public static final String SELF = "self";
        public static final String INFERRED = "inferred";

        public Lineage {
            parents = List.copyOf(parents);
            roots = List.copyOf(roots);
            issues = List.copyOf(issues);
            if (basis == null) basis = parents.isEmpty() ? SELF : DECLARED;
        }

        public Lineage(List<Parent> parents, List<String> roots, List<String> issues) {
            this(parents, roots, issues, null, null);
        }

        public boolean inferred() {
            return INFERRED.equals(basis);
        }
    }

    /** @param relation finetune, adapter, quantized, merge or unknown */
    public record Parent(String repoId, String relation) {}

    /** @param share fraction of the lineage credit in [0, 1]; shares of one model sum to 1 */
    public record OriginShare(String country, double share) {}

    /**
     * @param id                  SPDX id lower-case as HF writes it, or a named model licence (llama3.3, qwen, …), other,
     *                            unknown
     * @param clazz               class of the model's own licence: permissive, copyleft, open-weights-restricted,
     *                            non-commercial, unknown (none claims "open source": see the methodology)
     * @param source              where it was read: cardData.license, license_name, tag, inherited:&lt;repo&gt;, none
     * @param effectiveClass      the most restrictive class along the model's lineage (its own and every ancestor's
     *                            in the catalogue): the terms that bind whoever runs it; licence-mix charts use it
     * @param effectiveVia        the ancestor whose terms set {@code effectiveClass}, or null when it is the model's own
     * @param osi                 whether the licence is OSI-approved (a flag, not a class)
     * @param excludedTerritories territories the licence excludes (e.g. EU), empty if none
     */
    public record Licence(
            String id,
            String clazz,
            String source,
            String effectiveClass,
            String effectiveVia,
            boolean osi,
            List<String> excludedTerritories) {
        /** No licence found along the lineage, or a model not attributed yet. */
        public static final Licence UNKNOWN = new Licence("unknown", "unknown", "none");

        public Licence {
            if (effectiveClass == null) effectiveClass = clazz;
            excludedTerritories = excludedTerritories == null ? List.of() : List.copyOf(excludedTerritories);
        }

        public Licence(String id, String clazz, String source) {
            this(id, clazz, source, clazz, null, false, List.of());
        }
    }

    /**
     * Memory needed for the weights alone (no KV cache/activations), as most people run the model: a quantised
     * repo at its own quantisation, a 16- or 32-bit checkpoint at 16 bits. GB means 10^9 bytes.
     *
     * @param clazz            edge, consumer-gpu, datacenter-gpu, multi-gpu, cluster, unknown
     * @param weightsBytes     bytes of the weights, null if unknown
     * @param estimated        true unless the bytes are file sizes (or exact dtype counts) of the quantisation run
     * @param basis            files (file sizes of the crawl), safetensors (dtype counts), parameters (count × the
     *                         quantisation's bits), name (size in the repo name × bits), none
     * @param totalParameters  total parameter count (all experts of a mixture-of-experts), null if unknown
     * @param activeParameters active parameters per token (MoE, from a name like 30B-A3B), null if unknown
     * @param quantisation     the quantisation sized: q4_k_m, 4bit, 8bit, 16bit, …; null if unknown
     * @param bitsPerWeight    bits per weight used for the estimate, null when the bytes are measured
     * @param flags            e.g. {@code parameters-disagree-with-name} (count and name size differ by more than 4×)
     */
    public record Hardware(
            String clazz,
            Long weightsBytes,
            boolean estimated,
            String basis,
            Long totalParameters,
            Long activeParameters,
            String quantisation,
            Double bitsPerWeight,
            List<String> flags) {
        /** Nothing to size the weights by, or a model not attributed yet. */
        public static final Hardware UNKNOWN = new Hardware("unknown", null, false, "none", null, null);

        public Hardware {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }

        public Hardware(
                String clazz,
                Long weightsBytes,
                boolean estimated,
                String basis,
                Long totalParameters,
                Long activeParameters) {
            this(clazz, weightsBytes, estimated, basis, totalParameters, activeParameters, null, null, List.of());
        }
    }
}
