package org.weightscope.catalogue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One model's figures on one day, immutable once the day is over: id {@code <model id>:<yyyy-mm-dd>}, so
 * re-running a day overwrites that day's document and nothing is counted twice. Carries no attribution: {@code
 * version} names the model's attribution version it was taken under ({@link AttributionVersions}), so a registry or
 * rule change rewrites the versions and rebuilds the cube, never the snapshots.
 *
 * <p>{@code until} is the first day this capture no longer stands for the model: the day of the model's next
 * capture, or the day a complete crawl saw it removed; absent while it is the model's newest capture. A figure
 * "as of D" counts the capture with {@code day <= D < until} inside the freshness window ({@link AsOfRule}).
 * {@code linked} says {@code until} was computed (snapshots written before the rule carry neither field and are
 * linked once at start-up).
 */
public record ModelSnapshot(
        String id,
        String modelId,
        String hub,
        String repoId,
        String author,
        LocalDate day,
        Instant asOf,
        Long downloads30d,
        Long downloadsAllTime,
        Long likes,
        String pipelineTag,
        String gated,
        String version,
        boolean recorded,
        String source,
        LocalDate until,
        Boolean linked) {

    public static ModelSnapshot of(CatalogueModel model, LocalDate day, String version) {
        return new ModelSnapshot(
                model.id() + ":" + day,
                model.id(),
                model.hub(),
                model.repoId(),
                model.author(),
                day,
                model.asOf(),
                model.figures().downloads30d(),
                model.figures().downloadsAllTime(),
                model.figures().likes(),
                model.pipelineTag(),
                model.figures().gated(),
                version,
                model.recorded(),
                model.source(),
                null,
                true);
    }

    public ModelSnapshot until(LocalDate until) {
        return new ModelSnapshot(
                id,
                modelId,
                hub,
                repoId,
                author,
                day,
                asOf,
                downloads30d,
                downloadsAllTime,
                likes,
                pipelineTag,
                gated,
                version,
                recorded,
                source,
                until,
                true);
    }
}
