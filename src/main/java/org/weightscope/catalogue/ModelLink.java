package org.weightscope.catalogue;

import java.time.Instant;

/**
 * The same model published on two hubs: {@code modelId} (e.g. {@code ms:Qwen/Qwen2.5-7B-Instruct}) is the
 * copy of {@code canonicalId} (the Hugging Face entry, {@code hf:Qwen/Qwen2.5-7B-Instruct}). Kept in its own
 * small index ({@code model-links}) rather than on the catalogue document, so the catalogue's records and
 * mapping stay as they are. Id {@code <modelId>|<canonicalId>}: re-linking rewrites, never duplicates.
 *
 * @param rule {@link #SAME_ORGANISATION_AND_NAME} or {@link #DECLARED}
 */
public record ModelLink(
        String id,
        String modelId,
        String modelHub,
        String canonicalId,
        String canonicalHub,
        String rule,
        Instant linkedAt) {

    /** Same repo name under the same organisation (one registry organisation, or the same namespace). */
    public static final String SAME_ORGANISATION_AND_NAME = "same-organisation-and-name";
    /** Stated by a hub or by hand. */
    public static final String DECLARED = "declared";

    public static ModelLink of(CatalogueModel model, CatalogueModel canonical, String rule, Instant linkedAt) {
        return new ModelLink(
                model.id() + "|" + canonical.id(),
                model.id(),
                model.hub(),
                canonical.id(),
                canonical.hub(),
                rule,
                linkedAt);
    }
}
