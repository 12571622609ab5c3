package org.weightscope.source.ollama;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.weightscope.shared.HubFigures;
import org.weightscope.source.RawItem;

/**
 * One model of ollama.com's library search page, as the page shows it.
 *
 * @param name         library name ("exaone-deep"); the registry maps these under namespaces.ollama
 * @param description  the blurb, or null
 * @param sizes        size tags in page order; may be empty (the page shows none for some models)
 * @param capabilities "tools", "vision", "embedding", …; may be empty
 * @param pulls        pull count as displayed: "2.5M" is 2,500,000 (the page rounds; this is not the true count)
 * @param tagCount     number of tags (quantisation/size variants)
 * @param updated      relative text as shown ("2 days ago"), meaningful only with the fetch time
 * @param updatedAt    the absolute time from the element's title ("Mar 19, 2025 5:04 PM UTC"), or null
 */
public record OllamaModel(
        String name,
        String description,
        List<ParameterSize> sizes,
        List<String> capabilities,
        long pulls,
        int tagCount,
        String updated,
        Instant updatedAt) {

    public OllamaModel {
        sizes = List.copyOf(sizes);
        capabilities = List.copyOf(capabilities);
    }

    /**
     * As a raw item: library models have no namespace, so the name is the repo id (the catalogue then takes
     * the name as namespace, which organizations.yaml maps). The hub gives no base model; a parameter count
     * is passed only when there is exactly one dense size. Pulls are all-time (not a 30-day window):
     * {@code downloadsAllTime}; the absolute "updated" time is {@code lastModified}.
     */
    public RawItem toRawItem() {
        Long total = sizes.size() == 1 && sizes.getFirst().experts() == 1
                ? sizes.getFirst().parameters()
                : null;
        return new RawItem(
                OllamaSource.HUB,
                name,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                Map.of(),
                total,
                null,
                description,
                new HubFigures(null, null, null, updatedAt, null, pulls, null));
    }
}
