package org.weightscope.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a hub says about one model, normalised across hubs; the only input of {@link Attributor}.
 *
 * <p>Crawlers for hubs without HF-style tags (ModelScope {@code BaseModel}/{@code BaseModelRelation},
 * OpenRouter, Ollama) should express lineage as HF tags {@code base_model:<relation>:<id>} and the
 * licence as {@code cardData.license}, so one rule set serves all hubs.
 *
 * @param hub                   "huggingface" | "modelscope" | "openrouter" | "ollama"
 * @param repoId                e.g. "Qwen/Qwen2.5-7B-Instruct" (ollama: "gemma3"; openrouter: "qwen/qwen3-8b")
 * @param author                namespace (part before '/'); null → derived from repoId
 * @param pipelineTag           may be null (then {@code cardData.pipeline_tag} is used)
 * @param libraryName           may be null
 * @param tags                  HF tags, e.g. "license:apache-2.0", "base_model:finetune:Qwen/Qwen2.5-7B", "gguf"
 * @param cardData              HF cardData (front matter as a map); empty if unknown
 * @param safetensorsParameters dtype → parameter count from {@code safetensors.parameters}; empty if unknown
 * @param totalParameters       safetensors.total, gguf.total or numParameters; null if unknown
 * @param ggufFileBytes         total size of GGUF weight files; null if unknown
 * @param cardText              model card markdown without front matter; may be null
 * @param fileSizes             repo file name → bytes, for the weight files the crawl listed (live: the repo's
 *                              file listing); empty if unknown
 */
public record ModelFacts(
        String hub,
        String repoId,
        String author,
        String pipelineTag,
        String libraryName,
        List<String> tags,
        Map<String, Object> cardData,
        Map<String, Long> safetensorsParameters,
        Long totalParameters,
        Long ggufFileBytes,
        String cardText,
        Map<String, Long> fileSizes) {

    public ModelFacts {
        if (hub == null || hub.isBlank()) throw new IllegalArgumentException("hub is required");
        if (repoId == null || repoId.isBlank()) throw new IllegalArgumentException("repoId is required");
        hub = hub.toLowerCase(Locale.ROOT);
        tags = tags == null ? List.of() : List.copyOf(tags);
        cardData = cardData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cardData));
        safetensorsParameters = safetensorsParameters == null ? Map.of() : Map.copyOf(safetensorsParameters);
        fileSizes = fileSizes == null ? Map.of() : Map.copyOf(fileSizes);
    }

    /** Minimal facts (hub + id only), handy for lookups and tests. */
    public static ModelFacts of(String hub, String repoId) {
        return new ModelFacts(hub, repoId, null, null, null, List.of(), Map.of(), Map.of(), null, null, null, Map.of());
    }

    /**
     * The namespace that owns the repo: {@code author} if given, else the part before '/'.
     * Ollama library models have no '/', so the model name (without ":tag") is the namespace.
     */
    public String namespace() {
        if (author != null && !author.isBlank()) return author;
        int slash = repoId.indexOf('/');
        if (slash > 0) return repoId.substring(0, slash);
        int colon = repoId.indexOf(':');
        return colon > 0 ? repoId.substring(0, colon) : repoId;
    }

    /** The repo name without namespace, e.g. "Qwen2.5-7B-Instruct". */
    public String name() {
        int slash = repoId.lastIndexOf('/');
        return slash >= 0 ? repoId.substring(slash + 1) : repoId;
    }

    /** {@link #pipelineTag} or, failing that, {@code cardData.pipeline_tag} (GGUF list items often lack one). */
    public String effectivePipelineTag() {
        if (pipelineTag != null && !pipelineTag.isBlank()) return pipelineTag;
        return cardData.get("pipeline_tag") instanceof String s && !s.isBlank() ? s : null;
    }

    /** These facts with another model card: its tags, front matter and text (the rest as they are). */
    ModelFacts withCard(List<String> tags, Map<String, Object> cardData, String cardText) {
        return new ModelFacts(
                hub,
                repoId,
                author,
                pipelineTag,
                libraryName,
                tags,
                cardData,
                safetensorsParameters,
                totalParameters,
                ggufFileBytes,
                cardText,
                fileSizes);
    }

    /** These facts, each one this lacks (null or empty) taken from {@code earlier}, the stored facts of the model. */
    ModelFacts orElse(ModelFacts earlier) {
        return new ModelFacts(
                hub,
                repoId,
                first(author, earlier.author),
                first(pipelineTag, earlier.pipelineTag),
                first(libraryName, earlier.libraryName),
                tags.isEmpty() ? earlier.tags : tags,
                cardData.isEmpty() ? earlier.cardData : cardData,
                safetensorsParameters.isEmpty() ? earlier.safetensorsParameters : safetensorsParameters,
                first(totalParameters, earlier.totalParameters),
                first(ggufFileBytes, earlier.ggufFileBytes),
                first(cardText, earlier.cardText),
                fileSizes.isEmpty() ? earlier.fileSizes : fileSizes);
    }

    private static <T> T first(T value, T earlier) {
        return value != null ? value : earlier;
    }
}
