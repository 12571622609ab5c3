package org.weightscope.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * The latest state of one model on one hub, as stored in the {@code models} index.
 *
 * @param id        {@code <hub-prefix>:<repo id>}, e.g. {@code hf:Qwen/Qwen2.5-7B-Instruct}: keyed on the
 *                  repo id, never on display names
 * @param asOf      when the hub reported these figures (the crawl or the recording's capture time)
 * @param recorded  true when the figures come from a bundled recording rather than a live crawl
 * @param source    the crawl run id or the recording file they come from
 */
public record CatalogueModel(
        String id,
        String hub,
        String repoId,
        String author,
        String pipelineTag,
        String libraryName,
        List<String> tags,
        Instant createdAt,
        Instant lastModified,
        Long downloads30d,
        Long downloadsAllTime,
        Long likes,
        Instant asOf,
        boolean recorded,
        String source) {

    public static String hfId(String repoId) {
        return "hf:" + repoId;
    }
}
