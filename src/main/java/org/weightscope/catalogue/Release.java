package org.weightscope.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What the release-based metrics need of one model: its release day, its lineage relation, its keys in every
 * dimension and its capture history (day → the hub's 30-day and all-time downloads).
 *
 * @param released  the hub's createdAt as a UTC day, or null (undated models are left out of release metrics)
 * @param relation  finetune, adapter, quantized, merge or unknown for a derivative; null for a model without a base
 * @param credit    origin view id → country → credit share (summing to 1 per view)
 * @param firstSeen the day of the model's first capture, or null
 */
record Release(
        String modelId,
        String repoId,
        String hub,
        LocalDate released,
        String relation,
        List<String> roots,
        String uploaderOrg,
        List<String> developerOrgs,
        Map<String, Map<String, Double>> credit,
        String licenceClass,
        String hardwareClass,
        List<String> sectors,
        Long totalParameters,
        List<String> tags,
        String source,
        LocalDate firstSeen,
        NavigableMap<LocalDate, Capture> captures) {

    /** One capture's download counts (either may be null). */
    record Capture(Long downloads30d, Long downloadsAllTime) {}

    boolean derivative() {
        return relation != null;
    }

    /** The relation that names a derivative: merge if any parent is merged, else the first parent's. */
    static String relationOf(Attribution.Lineage lineage) {
        if (lineage == null || lineage.parents().isEmpty()) {
            return null;
        }
        for (Attribution.Parent p : lineage.parents()) {
            if ("merge".equals(p.relation())) return "merge";
        }
        String first = lineage.parents().get(0).relation();
        return first == null || first.isBlank() ? "unknown" : first;
    }
}
