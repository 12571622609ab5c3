package org.weightscope.catalogue.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.weightscope.catalogue.ModelFacts;
import org.weightscope.catalogue.Organization;
import org.weightscope.catalogue.OrganizationRegistry;
import org.weightscope.catalogue.ParentLookup;

/**
 * Traces a lineage root held by a maintainer or redistributor (a quantiser's re-upload whose card names no
 * base model) to a developer's model of the same name in the catalogue: {@code unsloth/Qwen3.8-27B-GGUF} →
 * {@code Qwen/Qwen3.8-27B}. The name loses its packaging suffixes (GGUF, AWQ, GPTQ, bnb-4bit, MLX-4bit, FP8, …)
 * and must then equal the developer model's name exactly (case-insensitive); a match under several developer
 * organisations is ambiguous and traces nothing.
 */
public final class BaseInference {

    /** One packaging suffix at the end of a repo name; stripped repeatedly. */
    private static final Pattern SUFFIX = Pattern.compile("(?i)[-_.](gguf|ggml|awq|gptq|exl2|exl3|mlx|bnb|nf4|"
            + "[2-8]bit|[2-8]-bit|int[48]|w4a16|w8a8|fp8|fp4|nvfp4|mxfp4|q[2-8](_k)?(_[msl0])?|q8_0|iq[1-4]_[a-z]+|imatrix|"
            + "i1|dynamic|unsloth|bf16|fp16|f16|hf|quantized|quant|onnx|mlc|litert|openvino|ov|gptqmodel|autoround)$");

    private final OrganizationRegistry registry;

    public BaseInference(OrganizationRegistry registry) {
        this.registry = registry;
    }

    /** The repo name without packaging suffixes, e.g. "Qwen3.8-27B-GGUF" → "Qwen3.8-27B". */
    public static String baseName(String repoName) {
        String s = repoName;
        while (true) {
            String next = SUFFIX.matcher(s).replaceFirst("");
            if (next.equals(s) || next.isEmpty()) return s;
            s = next;
        }
    }

    /** Result of a trace: the matched model, or why nothing was matched. */
    public record Match(ModelFacts model, String issue) {}

    /**
     * The developer model {@code rootId} repackages, found by name. Empty with an issue when the name matches
     * nothing or is ambiguous.
     */
    public Match trace(String hub, String rootId, ParentLookup lookup) {
        String name = rootId.substring(rootId.lastIndexOf('/') + 1);
        String base = baseName(name);
        List<ModelFacts> hits = new ArrayList<>();
        Set<String> orgs = new LinkedHashSet<>();
        for (ModelFacts f : lookup.named(hub, base)) {
            if (f.repoId().equalsIgnoreCase(rootId)) continue;
            Optional<Organization> org = registry.byNamespace(hub, f.namespace());
            if (org.isEmpty() || !"developer".equals(org.get().role())) continue;
            hits.add(f);
            orgs.add(org.get().id());
        }
        if (hits.isEmpty()) return new Match(null, "untraced-root:" + rootId);
        if (orgs.size() > 1) return new Match(null, "ambiguous-name-match:" + base + "->" + String.join(",", orgs));
        hits.sort(Comparator.comparing(f -> f.repoId().toLowerCase(Locale.ROOT)));
        return new Match(hits.get(0), null);
    }
}
