package org.weightscope.catalogue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.weightscope.shared.HubFigures;

/**
 * The latest state of one model on one hub, as stored in the {@code models} index: the hub's figures, the
 * facts attribution was computed from (so it can be re-applied without a crawl) and the attribution.
 *
 * @param id           {@code <hub prefix>:<repo id>}, e.g. {@code hf:Qwen/Qwen2.5-7B-Instruct}: keyed on the
 *                     repo id, never on display names
 * @param figures      what the hub counts ({@link HubFigures}), stored as top-level fields of the document
 * @param originCredit the model's 30-day downloads credited to countries, per origin view (derived)
 * @param asOf         when the hub reported these figures (the crawl or the recording's capture time)
 * @param recorded     true when the figures come from a bundled recording rather than a live crawl
 * @param source       the crawl run id or the recording file they come from
 * @param capture      the model's newest stored snapshot: its day and, once a complete crawl saw the model removed,
 *                     the day that capture ended (null when unknown: stored before the field existed). It lets a
 *                     crawl place today's snapshot without searching the snapshots ({@link SnapshotTimeline}) and
 *                     the snapshot cadence skip a day ({@link SnapshotCadence}).
 */
public record CatalogueModel(
        String id,
        String hub,
        String repoId,
        String author,
        @JsonUnwrapped HubFigures figures,
        ModelFacts facts,
        Attribution attribution,
        List<OriginCredit> originCredit,
        Instant asOf,
        boolean recorded,
        String source,
        Capture capture) {

    public CatalogueModel {
        if (figures == null) figures = HubFigures.NONE;
    }

    /** The newest snapshot's day and, when a complete crawl saw the model removed, the day it ended. */
    /**
     * The model's newest snapshot: its day, the day it stopped standing for the model (a complete crawl saw the model
     * removed), and the attribution version ({@link AttributionVersions}) of the model's attribution now, which the
     * next snapshot names again while the attribution stays the same.
     */
    public record Capture(java.time.LocalDate day, java.time.LocalDate ended, String version) {}

    /** This state with the newest snapshot's day. */
    public CatalogueModel withCapture(Capture capture) {
        return new CatalogueModel(
                id, hub, repoId, author, figures, facts, attribution, originCredit, asOf, recorded, source, capture);
    }

    /** Card text kept in the store (enough for search and sector rules; whole cards can be 100 KB). */
    static final int CARD_TEXT_LIMIT = 20_000;

    /**
     * The repo's name without its namespace, lower-cased: stored with the document (a keyword field) so a base named
     * without its namespace is found with a term query, not a leading-wildcard scan of every repo id.
     */
    @com.fasterxml.jackson.annotation.JsonProperty(
            value = "repoName",
            access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String repoName() {
        return repoName(repoId);
    }

    static String repoName(String repoId) {
        return repoId == null
                ? null
                : repoId.substring(repoId.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public static String hfId(String repoId) {
        return "hf:" + repoId;
    }

    /** Document id prefix of each hub. */
    public static String idPrefix(String hub) {
        return switch (hub) {
            case "huggingface" -> "hf";
            case "modelscope" -> "ms";
            case "openrouter" -> "or";
            case "ollama" -> "ollama";
            default -> hub;
        };
    }

    public String pipelineTag() {
        return facts == null ? null : facts.effectivePipelineTag();
    }

    public List<String> tags() {
        return facts == null ? List.of() : facts.tags();
    }
}
