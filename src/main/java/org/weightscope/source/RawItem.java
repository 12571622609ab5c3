package org.weightscope.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.weightscope.shared.HubFigures;

/**
 * One model as a source read it, in the source's own words: what it is (facts) and what it counts (figures).
 * Ingest maps it to the catalogue's observation; nothing here is attributed or normalised across hubs.
 * Hubs without Hugging Face tags express lineage as tags {@code base_model:<relation>:<id>} and the licence
 * as {@code cardData.license}, so one attribution rule set serves all hubs.
 *
 * @param hub                   the source id, e.g. {@code huggingface}
 * @param repoId                e.g. {@code Qwen/Qwen2.5-7B-Instruct} (ollama: {@code gemma3})
 * @param author                the owning namespace where the hub states it; null to derive it from the id
 * @param safetensorsParameters dtype → parameter count; empty if unknown
 * @param totalParameters       null if unknown
 * @param figures               what the hub counts: gating ({@code false}, {@code auto}, {@code manual}), revision,
 *                              dates, a rolling 30-day count (Hugging Face; null where the hub counts otherwise),
 *                              a cumulative count (ModelScope downloads, Ollama pulls) and likes
 */
public record RawItem(
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
        HubFigures figures) {

    /**
     * The fields a generic listing ({@link SourceDefinition.Listing#fields()}) may map, by name: the item's own and
     * its figures' ({@link HubFigures}).
     */
    public static final Set<String> FIELDS = Set.of(
            "repoId",
            "author",
            "pipelineTag",
            "libraryName",
            "tags",
            "cardData",
            "totalParameters",
            "cardText",
            "gated",
            "sha",
            "createdAt",
            "lastModified",
            "downloads30d",
            "downloadsAllTime",
            "likes");

    public RawItem {
        if (hub == null || hub.isBlank()) throw new IllegalArgumentException("hub is required");
        if (repoId == null || repoId.isBlank()) throw new IllegalArgumentException("repoId is required");
        tags = tags == null ? List.of() : List.copyOf(tags);
        cardData = cardData == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cardData));
        safetensorsParameters = safetensorsParameters == null ? Map.of() : Map.copyOf(safetensorsParameters);
        if (figures == null) figures = HubFigures.NONE;
    }

    /** An item with only facts of identity (the other fields empty). */
    public static RawItem of(String hub, String repoId) {
        return listed(hub, repoId, null, null, List.of(), Map.of(), null, null, null, null);
    }

    /**
     * An item of a hub's listing that states nothing of the weights themselves: no library, parameter counts,
     * files, card text, gating, revision or 30-day count.
     */
    public static RawItem listed(
            String hub,
            String repoId,
            String author,
            String pipelineTag,
            List<String> tags,
            Map<String, Object> cardData,
            Instant createdAt,
            Instant lastModified,
            Long downloadsAllTime,
            Long likes) {
        return new RawItem(
                hub,
                repoId,
                author,
                pipelineTag,
                null,
                tags,
                cardData,
                Map.of(),
                null,
                null,
                null,
                new HubFigures(null, null, createdAt, lastModified, null, downloadsAllTime, likes));
    }
}
