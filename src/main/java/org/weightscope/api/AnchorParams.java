package org.weightscope.api;

import java.util.Set;
import org.weightscope.catalogue.Adoption;
import org.weightscope.catalogue.AnchorMetrics;
import org.weightscope.catalogue.Periods;

/** The adoption API's parameters of the anchors' metrics: period, relation and base, checked per metric. */
final class AnchorParams {

    private static final Set<Adoption.Metric> RELEASE_METRICS =
            Set.of(Adoption.Metric.DERIVATIVES, Adoption.Metric.RELEASES, Adoption.Metric.RELEASES_WEIGHTED);
    private static final Set<String> RELATIONS = Set.of("finetune", "adapter", "quantized", "merge", "unknown");

    private AnchorParams() {}

    static AnchorMetrics.Options options(
            Adoption.Metric m, Adoption.Query q, String period, String relation, String base) {
        if (period != null && !RELEASE_METRICS.contains(m)) {
            throw new BadParameterException("period", "period applies to derivatives, releases and releases-weighted");
        }
        if (relation != null && m != Adoption.Metric.DERIVATIVES) {
            throw new BadParameterException("relation", "relation applies to derivatives only");
        }
        if (relation != null && !RELATIONS.contains(relation)) {
            throw new BadParameterException(
                    "relation",
                    "unknown relation '" + Params.shorten(relation)
                            + "' (use finetune, adapter, quantized, merge or unknown)");
        }
        if (base != null && (!RELEASE_METRICS.contains(m) || base.isBlank() || base.length() > 200)) {
            throw new BadParameterException(
                    "base", "base (1-200 characters) applies to derivatives, releases and releases-weighted");
        }
        Periods p;
        try {
            p = period == null ? Periods.WEEK : Periods.of(period);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("period", e.getMessage());
        }
        return new AnchorMetrics.Options(q, p, relation, base);
    }
}
