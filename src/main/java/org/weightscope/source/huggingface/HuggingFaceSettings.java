package org.weightscope.source.huggingface;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The hub's own section {@code huggingface:} of {@code crawlers/huggingface.yaml} (the generic fields, scopes,
 * retry and timeout included, are in {@link org.weightscope.source.SourceDefinition}).
 *
 * @param expand   fields requested with {@code expand[]=} on every listing
 * @param tokenEnv environment variable holding an optional access token (sent as Bearer, never logged)
 * @param topN     how many of the most downloaded models a scope that is not complete adds to the registry's
 *                 namespaces (0: none)
 * @param detail   when to ask {@code /api/models/{id}} for an item the listing left incomplete
 */
public record HuggingFaceSettings(List<String> expand, String tokenEnv, int topN, Detail detail) {

    @JsonCreator
    public HuggingFaceSettings(
            @JsonProperty("expand") List<String> expand,
            @JsonProperty("tokenEnv") String tokenEnv,
            @JsonProperty("topN") int topN,
            @JsonProperty("detail") Detail detail) {
        if (expand == null || expand.isEmpty())
            throw new IllegalArgumentException("expand: at least one field is required");
        if (topN < 0) throw new IllegalArgumentException("topN must be >= 0");
        this.expand = List.copyOf(expand);
        this.tokenEnv = tokenEnv;
        this.topN = topN;
        this.detail = detail == null ? new Detail(List.of(), List.of()) : detail;
    }

    /** @param scopes where details are fetched; @param whenMissing fields whose absence triggers it */
    public record Detail(List<String> scopes, List<String> whenMissing) {
        public Detail {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            whenMissing = whenMissing == null ? List.of() : List.copyOf(whenMissing);
        }
    }
}
