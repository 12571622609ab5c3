package org.weightscope.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Something that happened to a model, as seen by comparing an observation with the stored state. Ids are
 * deterministic, so re-running a crawl or an import rewrites the same events and never adds duplicates:
 * {@code <model id>:release}, {@code <model id>:licence-change:<day>}, {@code <model id>:gated-change:<day>},
 * {@code <model id>:removed:<last day seen>}.
 *
 * @param type         {@link #RELEASE}, {@link #LICENCE_CHANGE}, {@link #GATED_CHANGE} or {@link #REMOVED}; for
 *                     OpenRouter {@link #ROUTER_MODEL_ADDED}, {@link #ROUTER_MODEL_REMOVED}, {@link #PRICE_CHANGE}
 * @param at           when it happened: the model's {@code createdAt} for a release, else the observation time
 * @param day          the day it was detected (the crawl's or the recording's day)
 * @param oldValue     licence as declared before (cardData.license, else the license: tag; "none"), or gating
 * @param newValue     the same after
 * @param oldLicenceId attribution licence id before (licence changes only)
 * @param newLicenceId attribution licence id after
 */
public record ModelEvent(
        String id,
        String type,
        String modelId,
        String hub,
        String repoId,
        String author,
        Instant at,
        LocalDate day,
        String oldValue,
        String newValue,
        String oldLicenceId,
        String newLicenceId,
        List<String> uploaderOrigin,
        List<String> lineageCountries,
        String licenceClass,
        String pipelineTag,
        String runId,
        boolean recorded,
        String source) {

    public static final String RELEASE = "release";
    public static final String LICENCE_CHANGE = "licence-change";
    public static final String GATED_CHANGE = "gated-change";
    public static final String REMOVED = "removed";
    /** OpenRouter catalogue: a model was listed for the first time (the router's listing, not a weights release). */
    public static final String ROUTER_MODEL_ADDED = "router-model-added";
    /** OpenRouter catalogue: a model is no longer listed. */
    public static final String ROUTER_MODEL_REMOVED = "router-model-removed";
    /** OpenRouter catalogue: prompt or completion price changed; old/new prices in oldValue/newValue. */
    public static final String PRICE_CHANGE = "price-change";

    static ModelEvent of(
            String type,
            String idSuffix,
            CatalogueModel model,
            Instant at,
            LocalDate day,
            String oldValue,
            String newValue,
            String oldLicenceId,
            String newLicenceId,
            String runId) {
        Attribution a = model.attribution();
        return new ModelEvent(
                model.id() + ":" + idSuffix,
                type,
                model.id(),
                model.hub(),
                model.repoId(),
                model.author(),
                at,
                day,
                oldValue,
                newValue,
                oldLicenceId,
                newLicenceId,
                a == null ? List.of() : a.uploaderOrigin(),
                a == null ? List.of() : a.lineageCountries(),
                a == null || a.licence() == null ? null : a.licence().clazz(),
                model.pipelineTag(),
                runId,
                model.recorded(),
                model.source());
    }

    /** A change seen on {@code day} in the observation of {@code model}: its id is {@code <model id>:<type>:<day>}. */
    static ModelEvent change(
            String type, CatalogueModel model, LocalDate day, String before, String after, String runId) {
        return of(type, type + ":" + day, model, model.asOf(), day, before, after, null, null, runId);
    }
}
