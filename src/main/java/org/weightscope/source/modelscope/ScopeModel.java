package org.weightscope.source.modelscope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.weightscope.source.RawItem;

/**
 * One model of ModelScope's listing ({@code PUT /api/v1/dolphin/models}), as the hub states it.
 *
 * @param path              owner namespace ("DiffSynth-Studio"); the repo id is {@code path/name}
 * @param downloads         ModelScope's download counter (cumulative as far as we know; not a 30-day window)
 * @param license           as written, e.g. "Apache License 2.0" or "apache-2.0"; normalised later by the
 *                          attribution rules, not here
 * @param baseModels        {@code BaseModel} entries, possibly with a revision ("MusePublic/Qwen-image@v1")
 * @param baseModelRelation {@code BaseModelRelation} ("adapter", …) or null when blank
 * @param tasks             task names ("text-to-image-synthesis"), blanks dropped
 * @param organization      {@code Organization.Name}, or null when the owner is a user
 */
public record ScopeModel(
        String name,
        String path,
        long downloads,
        long stars,
        String license,
        Instant created,
        Instant lastUpdated,
        List<String> baseModels,
        String baseModelRelation,
        List<String> tasks,
        String organization) {

    /** Relations the lineage rules understand; anything else is passed as "unknown" rather than invented. */
    static final Set<String> RELATIONS = Set.of("finetune", "adapter", "quantized", "merge");

    public ScopeModel {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is required");
        if (path == null || path.isBlank()) throw new IllegalArgumentException("path is required");
        baseModels = baseModels == null ? List.of() : List.copyOf(baseModels);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public String repoId() {
        return path + "/" + name;
    }

    /**
     * As a raw item: lineage as HF-style {@code base_model:<relation>:<id>} tags, the licence as
     * {@code cardData.license} (so the HF rule set applies unchanged). Downloads are cumulative:
     * {@code downloadsAllTime} only, never a 30-day figure; Stars are ModelScope's likes.
     */
    public RawItem toRawItem() {
        String relation =
                baseModelRelation != null && RELATIONS.contains(baseModelRelation) ? baseModelRelation : "unknown";
        List<String> tags = new ArrayList<>();
        for (String b : baseModels) tags.add("base_model:" + relation + ":" + b);
        Map<String, Object> card = new LinkedHashMap<>();
        if (license != null) card.put("license", license);
        String pipeline = tasks.isEmpty() ? null : tasks.getFirst();
        return RawItem.listed(
                ModelScopeSource.HUB, repoId(), path, pipeline, tags, card, created, lastUpdated, downloads, stars);
    }
}
